package io.legoj.runtime.arrays;

import io.legoj.runtime.Tlb;
import io.legoj.runtime.objects.ClassIds;
import io.legoj.runtime.objects.Layout;
import io.legoj.runtime.objects.Refs;
import io.legoj.runtime.objects.RemoteHandle;
import java.io.Serializable;
import java.lang.ref.Reference;

/**
 * A reference array of rewritten code that lives in remote memory: {@code length} references of 8
 * bytes from {@link #address}, as {@link Refs} encodes them. Its elements are the rewritten forms
 * (remote objects, array handles, JVM arrays, any JDK object). {@link #type} is the array's class in
 * the plain program ({@code String[]}, {@code int[][]}), which the JVM cannot give a handle: it is
 * kept in the header, after the length, so a re-created handle knows it too.
 *
 * <p>Its life is a {@link PrimitiveArray}'s: the block is freed when the handle dies unless remote
 * memory refers to the array by then ({@link #$legoj$address}), and an array that JDK code keeps is
 * pinned: a JVM array of the plain class holds its elements for good.
 */
public final class RefArray implements Cloneable, Serializable, RemoteHandle {
    private static final long serialVersionUID = 1L;
    /** log2 of the size of an element. */
    static final int SHIFT = 3;
    static final long HEADER = PrimitiveArray.HEADER;
    static final long LENGTH = PrimitiveArray.LENGTH;
    /** Offset of the class id of {@link #type} in the header. */
    static final long TYPE = LENGTH + 4;

    /** Set once, before the handle is shared (constructor or {@link #$legoj$bind}). */
    public int length;
    /** Remote address of element 0; 0 for an array born local. */
    transient long address;
    /** The array's class in the plain program; set with {@link #length}. */
    transient Class<?> type;
    /** The block's release when the handle dies; null once remote memory may refer to the array. */
    transient ArrayMemory.Block block;
    /**
     * Once pinned, the JVM array that is the elements' home for good; from the start for a small array
     * of reference arrays, whose elements a JVM array of its plain class could not all hold.
     */
    transient Object[] local;

    RefArray(int length, long address, Class<?> type) {
        this.length = length;
        this.address = address;
        this.type = type;
    }

    /** An array born local: its elements live in {@code local}. */
    RefArray(Object[] local, Class<?> type) {
        this(local.length, 0, type);
        this.local = local;
    }

    /** Element {@code i}, as {@code aaload} reads it. */
    public Object get(int i) {
        check(i);
        Object[] l = local;
        if (l != null) {
            return l[i];
        }
        Object v = Refs.decode(ArrayMemory.get().cache.tlb().getLong(address + ((long) i << SHIFT)));
        // until decoded: a dead handle's block gives back the local objects its elements hold
        Reference.reachabilityFence(this);
        return v;
    }

    /**
     * Stores {@code v} at {@code i}, checked as {@code aastore} does; the reference overwritten gives
     * back its count in the local object table.
     */
    public void set(int i, Object v) {
        check(i);
        if (v != null && !type.getComponentType().isAssignableFrom(ArrayBoundary.classOf(v))) {
            throw new ArrayStoreException(ArrayBoundary.classOf(v).getName());
        }
        Object[] l = local;
        if (l != null) {
            // a pinned array of reference arrays holds its rows' JVM arrays, of its plain class
            l[i] = l.getClass().getComponentType().isInstance(v) ? v : ArrayBoundary.homeElement(v);
            return;
        }
        Tlb t = ArrayMemory.get().cache.tlb();
        long at = address + ((long) i << SHIFT);
        long ref = encode(v);
        long old;
        do {
            old = t.getLong(at);
        } while (!t.compareAndSetLong(at, old, ref));
        Refs.release(old);
        Reference.reachabilityFence(this);
    }

    /**
     * An element as this array stores it: an array by its local id, which it gives back when
     * overwritten, so that an array a reference array held once (a ring of buffers) can be freed;
     * anything else as any remote reference ({@link Refs#encode}).
     */
    static long encode(Object v) {
        return v instanceof PrimitiveArray || v instanceof RefArray ? Refs.local(v) : Refs.encode(v);
    }

    /** The JVM's index check, with its exception and message (see {@link PrimitiveArray#check}). */
    void check(int i) {
        if (Integer.compareUnsigned(i, length) >= 0) {
            throw PrimitiveArray.outOfBounds(i, length);
        }
    }

    /**
     * The header's address, which remote memory stores to refer to this array; from then on the
     * block is never freed. 0 once pinned: remote memory refers to it through the local object table.
     */
    @Override
    public long $legoj$address() {
        if (local != null) {
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
    public long $legoj$rawAddress() {
        return address == 0 ? 0 : address - HEADER;
    }

    /** Makes a handle made without a constructor the handle of the array at {@code header}. */
    @Override
    public void $legoj$bind(long header) {
        Tlb t = ArrayMemory.get().cache.tlb();
        length = t.getInt(header + LENGTH);
        type = ClassIds.classOf(t.getInt(header + TYPE));
        address = header + HEADER;
    }

    /** The identity hash code, kept in the header so that a re-created handle answers the same. */
    @Override
    public int hashCode() {
        if (address == 0) {
            return super.hashCode();
        }
        int hash = ArrayMemory.get().cache.tlb().getInt(address - HEADER + Layout.IDENTITY_HASH);
        Reference.reachabilityFence(this);
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    /** As {@code Object.toString} of the JVM array: {@code [Ljava.lang.String;@1b6d3586}. */
    @Override
    public String toString() {
        return type.getName() + "@" + Integer.toHexString(hashCode());
    }

    /** Serialization writes the JVM array, as a plain JVM would. */
    private Object writeReplace() {
        return ArrayBoundary.toJvm(this);
    }
}
