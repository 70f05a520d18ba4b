package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Ticker;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.RuntimeConfig;
import io.legoj.runtime.Tlb;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two applications on one memory node process: the same virtual addresses, different contents,
 * each reads back only its own. Both runtimes live in this JVM; the node cannot tell.
 */
class IsolationTest {
    private static final String SECRET = "isolation-secret";
    private static final int PAGE = 4096;
    /** Eight times the cache, so that every page goes through the node. */
    private static final int PAGES = 64;
    private static final int STEP = 256;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sameAddressesDifferentApplications() {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "64m");
                LegojRuntime a = start(node, "app-a");
                LegojRuntime b = start(node, "app-b")) {
            long baseA = a.heap().allocate((long) PAGES * PAGE);
            long baseB = b.heap().allocate((long) PAGES * PAGE);
            assertEquals(baseA, baseB, "two fresh address spaces hand out the same first addresses");

            for (int round = 1; round <= 3; round++) {
                write(a, baseA, pattern('A', round));
                write(b, baseB, pattern('B', round));
                check(a, baseA, pattern('A', round));
                check(b, baseB, pattern('B', round));
            }
            checkThroughTheNode(a, baseA, pattern('A', 3));
            checkThroughTheNode(b, baseB, pattern('B', 3));

            NodeStats stats = stats(node);
            assertEquals(2, stats.applications, stats.toYaml());
            assertTrue(stats.pages >= 2L * PAGES, stats.toYaml());
        }
    }

    private static LegojRuntime start(MemnodeProcess node, String appId) {
        return LegojRuntime.start(RuntimeConfig.defaults(List.of(node.address()), appId, SECRET).withCache(8 * PAGE, PAGE));
    }

    private static long pattern(char app, int round) {
        return ((long) app << 56) | ((long) round << 40);
    }

    private static void write(LegojRuntime rt, long base, long pattern) {
        Tlb tlb = rt.cache().tlb();
        for (long off = 0; off < (long) PAGES * PAGE; off += STEP) {
            tlb.putLong(base + off, pattern | off);
        }
    }

    /** Every word written must read back. */
    private static void check(LegojRuntime rt, long base, long pattern) {
        Tlb tlb = rt.cache().tlb();
        for (long off = 0; off < (long) PAGES * PAGE; off += STEP) {
            long v = tlb.getLong(base + off);
            if (v != (pattern | off)) {
                throw new AssertionError(rt.config().appId() + " at offset " + off + " reads 0x" + Long.toHexString(v)
                        + ", wrote 0x" + Long.toHexString(pattern | off));
            }
        }
    }

    /**
     * Checks until the node itself served most pages of a sweep: a fault on a page whose write-back
     * is still unacknowledged copies it locally, which proves nothing about the node.
     */
    private static void checkThroughTheNode(LegojRuntime rt, long base, long pattern) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (;;) {
            long before = rt.cache().counters.pagesRead.sum();
            check(rt, base, pattern);
            long read = rt.cache().counters.pagesRead.sum() - before;
            if (read >= PAGES / 2) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the node served " + read + " of " + PAGES + " pages; "
                    + rt.summary());
        }
    }

    private static NodeStats stats(MemnodeProcess node) {
        EventLoopGroup group = EventLoops.create("isolation-stat", 1);
        NodeConnection.Settings s = new NodeConnection.Settings(SECRET, "legoj-stat", 0, TimeUnit.SECONDS.toNanos(30),
                Ticker.SYSTEM);
        try (NodeConnection c = NodeConnection.open(group, "memnode", node.address(), s)) {
            StatsReply r = assertInstanceOf(StatsReply.class, c.call(new Stats(c.nextRequestId())));
            return NodeStats.fromYaml(r.yaml());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
