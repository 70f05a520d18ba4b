package io.legoj.runtime;

import io.legoj.runtime.arrays.ArrayMemory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For the tests of {@code io.legoj.runtime.arrays}: an {@link ArrayMemory} over a small page cache
 * on the in-memory backend, installed as the array memory and as {@link Mmu}'s memory (which
 * references into remote memory use). Close it after the test; arrays made from it must not be used
 * afterwards. Each memory has addresses of its own, so that the handles earlier tests left in the
 * JVM-wide handle tables never stand for a later test's arrays.
 */
public final class ArrayTestMemory implements AutoCloseable {
    public static final int PAGE = 4096;
    private static final int NODES = 2;
    /** Regions of 1 MiB that each memory may use before the next one's start. */
    private static final long REGIONS_EACH = 1 << 10;
    private static final AtomicLong MEMORIES = new AtomicLong();

    private final InMemoryBackend backend;
    public final PageCache cache;
    public final Heap heap;
    public final ArrayMemory memory;

    private ArrayTestMemory(int frames, long localMaxBytes) {
        backend = new InMemoryBackend(PAGE, 1 << 20, NODES);
        backend.skipRegions(MEMORIES.getAndIncrement() * REGIONS_EACH);
        cache = new PageCache(backend, frames, 0, 4, 4);
        heap = new Heap(backend, cache);
        memory = new ArrayMemory(heap, cache, localMaxBytes);
    }

    /** A new memory of {@code frames} frames of 4 KiB, installed; the latest installed wins. */
    public static ArrayTestMemory install(int frames, long localMaxBytes) {
        ArrayTestMemory m = new ArrayTestMemory(frames, localMaxBytes);
        ArrayMemory.install(m.memory);
        Mmu.useMemory(m.cache, m.heap);
        return m;
    }

    public Tlb tlb() {
        return cache.tlb();
    }

    /** Pages written back to the backend so far: non-zero once the cache has evicted. */
    public int pagesWritten() {
        return backend.pagesWritten.get();
    }

    @Override
    public void close() {
        ArrayMemory.install(null);
        Mmu.useMemory(null, null);
        // let the write-backs still queued at the nodes complete, so none is dropped with its buffer
        for (int node = 0; node < NODES; node++) {
            backend.exchange(node, new long[0], null, new long[0]).join().release();
        }
        backend.close();
        cache.close();
    }
}
