package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.Auth;
import io.legoj.protocol.Challenge;
import io.legoj.protocol.Echo;
import io.legoj.protocol.EventLoops;
import io.legoj.protocol.Hello;
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
import io.legoj.protocol.StatsReply;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger timeouts = new AtomicInteger();

    @Test
    void randomFramesCloseOnlyTheirConnections() throws Exception {
        try (MemNode node = new MemNode(MemNodeConfig.of(8L << 20, SECRET).withMaxFrame(MAX_FRAME))) {
            int port = node.start();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    long seed = 1000 + t;
                    runs.add(pool.submit(() -> fuzz(port, new Random(seed))));
                }
                for (Future<?> f : runs) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(frames.get() >= FRAMES, "frames " + frames);
            assertEquals(0, timeouts.get(), "sessions that got no answer");
            System.gc();
            stillServes(node, port);
        }
    }

    private void fuzz(int port, Random random) {
        while (frames.get() < FRAMES) {
            session(port, random);
        }
    }

    /** One connection: maybe a valid handshake, then random frames, then end of input; reads everything back. */
    private void session(int port, Random random) {
        sessions.incrementAndGet();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            Challenge challenge = assertInstanceOf(Challenge.class, readFrame(in));
            boolean authenticated = random.nextInt(3) > 0;
            if (authenticated) {
                String app = "fuzz-" + random.nextInt(4);
                int pageSize = random.nextInt(8) == 0 ? 0 : PS;
                out.write(encoded(new Hello(Protocol.VERSION, app, pageSize, Auth.mac(SECRET, challenge.nonce(), app, pageSize))));
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
            timeouts.incrementAndGet();
        } catch (IOException e) {
            return;
        }
    }

    private static byte[] randomFrame(Random random, boolean authenticated) {
        if (authenticated && random.nextInt(4) > 0) {
            return encoded(request(random));
        }
        return switch (random.nextInt(8)) {
            case 0 -> bytes(random, 1 + random.nextInt(64));
            case 1 -> header(random.nextInt(), random.nextInt(256), random.nextLong(), bytes(random, random.nextInt(32)));
            case 2 -> header(MAX_FRAME + 1 + random.nextInt(1 << 20), random.nextInt(16), 1, bytes(random, 16));
            case 3 -> truncated(random);
            case 4 -> validHeaderGarbageBody(random);
            case 5 -> mutate(random, encoded(request(random)));
            case 6 -> random.nextInt(50) == 0 ? ByteBufUtil.getBytes(MemNodeHandlerTest.overflowingBatch())
                    : header(random.nextInt(100), random.nextInt(16), random.nextLong(), new byte[0]);
            default -> encoded(request(random));
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
        int writes = random.nextInt(4);
        long[] w = new long[writes];
        for (int i = 0; i < writes; i++) {
            w[i] = base + random.nextInt(20) * (long) PS;
        }
        long[] r = new long[random.nextInt(4)];
        for (int i = 0; i < r.length; i++) {
            r[i] = base + random.nextInt(20) * (long) PS - random.nextInt(2);
        }
        ByteBuf data = writes == 0 ? null : Unpooled.wrappedBuffer(bytes(random, writes * PS));
        return new PageBatch(id, PS, w, data, r);
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

    /** A valid frame with a few bytes flipped, cut short or lengthened, keeping its length prefix honest. */
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
        int claimed = Protocol.HEADER_BYTES + body.length + 1 + random.nextInt(1000);
        return header(claimed, MessageType.PAGE_BATCH.code, 7, body);
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
        int n;
        while ((n = in.available()) > 0) {
            in.skipNBytes(n);
        }
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
