package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.Echo;
import io.legoj.protocol.EventLoops;
import io.legoj.protocol.FrameFuzzer;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RegionFree;
import io.legoj.protocol.Stats;
import io.legoj.protocol.Ticker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/legoj memnode} as a process, fed random frames over many sockets (garbage, lying length
 * prefixes, unknown types, truncated and mutated messages, some after a valid handshake, some after a
 * wrong one); then a proper client and {@code bin/legoj stat} must still be served.
 */
class MemnodeFuzzTest {
    private static final String SECRET = "fuzz-secret";
    private static final int PS = 4096;
    private static final int THREADS = 4;
    private static final int FRAMES = 10_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void survivesRandomFramesThenServesAClientAndStat() throws Exception {
        try (MemnodeProcess node = MemnodeProcess.startWithScript(SECRET, "64m")) {
            FrameFuzzer fuzzer = new FrameFuzzer(SECRET, PS, Protocol.DEFAULT_MAX_FRAME, MemnodeFuzzTest::request);
            fuzzer.run(node.port(), FRAMES, THREADS, BOUND);
            System.out.println("fuzz: " + fuzzer.frames + " frames in " + fuzzer.sessions + " sessions");
            assertTrue(fuzzer.frames.get() >= FRAMES, "frames " + fuzzer.frames);
            assertEquals(0, fuzzer.unanswered.get(), "sessions the node neither answered nor closed within 10 s");
            assertTrue(node.isAlive(), node.process().describe());

            node.process().requestGc();
            pageRoundTrip(node.port());
            NodeStats stats = stat(node);
            assertEquals(64L << 20, stats.capacity);
            assertTrue(stats.rejectedConnections > 0, stats.toYaml());
            assertTrue(stats.requests > 100, stats.toYaml());
            assertTrue(stats.used >= PS && stats.used <= stats.capacity, stats.toYaml());
            assertTrue(node.isAlive(), node.process().describe());
            assertEquals(List.of(), node.process().leakReports());
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
        long[] writes = new long[random.nextInt(4)];
        for (int i = 0; i < writes.length; i++) {
            writes[i] = base + random.nextInt(20) * (long) PS;
        }
        long[] reads = new long[random.nextInt(4)];
        for (int i = 0; i < reads.length; i++) {
            reads[i] = base + random.nextInt(20) * (long) PS - random.nextInt(2);
        }
        ByteBuf data = writes.length == 0 ? null : Unpooled.wrappedBuffer(FrameFuzzer.bytes(random, writes.length * PS));
        return new PageBatch(id, PS, writes, data, reads);
    }

    /** A proper client after the fuzz: handshake, a region, a page written and read back, an unwritten page. */
    private static void pageRoundTrip(int port) {
        EventLoopGroup group = EventLoops.create("fuzz-survivor", 1);
        NodeConnection.Settings settings = new NodeConnection.Settings(SECRET, "survivor", PS,
                TimeUnit.SECONDS.toNanos(30), Ticker.SYSTEM);
        try (NodeConnection c = NodeConnection.open(group, "memnode", new HostPort("127.0.0.1", port),
                settings)) {
            assertEquals("memnode 127.0.0.1:" + port, c.welcome().nodeId());
            long base = 1L << 40;
            assertInstanceOf(Ok.class, c.call(new RegionAlloc(c.nextRequestId(), base, 16L * PS)));
            byte[] page = new byte[PS];
            new Random(99).nextBytes(page);
            c.call(new PageBatch(c.nextRequestId(), PS, new long[] {base + PS}, Unpooled.wrappedBuffer(page.clone()),
                    new long[0])).release();
            PageData d = assertInstanceOf(PageData.class, c.call(new PageBatch(c.nextRequestId(), PS, new long[0], null,
                    new long[] {base, base + PS})));
            try {
                assertFalse(d.present(0), "a page never written comes back as absent");
                assertTrue(d.present(1));
                assertArrayEquals(page, ByteBufUtil.getBytes(d.data(), d.data().readerIndex(), PS));
            } finally {
                d.release();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** {@code bin/legoj stat H:P}: YAML on stdout, exit 0. */
    private static NodeStats stat(MemnodeProcess node) {
        try (ChildProcess stat = ChildProcess.start("bin-legoj-stat", List.of(Build.script().toString(), "stat",
                node.address().toString()), Map.of("LEGOJ_SECRET", SECRET))) {
            assertEquals(0, stat.awaitExit(BOUND), stat.describe());
            String yaml = String.join("\n", stat.stdout());
            assertTrue(yaml.contains("capacity: " + (64L << 20)), yaml);
            assertTrue(yaml.contains("nodeId: \"memnode " + node.address() + "\""), yaml);
            return NodeStats.fromYaml(yaml);
        }
    }
}
