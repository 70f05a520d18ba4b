package io.legoj.protocol;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Random frames for a node over many sockets: garbage, lying length prefixes, unknown types,
 * truncated and mutated messages, some after a valid handshake, some after a wrong one. The node
 * kind only decides the well-formed requests ({@code requests}) and the session's page size.
 */
public final class FrameFuzzer {
    private final String secret;
    private final int sessionPageSize;
    private final int maxFrame;
    private final Function<Random, Message> requests;
    public final AtomicInteger frames = new AtomicInteger();
    public final AtomicInteger sessions = new AtomicInteger();
    public final AtomicInteger unanswered = new AtomicInteger();

    /**
     * @param sessionPageSize what a node's clients say in {@code HELLO} (pages: 4096; files: 1)
     * @param maxFrame        the node's frame limit, so some frames claim more
     */
    public FrameFuzzer(String secret, int sessionPageSize, int maxFrame, Function<Random, Message> requests) {
        this.secret = secret;
        this.sessionPageSize = sessionPageSize;
        this.maxFrame = maxFrame;
        this.requests = requests;
    }

    /** Sends at least {@code count} frames from {@code threads} threads, within twice {@code bound}. */
    public void run(int port, int count, int threads, Duration bound) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(7000 + t);
                runs.add(pool.submit(() -> {
                    while (frames.get() < count) {
                        session(port, random);
                    }
                }));
            }
            long deadline = System.nanoTime() + bound.toNanos() * 2;
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
                int pageSize = random.nextInt(8) == 0 ? 0 : sessionPageSize;
                String key = kind == 1 ? "not-" + secret : secret;
                out.write(encoded(new Hello(Protocol.VERSION, app, pageSize, Auth.mac(key, challenge.nonce(), app, pageSize))));
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

    private byte[] randomFrame(Random random, boolean authenticated) {
        if (authenticated && random.nextInt(8) > 0) {
            return encoded(requests.apply(random));
        }
        return switch (random.nextInt(7)) {
            case 0 -> bytes(random, 1 + random.nextInt(64));
            case 1 -> header(random.nextInt(), random.nextInt(256), random.nextLong(), bytes(random, random.nextInt(32)));
            case 2 -> header(maxFrame + 1 + random.nextInt(1 << 20), random.nextInt(16), 1, bytes(random, 16));
            case 3 -> truncated(random);
            case 4 -> validHeaderGarbageBody(random);
            case 5 -> mutate(random, encoded(requests.apply(random)));
            default -> header(random.nextInt(Protocol.HEADER_BYTES + 1), random.nextInt(16), random.nextLong(), new byte[0]);
        };
    }

    public static byte[] encoded(Message m) {
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

    public static byte[] bytes(Random random, int n) {
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
}
