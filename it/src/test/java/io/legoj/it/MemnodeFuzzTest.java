package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.Auth;
import io.legoj.protocol.Challenge;
import io.legoj.protocol.Echo;
import io.legoj.protocol.EventLoops;
import io.legoj.protocol.Hello;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.Message;
import io.legoj.protocol.MessageDecoder;
import io.legoj.protocol.MessageEncoder;
import io.legoj.protocol.MessageType;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RegionFree;
import io.legoj.protocol.Stats;
import io.legoj.protocol.Ticker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void survivesRandomFramesThenServesAClientAndStat() throws Exception {
        try (MemnodeProcess node = MemnodeProcess.startWithScript(SECRET, "64m")) {
            fuzz(node.port());
            System.out.println("fuzz: " + frames + " frames in " + sessions + " sessions");
            assertTrue(frames.get() >= FRAMES, "frames " + frames);
            assertEquals(0, unanswered.get(), "sessions the node neither answered nor closed within 10 s");
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

    private void fuzz(int port) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(7000 + t);
                runs.add(pool.submit(() -> {
                    while (frames.get() < FRAMES) {
                        session(port, random);
                    }
                }));
            }
            long deadline = System.nanoTime() + BOUND.toNanos() * 2;
            for (Future<?> f : runs) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One connection: a valid, a wrong or no handshake, random frames, end of input; reads all the node says. */
    private void session(int port, Random random) {
        sessions.incrementAndGet();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            Challenge challenge = assertInstanceOf(Challenge.class, readFrame(in));
            int kind = random.nextInt(4);
            boolean authenticated = kind >= 2;
            if (kind > 0) {
                String app = "fuzz-" + random.nextInt(3);
                int pageSize = random.nextInt(8) == 0 ? 0 : PS;
                String secret = kind == 1 ? "not-" + SECRET : SECRET;
                out.write(encoded(new Hello(Protocol.VERSION, app, pageSize, Auth.mac(secret, challenge.nonce(), app, pageSize))));
            }
            int n = 1 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                out.write(randomFrame(random, authenticated));
                frames.incrementAndGet();
                skipAvailable(in);
            }
            s.shutdownOutput();
            drain(in);
        } catch (SocketTimeoutException e) {
            unanswered.incrementAndGet();
        } catch (IOException e) {
            // the node closed the connection while we were still writing: what malformed input earns
        }
    }

    private static byte[] randomFrame(Random random, boolean authenticated) {
        if (authenticated && random.nextInt(3) > 0) {
            return random.nextInt(4) == 0 ? mutate(random, encoded(request(random))) : encoded(request(random));
        }
        return switch (random.nextInt(7)) {
            case 0 -> bytes(random, 1 + random.nextInt(64));
            case 1 -> header(random.nextInt(), random.nextInt(256), random.nextLong(), bytes(random, random.nextInt(32)));
            case 2 -> header(Protocol.DEFAULT_MAX_FRAME + 1 + random.nextInt(1 << 20), random.nextInt(16), 1, bytes(random, 16));
            case 3 -> truncated(random);
            case 4 -> validHeaderGarbageBody(random);
            case 5 -> mutate(random, encoded(request(random)));
            default -> header(random.nextInt(Protocol.HEADER_BYTES + 1), random.nextInt(16), random.nextLong(), new byte[0]);
        };
    }

    private static Message request(Random random) {
        long id = random.nextInt(1000);
        long base = (1 + random.nextInt(8)) * 16L * PS;
        return switch (random.nextInt(6)) {
            case 0 -> new RegionAlloc(id, base, 16L * PS);
            case 1 -> new RegionFree(id, base);
            case 2 -> new Stats(id);
            case 3 -> new Echo(id, Unpooled.wrappedBuffer(bytes(random, random.nextInt(256))));
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
        ByteBuf data = writes.length == 0 ? null : Unpooled.wrappedBuffer(bytes(random, writes.length * PS));
        return new PageBatch(id, PS, writes, data, reads);
    }

    private static byte[] encoded(Message m) {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageEncoder.encode(m, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            m.release();
            buf.release();
        }
    }

    /** A valid frame with a few bytes flipped and maybe cut short, its length prefix kept honest. */
    private static byte[] mutate(Random random, byte[] frame) {
        byte[] body = Arrays.copyOfRange(frame, 4, 4 + Math.max(1, random.nextInt(frame.length - 3)));
        for (int i = random.nextInt(4); i > 0; i--) {
            body[random.nextInt(body.length)] = (byte) random.nextInt(256);
        }
        return ByteBufUtil.getBytes(Unpooled.buffer().writeInt(body.length).writeBytes(body));
    }

    private static byte[] validHeaderGarbageBody(Random random) {
        MessageType[] types = MessageType.values();
        byte[] body = bytes(random, random.nextInt(64));
        return header(Protocol.HEADER_BYTES + body.length, types[random.nextInt(types.length)].code, random.nextLong(), body);
    }

    private static byte[] truncated(Random random) {
        byte[] body = bytes(random, random.nextInt(40));
        return header(Protocol.HEADER_BYTES + body.length + 1 + random.nextInt(1000), MessageType.PAGE_BATCH.code, 7, body);
    }

    private static byte[] header(int length, int type, long id, byte[] body) {
        return ByteBufUtil.getBytes(Unpooled.buffer().writeInt(length).writeByte(type).writeLong(id).writeBytes(body));
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Message readFrame(DataInputStream in) throws IOException {
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        ByteBuf frame = Unpooled.wrappedBuffer(body);
        try {
            return MessageDecoder.decode(frame);
        } finally {
            frame.release();
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        while (in.read(sink) >= 0) {
            sink[0] = 0;
        }
    }

    private static void skipAvailable(InputStream in) throws IOException {
        for (int n = in.available(); n > 0; n = in.available()) {
            in.skipNBytes(n);
        }
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
