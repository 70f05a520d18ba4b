package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CacheStressTest {
    private static final int PAGE = 4096;

    /** Returns how many TLBs grew. */
    private static long stress(int frames, int tlbEntries, int threads, int pages) throws InterruptedException {
        try (InMemoryBackend backend = new InMemoryBackend(PAGE, 1 << 20, 2);
                PageCache cache = new PageCache(backend, frames, tlbEntries, 4, 4)) {
            long base = backend.allocateRegions(1);
            long checked = CacheStress.run(cache, base, pages, threads, 60_000, 17);
            assertTrue(checked > 100_000, "checked " + checked);
            assertTrue(cache.counters.evictions.sum() > 10_000, "evictions " + cache.counters.evictions.sum());
            return cache.counters.tlbGrowths.sum();
        }
    }

    @Test
    void eightThreadsSixteenFramesOneEntryTlbs() throws InterruptedException {
        stress(16, 0, 8, 64);
    }

    @Test
    void fourThreadsWhoseTlbsGrowWhileOthersEvict() throws InterruptedException {
        assertTrue(stress(128, 0, 4, 200) > 0, "no TLB grew");
    }

    @Test
    void twelveThreadsWithWiderTlbsForceShootdowns() throws InterruptedException {
        stress(24, 2, 12, 48);
    }
}
