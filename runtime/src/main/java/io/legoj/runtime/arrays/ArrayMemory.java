package io.legoj.runtime.arrays;

import io.legoj.runtime.Heap;
import io.legoj.runtime.PageCache;
import io.legoj.runtime.Tlb;
import io.legoj.runtime.objects.ClassIds;
import io.legoj.runtime.objects.Handles;
import io.legoj.runtime.objects.Layout;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the arrays of rewritten code live: arrays of at most {@code localMaxBytes} bytes stay in
 * local mode, larger ones take a block of the remote {@link Heap} (header and elements), freed when
 * their handle dies unless remote memory refers to them by then. Dead handles are found on the next
 * allocation, so no thread of its own is needed. Installed once by the agent (tests install their own).
 */
public final class ArrayMemory {
    /**
     * At most this many remote bytes are allocated between two requests for a collection: the JVM's
     * collector, which finds dead handles, sees only their few local bytes, so it is asked for one now
     * and then (as NIO does for direct buffers), lest short-lived arrays fill the memnodes first.
     */
    static final long COLLECT_EVERY = 256L << 20;
    private static volatile ArrayMemory installed;

    final Heap heap;
    final PageCache cache;
    final long localMaxBytes;
    private final LongAdder remoteArrays = new LongAdder();
    private final LongAdder remoteBytes = new LongAdder();
    private final ReferenceQueue<PrimitiveArray> dead = new ReferenceQueue<>();
    /** Blocks to free when their handle dies; their references must stay reachable until then. */
    private final Set<Block> owned = ConcurrentHashMap.newKeySet();
    private final AtomicLong sinceCollection = new AtomicLong();
    /**
     * Remote bytes allocated between two requests for a collection while arrays die young: a quarter
     * of the page cache (at most {@link #COLLECT_EVERY}), so that dead arrays and the blocks reused
     * after them stay resident. Otherwise their pages are written back to the memnodes and read again
     * when the blocks are reused: an array allocation took 40 microseconds instead of 1 with 256 MiB
     * over a 64 MiB cache, and half the cache still let the heap outgrow it.
     */
    private final long collectEvery;
    /**
     * The current distance between requests: doubled (up to {@link #COLLECT_EVERY}) while the last
     * request freed less than half of what was allocated before it, since then the arrays live on and
     * a full collection finds little; back to {@link #collectEvery} once they die young again.
     */
    private volatile long collectInterval;
    /** Bytes allocated between the two last requests, and freed since the last one (what it found dead). */
    private volatile long allocatedBeforeRequest;
    private final LongAdder freedSinceRequest = new LongAdder();
    private final LongAdder collections = new LongAdder();

    public ArrayMemory(Heap heap, PageCache cache, long localMaxBytes) {
        if (localMaxBytes < 0) {
            throw new IllegalArgumentException("the local array size limit must not be negative, got " + localMaxBytes);
        }
        this.heap = heap;
        this.cache = cache;
        this.localMaxBytes = localMaxBytes;
        this.collectEvery = Math.min(COLLECT_EVERY, (long) cache.frameCount() * cache.pageSize() / 4);
        this.collectInterval = collectEvery;
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
        long bytes = (long) length << kind.shift;
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
        long since = sinceCollection.addAndGet(PrimitiveArray.HEADER + bytes);
        if (since > collectInterval) {
            sinceCollection.set(0);
            collectInterval = 2 * freedSinceRequest.sumThenReset() < allocatedBeforeRequest
                    ? Math.min(COLLECT_EVERY, 2 * collectInterval) : collectEvery;
            allocatedBeforeRequest = since;
            collections.increment();
            System.gc();
        }
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
        writeHeader(header, a);
        remoteArrays.increment();
        remoteBytes.add(bytes);
        a.block = new Block(this, a, header, bytes);
        owned.add(a.block);
        return a;
    }

    private void writeHeader(long header, PrimitiveArray a) {
        Tlb t = cache.tlb();
        t.putInt(header + Layout.CLASS_ID, ClassIds.idOf(a.getClass()));
        t.putInt(header + Layout.IDENTITY_HASH, System.identityHashCode(a));
        t.putInt(header + PrimitiveArray.LENGTH, a.length);
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
        writeHeader(header, a);
        cache.copyIn(a.local(), k.base, header + PrimitiveArray.HEADER, bytes);
        a.address = header + PrimitiveArray.HEADER;
        a.pinTo(null);
        a.movable = false;
        remoteArrays.increment();
        remoteBytes.add(bytes);
        Handles.register(a, header);
    }

    private void freeDead() {
        for (Reference<? extends PrimitiveArray> r; (r = dead.poll()) != null; ) {
            Block b = (Block) r;
            if (owned.remove(b)) {
                heap.free(b.header);
                remoteArrays.decrement();
                remoteBytes.add(-b.bytes);
                freedSinceRequest.add(PrimitiveArray.HEADER + b.bytes);
            }
        }
    }

    /** Live remote arrays and their bytes, and the collections asked for, for the exit summary. */
    public String summary() {
        return "remote_arrays=" + remoteArrays.sum() + " remote_array_bytes=" + remoteBytes.sum() + " array_gc_requests="
                + collections.sum();
    }

    /** An array's block, freed once its handle is unreachable unless {@link #keep} came first. */
    static final class Block extends PhantomReference<PrimitiveArray> {
        private final ArrayMemory memory;
        final long header;
        final long bytes;

        Block(ArrayMemory memory, PrimitiveArray array, long header, long bytes) {
            super(array, memory.dead);
            this.memory = memory;
            this.header = header;
            this.bytes = bytes;
        }

        /** Remote memory refers to the array now: its block lives as long as remote memory does. */
        void keep() {
            memory.owned.remove(this);
            clear();
        }
    }
}
