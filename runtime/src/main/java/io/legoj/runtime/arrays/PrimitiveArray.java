package io.legoj.runtime.arrays;

import java.io.Serializable;

/**
 * What a primitive array of rewritten code is: a handle whose elements live in remote memory from
 * {@link #address}, or, in local mode, in a JVM array. The handle is the array's identity (monitor,
 * identity hash code); {@code length} is read directly by rewritten code's {@code arraylength}.
 *
 * <p>An array passed to JDK code that keeps it ({@code ByteBuffer.wrap}, say) is pinned: its JVM
 * copy becomes its home for good. Its remote block is kept until the handle dies, so a thread that
 * raced with the pinning still reads memory it owns.
 */
public abstract class PrimitiveArray implements Cloneable, Serializable {
    private static final long serialVersionUID = 1L;

    public final int length;
    /** Remote address of element 0; 0 for an array born in local mode. */
    final transient long address;

    PrimitiveArray(int length, long address) {
        this.length = length;
        this.address = address;
    }

    abstract Kind kind();

    /** The JVM array holding the elements in local mode, else null. */
    abstract Object local();

    /** Makes {@code jvm} (of this kind and length, holding the elements) the array's home. */
    abstract void pinTo(Object jvm);

    /** Remote address of element {@code i}, after the JVM's index check. */
    final long element(int i, int shift) {
        if (Integer.compareUnsigned(i, length) >= 0) {
            throw outOfBounds(i, length);
        }
        return address + ((long) i << shift);
    }

    static ArrayIndexOutOfBoundsException outOfBounds(int i, int length) {
        return new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for length " + length);
    }

    /** As {@code Object.toString} of the JVM array: {@code [I@1b6d3586}. */
    @Override
    public String toString() {
        return kind().jvmClass.getName() + "@" + Integer.toHexString(hashCode());
    }

    /**
     * Serialization writes the JVM array, as a plain JVM would. Not private: serialization looks for
     * it from the concrete subclass, which does not inherit a private method.
     */
    final Object writeReplace() {
        return ArrayBoundary.toJvm(this);
    }
}
