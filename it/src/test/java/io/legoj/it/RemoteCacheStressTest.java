package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.CacheCounters;
import io.legoj.runtime.CacheStress;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.RuntimeConfig;
import io.legoj.runtime.Tlb;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cache invariant with this JVM as the processor and a memory node in another process. */
class RemoteCacheStressTest {
    private static final String SECRET = "stress-secret";
    private static final int PAGE = 4096;
    private static final int PAGES = 64;
    private static final int WORDS = PAGES * PAGE / 8;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void sixteenFramesEightThreadsAgainstAMemnodeProcess() throws InterruptedException {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "64m");
                LegojRuntime rt = LegojRuntime.start(RuntimeConfig.defaults(List.of(node.address()), "stress", SECRET)
                        .withCache(16 * PAGE, PAGE))) {
            long base = rt.heap().allocate((long) PAGES * PAGE);
            long checked = CacheStress.run(rt.cache(), base, PAGES, 8, 10_000, 41);
            CacheCounters c = rt.cache().counters;
            System.out.println("stress: " + checked + " checked reads; " + rt.summary());
            assertTrue(checked > 30_000, "checked reads " + checked);
            assertTrue(c.evictions.sum() > 10_000, rt.summary());
            assertTrue(c.writeBacks.sum() > 1000, rt.summary());

            long[] snapshot = new long[WORDS];
            Tlb tlb = rt.cache().tlb();
            for (int i = 0; i < WORDS; i++) {
                snapshot[i] = tlb.getLong(base + 8L * i);
            }
            long fromNode = readBackThroughTheNode(rt, base, snapshot);
            System.out.println("after the stress: " + fromNode + " pages read back from the node; " + rt.summary());
            assertTrue(node.isAlive(), node.process().describe());
        }
    }

    /**
     * Under full load a fault mostly finds its page still in flight to the node, and copies it from
     * there. Here the stressed pages are pushed out by other pages and read again until the node
     * itself served most of them; every read is checked. Returns the pages the node served.
     */
    private static long readBackThroughTheNode(LegojRuntime rt, long base, long[] snapshot) {
        CacheCounters c = rt.cache().counters;
        Tlb tlb = rt.cache().tlb();
        long filler = rt.heap().allocate((long) PAGES * PAGE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int round = 1;; round++) {
            for (int p = 0; p < PAGES; p++) {
                tlb.putLong(filler + (long) p * PAGE, round);
            }
            long before = c.pagesRead.sum();
            for (int i = 0; i < WORDS; i++) {
                assertEquals(snapshot[i], tlb.getLong(base + 8L * i), "round " + round + " word " + i);
            }
            long read = c.pagesRead.sum() - before;
            if (read >= PAGES / 2) {
                System.out.println("read-back round " + round + ", " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
                        - deadline + TimeUnit.SECONDS.toNanos(60)) + " ms after the stress");
                return read;
            }
            assertTrue(System.nanoTime() < deadline, "the node served " + read + " of " + PAGES
                    + " pages in the last round; " + rt.summary());
        }
    }
}
