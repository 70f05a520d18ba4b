package io.legoj.runtime.arrays;

import static io.legoj.runtime.UnsafeAccess.U;

import java.util.function.IntFunction;

/** The eight primitive element types: their JVM array class, element size and how to make one. */
public enum Kind {
    BOOLEAN(boolean[].class, 0, boolean[]::new),
    BYTE(byte[].class, 0, byte[]::new),
    SHORT(short[].class, 1, short[]::new),
    CHAR(char[].class, 1, char[]::new),
    INT(int[].class, 2, int[]::new),
    LONG(long[].class, 3, long[]::new),
    FLOAT(float[].class, 2, float[]::new),
    DOUBLE(double[].class, 3, double[]::new);

    /** {@link #values()}, which copies its array each time: {@link #of} runs for every array the JDK returns. */
    private static final Kind[] ALL = values();

    final Class<?> jvmClass;
    /** log2 of the element size. */
    final int shift;
    /** Offset of element 0 in a JVM array of this kind, for bulk copies. */
    final long base;
    private final IntFunction<Object> create;

    Kind(Class<?> jvmClass, int shift, IntFunction<Object> create) {
        this.jvmClass = jvmClass;
        this.shift = shift;
        this.base = U.arrayBaseOffset(jvmClass);
        this.create = create;
    }

    public Class<?> jvmClass() {
        return jvmClass;
    }

    Object newJvmArray(int length) {
        return create.apply(length);
    }

    /** The name the JVM uses in exception messages: {@code int}, {@code double}, ... */
    String typeName() {
        return jvmClass.getComponentType().getName();
    }

    static Kind of(Class<?> jvmArrayClass) {
        for (Kind k : ALL) {
            if (k.jvmClass == jvmArrayClass) {
                return k;
            }
        }
        return null;
    }
}
