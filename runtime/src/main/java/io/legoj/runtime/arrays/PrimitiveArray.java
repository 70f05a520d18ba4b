package io.legoj.runtime.arrays;

import io.legoj.runtime.objects.Layout;
import io.legoj.runtime.objects.RemoteHandle;
import java.io.Serializable;

/**
 * What a primitive array of rewritten code is: a handle whose elements live in remote memory from
 * {@link #address}, or, in local mode, in a JVM array. The handle is the array's identity (monitor,
 * identity hash code); {@code length} is read directly by rewritten code's {@code arraylength}.
 *
 * <p>A remote array's block starts with a header, laid out as a remote object's (class id, identity
 * hash) plus the length, so that remote memory can refer to the array as to a remote object: once
 * its address is stored there ({@link #$legoj$address}), the array lives as long as remote memory
 * does, and a handle the JVM collected is re-created from the header ({@link #$legoj$bind}). Until
 * then, the block is freed when the handle dies.
 *
 * <p>An array passed to JDK code that keeps it ({@code ByteBuffer.wrap}, say) is pinned: its JVM
 * copy becomes its home for good. Its remote block is kept until the handle dies, so a thread that
 * raced with the pinning still reads memory it owns.
 */
public abstract class PrimitiveArray implements Cloneable, Serializable, RemoteHandle {
    private static final long serialVersionUID = 1L;
    /** Bytes of the header before element 0. */
    static final long HEADER = 16;
    /** Offset of the length in the header. */
    static final long LENGTH = Layout.HEADER;

    /** Set once, before the handle is shared (constructor or {@link #$legoj$bind}). */
    public int length;
    /** Remote address of element 0; 0 for an array born in local mode. */
    transient long address;
    /** The block's release when the handle dies; null once remote memory may refer to the array. */
    transient ArrayMemory.Block block;
    /**
     * A local-mode array that nothing but rewritten code holds (made small, or a fresh JDK result):
     * when remote memory first refers to it, it moves there instead of into the local object table.
     */
    transient boolean movable;

    PrimitiveArray(int length, long address) {
        this.length = length;
        this.address = address;
    }

    /**
     * The header's address, which remote memory stores to refer to this array; from then on the
     * block is never freed. A movable local-mode array moves to remote memory first (a thread that
     * writes it at that very moment through a handle it got before, or in a counted loop's run over
     * its JVM array, may lose those writes). 0 for an
     * array whose home stays a JVM array (pinned, or held by JDK code): remote memory refers to it
     * through the local object table.
     */
    @Override
    public final long $legoj$address() {
        if (address == 0 && movable) {
            ArrayMemory.get().moveToRemote(this);
        }
        if (address == 0 || local() != null) {
            return 0;
        }
        ArrayMemory.Block b = block;
        if (b != null) {
            block = null;
            b.keepFor(this);
        }
        return address - HEADER;
    }

    @Override
    public final long $legoj$rawAddress() {
        return address == 0 ? 0 : address - HEADER;
    }

    /** Makes a handle made without a constructor the handle of the array at {@code header}. */
    @Override
    public final void $legoj$bind(long header) {
        length = ArrayMemory.get().cache.tlb().getInt(header + LENGTH);
        address = header + HEADER;
    }

    /** The identity hash code, kept in the header of a remote array so a re-created handle answers the same. */
    @Override
    public final int hashCode() {
        return address == 0 ? super.hashCode()
                : ArrayMemory.get().cache.tlb().getInt(address - HEADER + Layout.IDENTITY_HASH);
    }

    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    abstract Kind kind();

    /** The JVM array holding the elements in local mode, else null. */
    abstract Object local();

    /** Makes {@code jvm} (of this kind and length, holding the elements) the array's home. */
    abstract void pinTo(Object jvm);

    /**
     * The JVM's index check, done here for both modes: a check the JVM makes itself loses its message
     * once the site is hot (fast throw), and every array access of the application shares these sites.
     */
    final void check(int i) {
        if (Integer.compareUnsigned(i, length) >= 0) {
            throw outOfBounds(i, length);
        }
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
