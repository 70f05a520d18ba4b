package io.legoj.runtime.arrays;

/** What rewritten code calls to create and clone primitive arrays. */
public final class ArrayHandles {
    private ArrayHandles() {
    }

    /** {@code newarray}: a zeroed array of {@code kind}. */
    public static PrimitiveArray create(int length, Kind kind) {
        return ArrayMemory.get().create(kind, length);
    }

    /**
     * {@code multianewarray} of {@code type} (a JVM array class with primitive elements at the
     * bottom) with the given dimensions; the levels above the primitive arrays are JVM arrays of handles.
     */
    public static Object createMulti(int[] dims, Class<?> type) {
        for (int d : dims) {
            if (d < 0) {
                throw new NegativeArraySizeException(String.valueOf(d));
            }
        }
        return level(dims, 0, type);
    }

    private static Object level(int[] dims, int at, Class<?> type) {
        Kind kind = Kind.of(type);
        if (kind != null) {
            return create(dims[at], kind);
        }
        Class<?> component = type.getComponentType();
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(ArrayBoundary.handleClassOf(component), dims[at]);
        if (at + 1 < dims.length) {
            for (int i = 0; i < array.length; i++) {
                array[i] = level(dims, at + 1, component);
            }
        }
        return array;
    }

    /** {@code a.clone()}: a new array (local or remote by its size) with the same elements. */
    public static Object cloneOf(PrimitiveArray a) {
        PrimitiveArray copy = create(a.length, a.kind());
        ArrayOps.copyElements(a, 0, copy, 0, a.length);
        return copy;
    }
}
