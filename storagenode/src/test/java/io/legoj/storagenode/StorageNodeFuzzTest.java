package io.legoj.storagenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.FrameFuzzer;
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
import io.legoj.protocol.HostPort;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Ticker;
import io.legoj.runtime.files.RemoteFile;
import io.legoj.runtime.files.StorageClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

    @Test
    void randomFramesCloseOnlyTheirConnections() throws Exception {
        try (StorageNode node = new StorageNode(StorageNodeConfig.of(dir, SECRET).withMaxFrame(MAX_FRAME))) {
            int port = node.start();
            FrameFuzzer fuzzer = new FrameFuzzer(SECRET, 1, MAX_FRAME, StorageNodeFuzzTest::request);
            fuzzer.run(port, FRAMES, THREADS, Duration.ofSeconds(30));
            assertTrue(fuzzer.frames.get() >= FRAMES, "frames " + fuzzer.frames);
            assertEquals(0, fuzzer.unanswered.get(), "sessions that got no answer");
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
            default -> new Echo(id, Unpooled.wrappedBuffer(FrameFuzzer.bytes(random, random.nextInt(256))));
        };
    }

    private static ByteBuf data(Random random) {
        return Unpooled.wrappedBuffer(FrameFuzzer.bytes(random, random.nextInt(10) == 0 ? 60_000 : random.nextInt(512)));
    }

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
