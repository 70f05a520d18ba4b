package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Regions on two memnodes each: a node may fail while the application goes on with the same data. */
class ReplicationTest {
    private static final String SECRET = "replication-secret";
    private static final int PAGE = 4096;
    private final List<MemNode> nodes = new ArrayList<>();

    private List<HostPort> start(int count) {
        List<HostPort> addrs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addrs.add(startNode(256L << 20));
        }
        return addrs;
    }

    private HostPort startNode(long capacity) {
        MemNode n = new MemNode(MemNodeConfig.of(capacity, SECRET));
        HostPort a = new HostPort("127.0.0.1", n.start());
        nodes.add(n);
        return a;
    }

    @AfterEach
    void stop() {
        nodes.forEach(MemNode::close);
    }

    private static RuntimeConfig config(List<HostPort> addrs, int replicas) {
        return RuntimeConfig.defaults(addrs, "app-" + System.nanoTime(), SECRET).withCache(32 * PAGE, PAGE)
                .withReplicas(replicas);
    }

    private static long value(long page, int round) {
        return page * 1_000_003L + round;
    }

    private static void writeAll(LegojRuntime rt, long base, int pages, int round) {
        for (long p = 0; p < pages; p++) {
            rt.cache().tlb().putLong(base + p * PAGE + 8 * (p % 500), value(p, round));
        }
    }

    private static void checkAll(LegojRuntime rt, long base, int pages, int round) {
        for (long p = 0; p < pages; p++) {
            assertEquals(value(p, round), rt.cache().tlb().getLong(base + p * PAGE + 8 * (p % 500)), "page " + p);
        }
    }

    @Test
    void everyRegionHasReplicasOnDistinctNodes() {
        try (LegojRuntime rt = LegojRuntime.start(config(start(3), 2))) {
            for (int i = 0; i < 6; i++) {
                long base = rt.remote().allocateRegions(1);
                int[] replicas = rt.remote().replicasOf(base / PAGE);
                assertEquals(2, replicas.length);
                assertNotEquals(replicas[0], replicas[1]);
            }
        }
    }

    @Test
    void theApplicationGoesOnWhenAReplicaFails() {
        List<HostPort> addrs = start(3);
        try (LegojRuntime rt = LegojRuntime.start(config(addrs, 2))) {
            AtomicReference<NodeFailureException> lost = new AtomicReference<>();
            rt.remote().onNodeFailure(lost::set);
            int pages = 600;
            long base = rt.heap().allocate((long) pages * PAGE);
            writeAll(rt, base, pages, 1);
            checkAll(rt, base, pages, 1);
            int primary = rt.remote().nodeOf(base / PAGE);
            nodes.get(primary).close();
            checkAll(rt, base, pages, 1);
            writeAll(rt, base, pages, 2);
            checkAll(rt, base, pages, 2);
            assertNull(lost.get());
            assertNull(rt.cache().failure());
            assertNotEquals(primary, rt.remote().nodeOf(base / PAGE));
            for (int n : rt.remote().replicasOf(base / PAGE)) {
                assertNotEquals(primary, n);
            }
        }
    }

    @Test
    void lostReplicasAreMadeAgainElsewhereSoASecondFailureLosesNothing() throws InterruptedException {
        List<HostPort> addrs = start(3);
        try (LegojRuntime rt = LegojRuntime.start(config(addrs, 2))) {
            int pages = 600;
            long base = rt.heap().allocate((long) pages * PAGE);
            writeAll(rt, base, pages, 1);
            int first = rt.remote().nodeOf(base / PAGE);
            nodes.get(first).close();
            writeAll(rt, base, pages, 2);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (rt.remote().replicasOf(base / PAGE).length < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            int[] now = rt.remote().replicasOf(base / PAGE);
            assertEquals(2, now.length, "re-replicated within the deadline");
            nodes.get(now[0]).close();
            checkAll(rt, base, pages, 2);
            assertNull(rt.cache().failure());
        }
    }

    @Test
    void aFullMemnodeCannotBecomeAReplicaButTheApplicationGoesOn() throws InterruptedException {
        List<HostPort> addrs = List.of(startNode(256L << 20), startNode(256L << 20), startNode(8L * PAGE));
        try (LegojRuntime rt = LegojRuntime.start(config(addrs, 2))) {
            int pages = 300;
            long base = rt.heap().allocate((long) pages * PAGE);
            writeAll(rt, base, pages, 1);
            int[] before = rt.remote().replicasOf(base / PAGE);
            assertEquals(2, before.length);
            assertTrue(before[0] != 2 && before[1] != 2, "the small node is least used only later");
            nodes.get(before[0]).close();
            writeAll(rt, base, pages, 2);
            checkAll(rt, base, pages, 2);
            Thread.sleep(300);
            checkAll(rt, base, pages, 2);
            assertEquals(List.of(before[1]), java.util.Arrays.stream(rt.remote().replicasOf(base / PAGE)).boxed().toList());
            assertNull(rt.cache().failure());
        }
    }

    @Test
    void losingEveryReplicaIsAClearErrorNamingTheNode() {
        List<HostPort> addrs = start(2);
        try (LegojRuntime rt = LegojRuntime.start(config(addrs, 2))) {
            int pages = 200;
            long base = rt.heap().allocate((long) pages * PAGE);
            writeAll(rt, base, pages, 1);
            nodes.get(0).close();
            checkAll(rt, base, pages, 1);
            nodes.get(1).close();
            LegojError e = assertThrows(LegojError.class, () -> checkAll(rt, base, pages, 1));
            assertTrue(e.getMessage().contains("memnode " + addrs.get(1)) && e.getMessage().contains("last replica"),
                    e.getMessage());
        }
    }

    @Test
    void withOneReplicaANodeFailureLosesItsRegions() throws Exception {
        List<HostPort> addrs = start(2);
        try (LegojRuntime rt = LegojRuntime.start(config(addrs, 1))) {
            CompletableFuture<NodeFailureException> lost = new CompletableFuture<>();
            rt.remote().onNodeFailure(lost::complete);
            long base = rt.heap().allocate(200L * PAGE);
            writeAll(rt, base, 200, 1);
            int holder = rt.remote().nodeOf(base / PAGE);
            nodes.get(1 - holder).close();
            checkAll(rt, base, 200, 1);
            assertNull(lost.getNow(null), "the node without regions took nothing with it");
            nodes.get(holder).close();
            assertThrows(LegojError.class, () -> checkAll(rt, base, 200, 1));
            // the listener runs on the connection's thread, which may still be at it when the read fails
            assertTrue(lost.get(30, TimeUnit.SECONDS).getMessage().contains("memnode " + addrs.get(holder)));
        }
    }
}
