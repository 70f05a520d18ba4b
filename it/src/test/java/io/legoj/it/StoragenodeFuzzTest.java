package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.FrameFuzzer;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.FileCreate;
import io.legoj.protocol.FileDelete;
import io.legoj.protocol.FileList;
import io.legoj.protocol.FileMkdir;
import io.legoj.protocol.FileRead;
import io.legoj.protocol.FileRename;
import io.legoj.protocol.FileStat;
import io.legoj.protocol.FileWrite;
import io.legoj.protocol.Message;
import io.legoj.runtime.files.RemoteFile;
import io.legoj.runtime.files.StorageClient;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/legoj storagenode} as a process, fed random frames over many sockets (see
 * {@link FrameFuzzer}); then a proper client still writes and reads a file, and every file the fuzz
 * made stays inside its application's directory.
 */
class StoragenodeFuzzTest {
    private static final String SECRET = "storage-fuzz-secret";
    private static final int FILE_SESSION = 1;
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String[] PATHS = {"/f", "/d/f", "/d", "/../escape", "relative", "/d/../../x", "/a/b/c", ""};

    @TempDir
    Path dir;

    private static String path(Random random) {
        return PATHS[random.nextInt(PATHS.length)];
    }

    private static Message request(Random random) {
        long id = random.nextInt(1000);
        return switch (random.nextInt(8)) {
            case 0 -> new FileWrite(id, path(random), random.nextInt(1 << 16),
                    Unpooled.wrappedBuffer(FrameFuzzer.bytes(random, random.nextInt(512))));
            case 1 -> new FileRead(id, path(random), random.nextInt(1 << 16), random.nextInt(1 << 20));
            case 2 -> new FileStat(id, path(random));
            case 3 -> new FileCreate(id, path(random), random.nextBoolean(), random.nextBoolean());
            case 4 -> new FileMkdir(id, path(random), random.nextBoolean());
            case 5 -> new FileRename(id, path(random), path(random), random.nextBoolean());
            case 6 -> new FileList(id, path(random), random.nextInt(3));
            default -> new FileDelete(id, path(random));
        };
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void survivesRandomFramesThenServesAClient() throws Exception {
        try (StoragenodeProcess node = StoragenodeProcess.start(SECRET, dir)) {
            FrameFuzzer fuzzer = new FrameFuzzer(SECRET, FILE_SESSION, Protocol.DEFAULT_MAX_FRAME, StoragenodeFuzzTest::request);
            fuzzer.run(node.address().port(), 10_000, 4, BOUND);
            assertTrue(fuzzer.frames.get() >= 10_000, "frames " + fuzzer.frames);
            assertEquals(0, fuzzer.unanswered.get(), "sessions the node neither answered nor closed within 10 s");
            assertTrue(node.process().isAlive(), node.process().describe());
            roundTrip(node);
            node.process().requestGc();
            assertEquals(java.util.List.of(), node.process().leakReports());
            try (Stream<Path> all = Files.walk(dir.resolve("data"))) {
                all.forEach(p -> assertTrue(p.normalize().startsWith(dir.resolve("data")), p.toString()));
            }
        }
    }

    /** A proper client after the fuzz: a file written, synced and read back. */
    private static void roundTrip(StoragenodeProcess node) throws Exception {
        EventLoopGroup group = EventLoops.create("fuzz-survivor", 1);
        try (StorageClient client = StorageClient.open(group, node.address(),
                StorageClient.Settings.of(SECRET, "survivor").withWorkingDir("/"))) {
            byte[] data = FrameFuzzer.bytes(new Random(5), 100_000);
            try (RemoteFile f = client.open("/after-fuzz", StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                f.write(0, data, 0, data.length);
            }
            byte[] back = new byte[data.length];
            try (RemoteFile f = client.open("/after-fuzz", StandardOpenOption.READ)) {
                int n = 0;
                while (n < back.length) {
                    int r = f.read(n, back, n, back.length - n);
                    assertTrue(r > 0, "short file after " + n + " bytes");
                    n += r;
                }
            }
            assertArrayEquals(data, back);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
