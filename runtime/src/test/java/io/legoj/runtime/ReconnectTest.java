package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import io.legoj.protocol.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One replica and a journaled memnode: the application waits while the node restarts, then goes on. */
class ReconnectTest {
    private static final String SECRET = "reconnect-secret";
    private static final int PAGE = 4096;

    @TempDir
    Path journal;

    private static long value(long page, int round) {
        return page * 7_919L + round;
    }

    @Test
    void requestsWaitForARestartedMemnodeAndNothingIsLost() throws Exception {
        MemNodeConfig nodeConfig = MemNodeConfig.of(256L << 20, SECRET).withJournal(journal);
        MemNode node = new MemNode(nodeConfig);
        int port = node.start();
        RuntimeConfig config = RuntimeConfig.defaults(List.of(new HostPort("127.0.0.1", port)), "app-reconnect", SECRET)
                .withCache(16 * PAGE, PAGE).withReconnect(Duration.ofSeconds(30));
        AtomicReference<MemNode> restarted = new AtomicReference<>();
        try (LegojRuntime rt = LegojRuntime.start(config)) {
            int pages = 200;
            long base = rt.heap().allocate((long) pages * PAGE);
            for (long p = 0; p < pages; p++) {
                rt.cache().tlb().putLong(base + p * PAGE, value(p, 1));
            }
            node.close();
            Thread restarter = new Thread(() -> {
                MemNode again = new MemNode(nodeConfig.withPort(port));
                again.start();
                restarted.set(again);
            });
            restarter.start();
            for (long p = 0; p < pages; p++) {
                assertEquals(value(p, 1), rt.cache().tlb().getLong(base + p * PAGE), "page " + p);
                rt.cache().tlb().putLong(base + p * PAGE, value(p, 2));
            }
            restarter.join();
            for (long p = 0; p < pages; p++) {
                assertEquals(value(p, 2), rt.cache().tlb().getLong(base + p * PAGE), "page " + p);
            }
            assertNull(rt.cache().failure());
        } finally {
            if (restarted.get() != null) {
                restarted.get().close();
            }
        }
    }

    @Test
    void aMemnodeThatStaysAwayIsLostAfterTheWait() {
        MemNode node = new MemNode(MemNodeConfig.of(64L << 20, SECRET));
        int port = node.start();
        RuntimeConfig config = RuntimeConfig.defaults(List.of(new HostPort("127.0.0.1", port)), "app-away", SECRET)
                .withCache(16 * PAGE, PAGE).withReconnect(Duration.ofMillis(500));
        try (LegojRuntime rt = LegojRuntime.start(config)) {
            long base = rt.heap().allocate(100L * PAGE);
            for (long p = 0; p < 100; p++) {
                rt.cache().tlb().putLong(base + p * PAGE, p);
            }
            node.close();
            LegojError e = assertThrows(LegojError.class, () -> {
                for (long p = 0; p < 100; p++) {
                    rt.cache().tlb().getLong(base + p * PAGE);
                }
            });
            assertTrue(e.getMessage().contains("did not come back within"), e.getMessage());
        }
    }
}
