package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapTest {
    private static final int PAGE = 4096;
    private final InMemoryBackend backend = new InMemoryBackend(PAGE, 1 << 20, 2);
    private final PageCache cache = new PageCache(backend, 16, 0, 4, 4);
    private final Heap heap = new Heap(backend, cache);

    @AfterEach
    void close() {
        backend.close();
        cache.close();
    }

    @Test
    void allocationsAskForCollectionsAndFreesCount() {
        int[] collected = {0};
        // 16 frames: a request each MiB (the least) while blocks die young
        Heap h = new Heap(backend, cache, wait -> collected[0]++);
        for (int i = 0; i < 300; i++) {
            long va = h.allocate(PAGE * 2);
            h.free(va);
        }
        for (int i = 0; i < 2048; i++) {
            h.free(h.allocate(1000)); // a block of the 1024-byte class
        }
        // 2.4 MiB of runs, then 2 MiB of small blocks: a request at each 129th run's worth, then each 1025th block's
        assertEquals(4, collected[0]);
        assertEquals(4, h.collectionRequests());
    }

    @Test
    void sizeClassesAreAlignedAndBounded() {
        List<Integer> sizes = Heap.sizeClasses(PAGE / 2);
        assertEquals(16, sizes.get(0));
        assertEquals(PAGE / 2, sizes.get(sizes.size() - 1));
        for (int s : sizes) {
            assertEquals(0, s % 8, "size " + s);
        }
    }

    @Test
    void smallBlocksNeverStraddleAPageAndNeverOverlap() {
        Set<Long> seen = new HashSet<>();
        for (int size : new int[] {1, 8, 17, 24, 100, 1000, 2048}) {
            for (int i = 0; i < 200; i++) {
                long va = heap.allocate(size);
                assertTrue(va > 0);
                assertEquals(0, va % 8);
                assertEquals(va / PAGE, (va + size - 1) / PAGE, "block of " + size + " at " + va + " straddles a page");
                assertTrue(seen.add(va));
            }
        }
    }

    @Test
    void freedBlocksAreReusedZeroed() {
        long a = heap.allocate(40);
        cache.tlb().putLong(a, -1);
        cache.tlb().putLong(a + 32, -1);
        heap.free(a);
        long b = heap.allocate(40);
        assertEquals(a, b);
        assertEquals(0, cache.tlb().getLong(b));
        assertEquals(0, cache.tlb().getLong(b + 32));
    }

    @Test
    void largeRunsArePageAlignedAndReusedZeroed() {
        long a = heap.allocate(3 * PAGE + 1);
        assertEquals(0, a % PAGE);
        cache.tlb().putInt(a + 3 * PAGE, 99);
        heap.free(a);
        long b = heap.allocate(4 * PAGE);
        assertEquals(a, b);
        assertEquals(0, cache.tlb().getInt(b + 3 * PAGE));
        long huge = heap.allocate(3L << 20);
        assertNotEquals(0, huge);
        cache.tlb().putLong(huge + (3L << 20) - 8, 5);
        assertEquals(5, cache.tlb().getLong(huge + (3L << 20) - 8));
    }

    @Test
    void freeingWhatWasNotAllocatedFails() {
        long a = heap.allocate(64);
        assertThrows(IllegalArgumentException.class, () -> heap.free(a + 8));
        assertThrows(IllegalArgumentException.class, () -> heap.free(1L << 40));
        long run = heap.allocate(PAGE * 2);
        heap.free(run);
        assertThrows(IllegalArgumentException.class, () -> heap.free(run));
    }
}
