package io.legoj.storagenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.Auth;
import io.legoj.protocol.Challenge;
import io.legoj.protocol.Echo;
import io.legoj.protocol.EventLoops;
import io.legoj.protocol.FileAppend;
import io.legoj.protocol.FileCreate;
import io.legoj.protocol.FileDelete;
import io.legoj.protocol.FileList;
import io.legoj.protocol.FileMkdir;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.FileRead;
import io.legoj.protocol.FileRename;
import io.legoj.protocol.FileSetLength;
import io.legoj.protocol.FileStat;
import io.legoj.protocol.FileSync;
import io.legoj.protocol.FileWrite;
import io.legoj.protocol.Hello;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.Message;
import io.legoj.protocol.MessageDecoder;
import io.legoj.protocol.MessageEncoder;
import io.legoj.protocol.MessageType;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Ticker;
import io.legoj.runtime.files.RemoteFile;
import io.legoj.runtime.files.StorageClient;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random frames over real sockets, on many connections at once, before and after valid handshakes,
 * with valid file requests on random (also invalid) paths mixed in: the node must close only the
 * offending connections, keep serving, and keep every file inside the applications' directories.
 */
class StorageNodeFuzzTest {
    private static final String SECRET = "fuzz-secret";
    private static final int MAX_FRAME = 64 << 10;
    private static final int THREADS = 8;
    private static final int FRAMES = 10_000;
    private static final String[] PATHS = {"", "a", "b", "a/b", "a/b/c", "d", "d/e", "../up", "/abs", "a//b", "x\0y",
        ".", "a/..", "f.txt", "d/f.txt", "long/" + "n".repeat(300)};

    @TempDir
    Path dir;
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicInteger timeouts = new AtomicInteger();

    @Test
    void randomFramesCloseOnlyTheirConnections() throws Exception {
        try (StorageNode node = new StorageNode(StorageNodeConfig.of(dir, SECRET).withMaxFrame(MAX_FRAME))) {
            int port = node.start();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    long seed = 2000 + t;
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
            stillServes(node, port);
        }
        try (Stream<Path> top = Files.list(dir)) {
            assertEquals(List.of("data", "journal"), top.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> apps = Files.list(dir.resolve("data"))) {
            assertTrue(apps.allMatch(p -> p.getFileName().toString().startsWith("fuzz-")
                    || p.getFileName().toString().equals("survivor")));
        }
    }

    private void fuzz(int port, Random random) {
        while (frames.get() < FRAMES) {
            session(port, random);
        }
    }

    /** One connection: maybe a valid handshake, then random frames, then end of input; reads everything back. */
    private void session(int port, Random random) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            Challenge challenge = assertInstanceOf(Challenge.class, readFrame(in));
            boolean authenticated = random.nextInt(3) > 0;
            if (authenticated) {
                String app = "fuzz-" + random.nextInt(4);
                int session = random.nextInt(8) == 0 ? 0 : FileProtocol.SESSION;
                out.write(encoded(new Hello(Protocol.VERSION, app, session, Auth.mac(SECRET, challenge.nonce(), app, session))));
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
        return switch (random.nextInt(7)) {
            case 0 -> bytes(random, 1 + random.nextInt(64));
            case 1 -> header(random.nextInt(), random.nextInt(256), random.nextLong(), bytes(random, random.nextInt(32)));
            case 2 -> header(MAX_FRAME + 1 + random.nextInt(1 << 20), 20 + random.nextInt(16), 1, bytes(random, 16));
            case 3 -> truncated(random);
            case 4 -> validHeaderGarbageBody(random);
            case 5 -> mutate(random, encoded(request(random)));
            default -> encoded(request(random));
        };
    }

    private static String path(Random random) {
        return PATHS[random.nextInt(PATHS.length)];
    }

    private static Message request(Random random) {
        long id = random.nextInt(1000);
        return switch (random.nextInt(14)) {
            case 0 -> new FileStat(id, path(random));
            case 1 -> new FileRead(id, path(random), random.nextInt(100_000), random.nextInt(70_000));
            case 2, 3 -> new FileWrite(id, path(random), random.nextInt(100_000), data(random));
            case 4 -> new FileAppend(id, path(random), data(random));
            case 5 -> new FileSetLength(id, path(random), random.nextInt(100_000));
            case 6 -> new FileCreate(id, path(random), random.nextBoolean(), random.nextBoolean());
            case 7 -> new FileDelete(id, path(random));
            case 8 -> new FileMkdir(id, path(random), random.nextBoolean());
            case 9 -> new FileRename(id, path(random), path(random), random.nextBoolean());
            case 10 -> new FileList(id, path(random), random.nextInt(3));
            case 11 -> new FileSync(id, path(random));
            case 12 -> new Stats(id);
            default -> new Echo(id, Unpooled.wrappedBuffer(bytes(random, random.nextInt(256))));
        };
    }

    private static ByteBuf data(Random random) {
        return Unpooled.wrappedBuffer(bytes(random, random.nextInt(10) == 0 ? 60_000 : random.nextInt(512)));
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
        return header(claimed, MessageType.FILE_WRITE.code, 7, body);
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

    /** After the fuzz: a client writes and reads a file, and the statistics show the storm. */
    private void stillServes(StorageNode node, int port) throws IOException {
        EventLoopGroup group = EventLoops.create("fuzz-survivor", 1);
        StorageClient.Settings settings = StorageClient.Settings.of(SECRET, "survivor").withWorkingDir("/")
                .withChunkSize(FileProtocol.maxChunk(MAX_FRAME));
        try (StorageClient c = StorageClient.open(group, new HostPort("127.0.0.1", port), settings)) {
            byte[] data = new byte[200_000];
            new Random(5).nextBytes(data);
            try (RemoteFile f = c.open("after-the-storm", StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
                f.write(data, 0, data.length);
            }
            byte[] back = new byte[data.length];
            try (RemoteFile f = c.open("after-the-storm")) {
                int done = 0;
                for (int n; done < back.length && (n = f.read(back, done, back.length - done)) > 0; ) {
                    done += n;
                }
            }
            assertArrayEquals(data, back);
            NodeConnection.Settings s = new NodeConnection.Settings(SECRET, "stat", 0, TimeUnit.SECONDS.toNanos(10), Ticker.SYSTEM);
            try (NodeConnection admin = NodeConnection.open(group, "storagenode", new HostPort("127.0.0.1", port), s)) {
                StatsReply r = assertInstanceOf(StatsReply.class, admin.call(new Stats(admin.nextRequestId())));
                StorageNodeStats stats = StorageNodeStats.fromYaml(r.yaml());
                assertTrue(stats.rejectedConnections > 0 && stats.requests > 1000, r.yaml());
                assertEquals(node.stats().files, stats.files);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
