package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.Echo;
import io.legoj.protocol.FrameFuzzer;
import io.legoj.protocol.EventLoops;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RegionFree;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Random frames over real sockets, on many connections at once, before and after valid handshakes:
 * the node must close only the offending connections and keep serving.
 */
class MemNodeFuzzTest {
    private static final String SECRET = "fuzz-secret";
    private static final int MAX_FRAME = 64 << 10;
    private static final int PS = 4096;
    private static final int THREADS = 8;
    private static final int FRAMES = 12_000;


    @Test
    void randomFramesCloseOnlyTheirConnections() throws Exception {
        try (MemNode node = new MemNode(MemNodeConfig.of(8L << 20, SECRET).withMaxFrame(MAX_FRAME))) {
            int port = node.start();
            FrameFuzzer fuzzer = new FrameFuzzer(SECRET, PS, MAX_FRAME, MemNodeFuzzTest::request);
            fuzzer.run(port, FRAMES, THREADS, Duration.ofSeconds(30));
            assertTrue(fuzzer.frames.get() >= FRAMES, "frames " + fuzzer.frames);
            assertEquals(0, fuzzer.unanswered.get(), "sessions that got no answer");
            System.gc();
            stillServes(node, port);
        }
    }

    private static Message request(Random random) {
        long id = random.nextInt(1000);
        long base = (1 + random.nextInt(8)) * 16L * PS;
        return switch (random.nextInt(6)) {
            case 0 -> new RegionAlloc(id, base, 16L * PS);
            case 1 -> new RegionFree(id, base);
            case 2 -> new Stats(id);
            case 3 -> new Echo(id, Unpooled.wrappedBuffer(FrameFuzzer.bytes(random, random.nextInt(256))));
            default -> batch(random, id, base);
        };
    }

    private static PageBatch batch(Random random, long id, long base) {
        int writes = random.nextInt(4);
        long[] w = new long[writes];
        for (int i = 0; i < writes; i++) {
            w[i] = base + random.nextInt(20) * (long) PS;
        }
        long[] r = new long[random.nextInt(4)];
        for (int i = 0; i < r.length; i++) {
            r[i] = base + random.nextInt(20) * (long) PS - random.nextInt(2);
        }
        ByteBuf data = writes == 0 ? null : Unpooled.wrappedBuffer(FrameFuzzer.bytes(random, writes * PS));
        return new PageBatch(id, PS, w, data, r);
    }

    /** After the fuzz: a full handshake, a write and a read, and the node's statistics. */
    private void stillServes(MemNode node, int port) {
        EventLoopGroup group = EventLoops.create("fuzz-survivor", 1);
        try (NodeConnection app = MemNodeSocketTest.connect(group, port, SECRET, "survivor", PS);
             NodeConnection admin = MemNodeSocketTest.connect(group, port, SECRET, "legoj-stat", 0)) {
            long base = 1L << 40;
            assertInstanceOf(Ok.class, app.call(new RegionAlloc(app.nextRequestId(), base, 4L * PS)));
            app.call(new PageBatch(app.nextRequestId(), PS, new long[] {base + PS}, Pages.of(PS, 42), new long[0])).release();
            PageData d = assertInstanceOf(PageData.class, app.call(new PageBatch(app.nextRequestId(), PS, new long[0], null, new long[] {base, base + PS})));
            try {
                assertTrue(!d.present(0) && d.present(1));
                Pages.assertPage(d, 0, 42);
            } finally {
                d.release();
            }
            StatsReply r = assertInstanceOf(StatsReply.class, admin.call(new Stats(admin.nextRequestId())));
            NodeStats s = NodeStats.fromYaml(r.yaml());
            assertTrue(s.rejectedConnections > 0 && s.requests > 1000, r.yaml());
            assertTrue(s.used <= s.capacity, r.yaml());
            assertEquals(node.stats().capacity, s.capacity);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
