package io.legoj.runtime.arrays;

import io.legoj.runtime.Heap;
import io.legoj.runtime.PageCache;
import io.legoj.runtime.Tlb;
import io.legoj.runtime.objects.ClassIds;
import io.legoj.runtime.objects.Handles;
import io.legoj.runtime.objects.Layout;
import io.legoj.runtime.objects.Layouts;
import io.legoj.runtime.objects.Refs;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the arrays of rewritten code live: arrays of at most {@code localMaxBytes} bytes stay in
 * local mode (a reference array: a JVM array), larger ones take a block of the remote {@link Heap}
 * (header and elements), freed when their handle dies unless remote memory refers to them by then.
 * Dead handles are found on the next allocation, so no thread of its own is needed. Installed once
 * by the agent (tests install their own).
 */
public final class ArrayMemory {
    private static volatile ArrayMemory installed;

    final Heap heap;
    final PageCache cache;
    final long localMaxBytes;
    private final boolean remoteObjects;
    private final LongAdder remoteArrays = new LongAdder();
    private final LongAdder remoteBytes = new LongAdder();
    private final ReferenceQueue<Object> dead = new ReferenceQueue<>();
    /**
     * Blocks to free when their handle dies, linked from this head so that their references stay
     * reachable until then (as the JDK's {@code Cleaner} keeps its own): linking and unlinking cost
     * a few stores under this lock, where a concurrent set took a third of a small array's allocation.
     */
    private final Block owned = new Block();

    /** With application objects that may be remote ({@code objects=remote}). */
    public ArrayMemory(Heap heap, PageCache cache, long localMaxBytes) {
        this(heap, cache, localMaxBytes, true);
    }

    /**
     * {@code remoteObjects}: whether application objects may be remote; without them no reference
     * array holds anything remote memory could keep by address, and all are JVM arrays.
     */
    public ArrayMemory(Heap heap, PageCache cache, long localMaxBytes, boolean remoteObjects) {
        if (localMaxBytes < 0) {
            throw new IllegalArgumentException("the local array size limit must not be negative, got " + localMaxBytes);
        }
        this.heap = heap;
        this.cache = cache;
        this.localMaxBytes = localMaxBytes;
        this.remoteObjects = remoteObjects;
    }

    public static void install(ArrayMemory memory) {
        installed = memory;
    }

    static ArrayMemory get() {
        ArrayMemory m = installed;
        if (m == null) {
            throw new IllegalStateException("no LegoJ array memory is installed (start the JVM with "
                    + "-javaagent:legoj-agent.jar=arrays=remote,...)");
        }
        return m;
    }

    /** True when a new array of this size is made in local mode (with no limit, not even an empty one). */
    boolean staysLocal(Kind kind, int length) {
        return staysLocal((long) length << kind.shift, length);
    }

    private boolean staysLocal(long bytes, int length) {
        return bytes <= localMaxBytes && (localMaxBytes > 0 || length > 0);
    }

    /** A new zeroed array: local when small, remote otherwise. */
    PrimitiveArray create(Kind kind, int length) {
        if (length < 0) {
            throw new NegativeArraySizeException(String.valueOf(length));
        }
        if (staysLocal(kind, length)) {
            PrimitiveArray a = ArrayBoundary.wrapLocal(kind.newJvmArray(length));
            a.movable = true;
            return a;
        }
        freeDead();
        long bytes = (long) length << kind.shift;
        long header = heap.allocate(PrimitiveArray.HEADER + bytes);
        long va = header + PrimitiveArray.HEADER;
        PrimitiveArray a = switch (kind) {
            case BOOLEAN -> new BooleanArray(length, va);
            case BYTE -> new ByteArray(length, va);
            case SHORT -> new ShortArray(length, va);
            case CHAR -> new CharArray(length, va);
            case INT -> new IntArray(length, va);
            case LONG -> new LongArray(length, va);
            case FLOAT -> new FloatArray(length, va);
            case DOUBLE -> new DoubleArray(length, va);
        };
        writeHeader(header, a, length);
        remoteArrays.increment();
        remoteBytes.add(bytes);
        a.block = new Block(this, a, header, bytes, false);
        own(a.block);
        return a;
    }

    /**
     * A new array of the plain reference-array class {@code type}, all null: a JVM array of its
     * handle class when small, else a remote {@link RefArray}. Only remote objects are stored by
     * address; an array whose elements cannot be remote objects (a JDK class such as {@code String},
     * an application class that keeps its fields local, primitive arrays as in an {@code int[][]},
     * anything without {@code objects=remote}) gains nothing from remote slots, which refer to them
     * through the local object table, so it is a JVM array whatever its size. A small array of reference arrays is a RefArray
     * born local: its rows may be JVM arrays or RefArrays, and no JVM array class holds both.
     */
    Object createReferences(Class<?> type, int length) {
        if (length < 0) {
            throw new NegativeArraySizeException(String.valueOf(length));
        }
        Class<?> component = type.getComponentType();
        boolean holdsReferenceArrays = component.isArray() && Kind.of(component) == null;
        boolean mayHoldRemoteObjects = remoteObjects && (component == Object.class || component.isInterface()
                || Layouts.ownFieldsRemote(component));
        boolean holdsLocalObjects = !holdsReferenceArrays && !mayHoldRemoteObjects;
        if (holdsLocalObjects || staysLocal((long) length << RefArray.SHIFT, length)) {
            // a JVM array of the plain class could not hold both JVM arrays and RefArrays as elements
            return holdsReferenceArrays ? new RefArray(new Object[length], type)
                    : java.lang.reflect.Array.newInstance(ArrayBoundary.handleClassOf(component), length);
        }
        return newRemote(type, length);
    }

    /** A new remote RefArray of plain class {@code type}, all null. */
    RefArray newRemote(Class<?> type, int length) {
        freeDead();
        long bytes = (long) length << RefArray.SHIFT;
        long header = heap.allocate(RefArray.HEADER + bytes);
        RefArray a = new RefArray(length, header + RefArray.HEADER, type);
        writeHeader(header, a, length);
        cache.tlb().putInt(header + RefArray.TYPE, ClassIds.idOf(type));
        remoteArrays.increment();
        remoteBytes.add(bytes);
        a.block = new Block(this, a, header, bytes, true);
        own(a.block);
        return a;
    }

    private void writeHeader(long header, Object array, int length) {
        Tlb t = cache.tlb();
        t.putInt(header + Layout.CLASS_ID, ClassIds.idOf(array.getClass()));
        t.putInt(header + Layout.IDENTITY_HASH, System.identityHashCode(array));
        t.putInt(header + PrimitiveArray.LENGTH, length);
    }

    /**
     * Moves a movable local-mode array to a block of its own, kept for good: remote memory is about
     * to refer to it. Its handle stays the array's identity (and identity hash).
     */
    synchronized void moveToRemote(PrimitiveArray a) {
        if (a.address != 0) {
            return;
        }
        Kind k = a.kind();
        long bytes = (long) a.length << k.shift;
        long header = heap.allocate(PrimitiveArray.HEADER + bytes);
        writeHeader(header, a, a.length);
        cache.copyIn(a.local(), k.base, header + PrimitiveArray.HEADER, bytes);
        a.address = header + PrimitiveArray.HEADER;
        a.pinTo(null);
        a.movable = false;
        remoteArrays.increment();
        remoteBytes.add(bytes);
        Handles.register(a, header);
    }

    private void freeDead() {
        for (Reference<?> r; (r = dead.poll()) != null; ) {
            Block b = (Block) r;
            if (disown(b)) {
                if (b.references) {
                    releaseElements(b);
                }
                heap.free(b.header);
                remoteArrays.decrement();
                remoteBytes.add(-b.bytes);
            }
        }
    }

    /** The references a dead RefArray's elements held, given back: nothing refers to its block any more. */
    private void releaseElements(Block b) {
        Tlb t = cache.tlb();
        long elements = b.header + RefArray.HEADER;
        for (long off = 0; off < b.bytes; off += 1L << RefArray.SHIFT) {
            Refs.release(t.getLong(elements + off));
        }
    }

    private void own(Block b) {
        synchronized (owned) {
            b.prev = owned;
            b.next = owned.next;
            if (owned.next != null) {
                owned.next.prev = b;
            }
            owned.next = b;
        }
    }

    /** Unlinks {@code b}; false when it was not linked (its handle died and {@link Block#keep} ran, once each). */
    private boolean disown(Block b) {
        synchronized (owned) {
            if (b.prev == null) {
                return false;
            }
            b.prev.next = b.next;
            if (b.next != null) {
                b.next.prev = b.prev;
            }
            b.prev = null;
            b.next = null;
            return true;
        }
    }

    /** Live remote arrays and their bytes, for the exit summary. */
    public String summary() {
        return "remote_arrays=" + remoteArrays.sum() + " remote_array_bytes=" + remoteBytes.sum();
    }

    /** An array's block, freed once its handle is unreachable unless {@link #keep} came first. */
    static final class Block extends PhantomReference<Object> {
        private final ArrayMemory memory;
        final long header;
        /** Bytes of the elements. */
        final long bytes;
        /** A RefArray's block, whose elements are references to give back when it is freed. */
        final boolean references;
        /** Neighbours in {@link #owned} (guarded by it); {@code prev} is null once unlinked. */
        private Block prev;
        private Block next;

        Block(ArrayMemory memory, Object array, long header, long bytes, boolean references) {
            super(array, memory.dead);
            this.memory = memory;
            this.header = header;
            this.bytes = bytes;
            this.references = references;
        }

        /** The head of {@link #owned}. */
        private Block() {
            super(null, null);
            this.memory = null;
            this.header = 0;
            this.bytes = 0;
            this.references = false;
        }

        /** Remote memory refers to the array now: its block lives as long as remote memory does. */
        void keep() {
            memory.disown(this);
            clear();
        }

        /** {@link #keep}, and {@code handle} becomes the canonical handle of the array's header. */
        void keepFor(Object handle) {
            keep();
            Handles.register(handle, header);
        }
    }
}
