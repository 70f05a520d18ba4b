package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeFailureException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime against memory nodes in this JVM, over real sockets. */
class MemNodeRuntimeTest {
    private static final String SECRET = "test-secret";
    private final List<MemNode> nodes = new ArrayList<>();

    private List<HostPort> start(int count, long capacity) {
        List<HostPort> addrs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MemNode n = new MemNode(MemNodeConfig.of(capacity, SECRET));
            addrs.add(new HostPort("127.0.0.1", n.start()));
            nodes.add(n);
        }
        return addrs;
    }

    @AfterEach
    void stop() {
        nodes.forEach(MemNode::close);
    }

    private static RuntimeConfig config(List<HostPort> addrs, long cache) {
        return RuntimeConfig.defaults(addrs, "app-" + System.nanoTime(), SECRET).withCache(cache, 4096);
    }

    @Test
    void stressAgainstInProcessNodes() throws InterruptedException {
        try (LegojRuntime rt = LegojRuntime.start(config(start(2, 64L << 20), 16 * 4096))) {
            long base = rt.heap().allocate(64 * 4096);
            long checked = CacheStress.run(rt.cache(), base, 64, 8, 15_000, 5);
            assertTrue(checked > 50_000);
            assertTrue(rt.cache().counters.writeBacks.sum() > 1000, rt.summary());
        }
    }

    @Test
    void regionsArePlacedOnTheLeastUsedNode() {
        try (LegojRuntime rt = LegojRuntime.start(config(start(2, 64L << 20), 1 << 20))) {
            long a = rt.remote().allocateRegions(1);
            long b = rt.remote().allocateRegions(1);
            int pageShift = 12;
            assertTrue(rt.remote().nodeOf(a >>> pageShift) != rt.remote().nodeOf(b >>> pageShift));
            assertEquals(2, nodes.stream().mapToInt(n -> n.stats().applications).sum());
        }
    }

    @Test
    void aFullNodeIsAnOutOfMemoryErrorNamingIt() {
        try (LegojRuntime rt = LegojRuntime.start(config(start(1, 256 * 4096), 8 * 4096))) {
            long big = rt.heap().allocate(4L << 20);
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> {
                for (long off = 0; off < (4L << 20); off += 4096) {
                    rt.cache().tlb().putLong(big + off, off);
                }
                for (long off = 0; off < (4L << 20); off += 4096) {
                    assertEquals(off, rt.cache().tlb().getLong(big + off));
                }
            });
            assertTrue(e.getMessage().contains("memnode 127.0.0.1:") && e.getMessage().contains("full"), e.getMessage());
        }
    }

    @Test
    void aDeadNodeFailsTheApplicationWithItsName() {
        List<HostPort> addrs = start(1, 64L << 20);
        try (LegojRuntime rt = LegojRuntime.start(config(addrs, 8 * 4096).withTimeout(Duration.ofSeconds(5)))) {
            long base = rt.heap().allocate(64 * 4096);
            for (int p = 0; p < 64; p++) {
                rt.cache().tlb().putInt(base + p * 4096L, p);
            }
            nodes.get(0).close();
            LegojError e = assertThrows(LegojError.class, () -> {
                for (int p = 0; p < 64; p++) {
                    rt.cache().tlb().getInt(base + p * 4096L);
                }
            });
            assertTrue(e.getMessage().contains("memnode " + addrs.get(0)), e.getMessage());
        }
    }

    @Test
    void unreachableNodeAtStartNamesIt() {
        HostPort nowhere = new HostPort("127.0.0.1", 1);
        NodeFailureException e = assertThrows(NodeFailureException.class,
                () -> LegojRuntime.start(config(List.of(nowhere), 1 << 20)));
        assertTrue(e.getMessage().contains("memnode 127.0.0.1:1"), e.getMessage());
    }

    @Test
    void wrongSecretIsRefused() {
        List<HostPort> addrs = start(1, 1 << 20);
        RuntimeConfig bad = RuntimeConfig.defaults(addrs, "app", "not-the-secret");
        NodeFailureException e = assertThrows(NodeFailureException.class, () -> LegojRuntime.start(bad));
        assertTrue(e.getMessage().contains("secret"), e.getMessage());
    }
}
