package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.EventLoops;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeFailureException;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RemoteException;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Ticker;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node on a real socket, driven by the protocol's own client. */
class MemNodeSocketTest {
    static final String SECRET = "socket-secret";
    private static final int PS = 4096;
    private static final int REGION_PAGES = 256;

    private MemNode node;
    private EventLoopGroup clients;

    @BeforeEach
    void start() {
        node = new MemNode(MemNodeConfig.of(64L << 20, SECRET));
        node.start();
        clients = EventLoops.create("memnode-test-client", 2);
    }

    @AfterEach
    void stop() {
        node.close();
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static NodeConnection connect(EventLoopGroup group, int port, String secret, String appId, int pageSize) {
        NodeConnection.Settings s = new NodeConnection.Settings(secret, appId, pageSize, TimeUnit.SECONDS.toNanos(10), Ticker.SYSTEM);
        return NodeConnection.open(group, "memnode", new HostPort("127.0.0.1", port), s);
    }

    private NodeConnection connect(String secret, String appId, int pageSize) {
        return connect(clients, node.port(), secret, appId, pageSize);
    }

    @Test
    void welcomeNamesTheBoundNode() {
        try (NodeConnection c = connect(SECRET, "app", PS)) {
            assertEquals(node.nodeId(), c.welcome().nodeId());
            assertEquals("memnode 127.0.0.1:" + node.port(), node.nodeId());
            assertEquals(64L << 20, c.welcome().capacity());
        }
    }

    @Test
    void pipelinedBatchesFromSeveralThreads() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<Long, Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> writeAndCheck(thread, "app-" + thread % 2)));
            }
            List<Map<Long, Integer>> finals = new ArrayList<>();
            for (Future<Map<Long, Integer>> f : results) {
                finals.add(f.get(60, TimeUnit.SECONDS));
            }
            try (NodeConnection c = connect(SECRET, "app-0", PS)) {
                checkPages(c, finals.get(2));
                checkPages(c, finals.get(0));
            }
            NodeStats s = node.stats();
            assertEquals(2, s.applications);
            long pages = finals.stream().mapToLong(Map::size).sum();
            assertEquals(pages, s.pages);
            assertEquals(pages * PS, s.used);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pipelines batches over one connection of {@code appId} on a region of its own; returns the final pages. */
    private Map<Long, Integer> writeAndCheck(int thread, String appId) {
        Random random = new Random(thread);
        long base = (thread + 1L) << 30;
        Map<Long, Integer> model = new HashMap<>();
        try (NodeConnection c = connect(SECRET, appId, PS)) {
            assertInstanceOf(Ok.class, c.call(new RegionAlloc(c.nextRequestId(), base, (long) REGION_PAGES * PS)));
            for (int round = 0; round < 40; round++) {
                List<CompletableFuture<Message>> replies = new ArrayList<>();
                List<int[]> expected = new ArrayList<>();
                for (int b = 0; b < 8; b++) {
                    long[] writes = addresses(random, base, 6);
                    int[] seeds = new int[writes.length];
                    for (int i = 0; i < writes.length; i++) {
                        seeds[i] = random.nextInt(1_000_000);
                        model.put(writes[i], seeds[i]);
                    }
                    long[] reads = addresses(random, base, 6);
                    int[] want = new int[reads.length];
                    for (int i = 0; i < reads.length; i++) {
                        want[i] = model.getOrDefault(reads[i], -1);
                    }
                    expected.add(want);
                    replies.add(c.send(new PageBatch(c.nextRequestId(), PS, writes, Pages.of(PS, seeds), reads)));
                }
                for (int b = 0; b < replies.size(); b++) {
                    PageData d = assertInstanceOf(PageData.class, replies.get(b).get(30, TimeUnit.SECONDS));
                    try {
                        assertPages(d, expected.get(b));
                    } finally {
                        d.release();
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("thread " + thread, e);
        }
        return model;
    }

    private static long[] addresses(Random random, long base, int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = base + (long) random.nextInt(REGION_PAGES) * PS;
        }
        return a;
    }

    /** {@code want[i]} is the seed of read {@code i}, or -1 for a page never written. */
    private static void assertPages(PageData d, int[] want) {
        assertEquals(want.length, d.count());
        int slot = 0;
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i] >= 0, d.present(i), "read " + i);
            if (want[i] >= 0) {
                Pages.assertPage(d, slot++, want[i]);
            }
        }
    }

    private static void checkPages(NodeConnection c, Map<Long, Integer> pages) {
        long[] reads = pages.keySet().stream().mapToLong(Long::longValue).limit(512).toArray();
        int[] want = new int[reads.length];
        for (int i = 0; i < reads.length; i++) {
            want[i] = pages.get(reads[i]);
        }
        PageData d = assertInstanceOf(PageData.class, c.call(new PageBatch(c.nextRequestId(), PS, new long[0], null, reads)));
        try {
            assertPages(d, want);
        } finally {
            d.release();
        }
    }

    @Test
    void wrongSecretIsRejectedWithAClearMessage() {
        NodeFailureException e = assertThrows(NodeFailureException.class, () -> connect("not-the-secret", "app", PS));
        assertTrue(e.getMessage().contains("wrong cluster secret"), e.getMessage());
        assertTrue(e.getMessage().contains(node.nodeId()), e.getMessage());
        assertEquals(1, node.stats().rejectedConnections);
        try (NodeConnection c = connect(SECRET, "app", PS)) {
            assertFalse(c.isFailed());
        }
    }

    @Test
    void errorsReachTheCallerAsRemoteExceptions() {
        try (NodeConnection c = connect(SECRET, "app", PS)) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> c.call(new PageBatch(c.nextRequestId(), PS, new long[0], null, new long[] {PS})));
            assertEquals(ErrorCode.OUT_OF_REGION, e.code());
            assertFalse(c.isFailed());
        }
    }

    @Test
    void statsOverAnAdminSession() {
        try (NodeConnection app = connect(SECRET, "app", PS); NodeConnection admin = connect(SECRET, "legoj-stat", 0)) {
            app.call(new RegionAlloc(app.nextRequestId(), 1L << 20, PS)).release();
            ByteBuf page = Pages.of(PS, 1);
            app.call(new PageBatch(app.nextRequestId(), PS, new long[] {1L << 20}, page, new long[0])).release();
            StatsReply r = assertInstanceOf(StatsReply.class, admin.call(new Stats(admin.nextRequestId())));
            NodeStats s = NodeStats.fromYaml(r.yaml());
            assertEquals(node.nodeId(), s.nodeId);
            assertEquals(2, s.connections);
            assertEquals(1, s.pages);
            assertTrue(s.bytesIn > PS, "bytesIn " + s.bytesIn);
        }
    }

    @Test
    void aTakenPortFailsWithAOneLineMessage() {
        try (MemNode other = new MemNode(MemNodeConfig.of(1 << 20, SECRET).withPort(node.port()))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, other::start);
            assertTrue(e.getMessage().startsWith("memnode cannot listen on 127.0.0.1:" + node.port()), e.getMessage());
        }
    }
}
