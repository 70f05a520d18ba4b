package io.legoj.storagenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeFailureException;
import io.legoj.runtime.files.FileErrors;
import io.legoj.runtime.files.FileInfo;
import io.legoj.runtime.files.RemoteFile;
import io.legoj.runtime.files.StorageClient;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor-side client against a node on a real socket: what the rewritten file classes will rely on. */
class StorageClientSocketTest {
    static final String SECRET = "socket-secret";
    private static final StandardOpenOption READ = StandardOpenOption.READ;
    private static final StandardOpenOption WRITE = StandardOpenOption.WRITE;
    private static final StandardOpenOption CREATE = StandardOpenOption.CREATE;
    private static final StandardOpenOption TRUNCATE = StandardOpenOption.TRUNCATE_EXISTING;
    private static final StandardOpenOption APPEND = StandardOpenOption.APPEND;

    @TempDir
    Path dir;
    private StorageNode node;
    private EventLoopGroup group;
    private StorageClient client;

    @BeforeEach
    void start() {
        node = new StorageNode(StorageNodeConfig.of(dir, SECRET));
        node.start();
        group = EventLoops.create("storage-client-test", 2);
        client = connect("app");
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        node.close();
    }

    /** A client working in {@code /work}, which it creates: an application's namespace starts empty. */
    static StorageClient connect(EventLoopGroup group, int port, String appId) {
        StorageClient c = StorageClient.open(group, new HostPort("127.0.0.1", port),
                StorageClient.Settings.of(SECRET, appId).withWorkingDir("/work"));
        try {
            c.createDirectories("/work");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return c;
    }

    private StorageClient connect(String appId) {
        return connect(group, node.port(), appId);
    }

    private Path onNode(String appId, String path) {
        return dir.resolve("data").resolve(appId).resolve("work").resolve(path);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(RemoteFile f, byte[] b) throws IOException {
        f.write(b, 0, b.length);
    }

    private static byte[] readAll(RemoteFile f, int bufferSize) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[bufferSize];
        for (int n = f.read(buf, 0, buf.length); n >= 0; n = f.read(buf, 0, buf.length)) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private byte[] readAll(String path) throws IOException {
        try (RemoteFile f = client.open(path)) {
            return readAll(f, 8192);
        }
    }

    @Test
    void writeAppendAndReadTextAndBinary() throws IOException {
        try (RemoteFile f = client.open("notes.txt", WRITE, CREATE, TRUNCATE)) {
            write(f, utf8("first line\n"));
            write(f, utf8("zweite Zeile é\n"));
        }
        try (RemoteFile f = client.open("notes.txt", WRITE, CREATE, APPEND)) {
            write(f, utf8("appended\n"));
        }
        assertEquals("first line\nzweite Zeile é\nappended\n", new String(readAll("notes.txt"), StandardCharsets.UTF_8));
        assertEquals("first line\nzweite Zeile é\nappended\n", Files.readString(onNode("app", "notes.txt")));
        try (RemoteFile f = client.open("notes.txt", WRITE, CREATE, TRUNCATE)) {
            write(f, utf8("replaced"));
        }
        assertEquals("replaced", new String(readAll("notes.txt"), StandardCharsets.UTF_8));

        byte[] binary = new byte[3 * (1 << 20) + 7];
        new Random(1).nextBytes(binary);
        try (RemoteFile f = client.open("blob.bin", WRITE, CREATE, TRUNCATE)) {
            for (int off = 0; off < binary.length; off += 1000) {
                f.write(binary, off, Math.min(1000, binary.length - off));
            }
        }
        assertArrayEquals(binary, readAll("blob.bin"));
        try (RemoteFile f = client.open("blob.bin")) {
            assertArrayEquals(binary, readAll(f, 1 << 20));
        }
        assertArrayEquals(binary, Files.readAllBytes(onNode("app", "blob.bin")));
        FileInfo info = client.stat("blob.bin");
        assertTrue(info.isFile());
        assertEquals(binary.length, info.length());
    }

    /** Writes are gathered only while others are in flight: what was gathered follows when they are answered. */
    @Test
    void writesReachTheNodeWithoutACloseOrAnotherCall() throws IOException, InterruptedException {
        byte[] want = new byte[50_000];
        new Random(2).nextBytes(want);
        try (RemoteFile f = client.open("open.bin", WRITE, CREATE, TRUNCATE)) {
            for (int off = 0; off < want.length; off += 100) {
                f.write(want, off, 100);
            }
            Path p = onNode("app", "open.bin");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Arrays.equals(want, Files.readAllBytes(p))) {
                assertTrue(System.nanoTime() < deadline, "the node holds " + Files.size(p) + " of " + want.length + " bytes");
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aLargeFileSequentiallyInSmallCalls() throws IOException {
        long size = 64L << 20;
        byte[] block = new byte[8192];
        long t0 = System.nanoTime();
        long requests0 = node.stats().requests;
        try (RemoteFile f = client.open("big.dat", WRITE, CREATE, TRUNCATE)) {
            for (long at = 0; at < size; at += block.length) {
                pattern(at, block);
                write(f, block);
            }
        }
        long t1 = System.nanoTime();
        long writeRequests = node.stats().requests - requests0;
        assertEquals(size, Files.size(onNode("app", "big.dat")));
        byte[] got = new byte[block.length];
        byte[] want = new byte[block.length];
        long read = 0;
        try (RemoteFile f = client.open("big.dat")) {
            for (int n = f.read(got, 0, got.length); n >= 0; n = f.read(got, 0, got.length)) {
                assertEquals(block.length, n, "reads of whole blocks at " + read);
                pattern(read, want);
                if (!Arrays.equals(want, got)) {
                    throw new AssertionError("bytes differ in the block at " + read);
                }
                read += n;
            }
        }
        long t2 = System.nanoTime();
        assertEquals(size, read);
        long readRequests = node.stats().requests - requests0 - writeRequests;
        System.out.printf("64 MiB: write %.0f MiB/s in %d requests, read %.0f MiB/s in %d requests%n",
                64e9 / (t1 - t0), writeRequests, 64e9 / (t2 - t1), readRequests);
        // full chunks, and partial ones sent whenever the node had answered every write in flight
        assertTrue(writeRequests < size / block.length / 8, "8 KiB writes are gathered: " + writeRequests + " requests");
        assertTrue(readRequests < 100, "8 KiB reads come from read-ahead chunks: " + readRequests + " requests");
    }

    /** Bytes that depend on their position, so a block in the wrong place shows. */
    private static void pattern(long at, byte[] block) {
        for (int i = 0; i < block.length; i += 8) {
            ByteBuffer.wrap(block, i, 8).putLong((at + i) * 0x9E3779B97F4A7C15L);
        }
    }

    @Test
    void theLargestWritesAFrameHolds() throws IOException {
        int max = FileProtocol.maxChunk(Protocol.DEFAULT_MAX_FRAME);
        StorageClient.Settings big = StorageClient.Settings.of(SECRET, "app").withWorkingDir("/work").withChunkSize(max);
        byte[] data = new byte[max];
        new Random(3).nextBytes(data);
        try (StorageClient c = StorageClient.open(group, new HostPort("127.0.0.1", node.port()), big);
             RemoteFile f = c.open("huge", WRITE, CREATE)) {
            f.write(data, 0, data.length);
            f.write(data, 0, data.length);
            f.flush();
            assertEquals(2L * max, f.length());
        }
        try (RemoteFile f = client.open("huge")) {
            byte[] back = new byte[max];
            int done = 0;
            for (int n; done < max && (n = f.read((long) max + done, back, done, max - done)) > 0; ) {
                done += n;
            }
            assertEquals(max, done);
            assertArrayEquals(data, back);
            assertEquals(-1, f.read(2L * max, back, 0, 1));
        }
        assertEquals(2L * max, Files.size(onNode("app", "huge")));
    }

    @Test
    void randomAccessAgainstAModel() throws IOException {
        Random random = new Random(7);
        byte[] model = new byte[0];
        try (RemoteFile f = client.openRandomAccess("random.dat", true)) {
            for (int op = 0; op < 400; op++) {
                int choice = random.nextInt(10);
                if (choice < 5) {
                    int at = random.nextInt(200_000);
                    byte[] b = new byte[1 + random.nextInt(5000)];
                    random.nextBytes(b);
                    f.write(at, b, 0, b.length);
                    if (at + b.length > model.length) {
                        model = Arrays.copyOf(model, at + b.length);
                    }
                    System.arraycopy(b, 0, model, at, b.length);
                } else if (choice < 9) {
                    int at = random.nextInt(model.length + 10);
                    byte[] b = new byte[1 + random.nextInt(20_000)];
                    int n = f.read(at, b, 0, b.length);
                    if (at >= model.length) {
                        assertEquals(-1, n, "read at " + at + " of " + model.length);
                    } else {
                        assertTrue(n > 0);
                        assertArrayEquals(Arrays.copyOfRange(model, at, at + n), Arrays.copyOf(b, n), "read at " + at);
                    }
                } else {
                    int length = random.nextInt(model.length + 1000);
                    f.setLength(length);
                    model = Arrays.copyOf(model, length);
                    assertEquals(length, f.length());
                }
            }
            assertEquals(model.length, f.length());
            f.position(0);
            assertArrayEquals(model, readAll(f, 4096));
            ByteBuffer bb = ByteBuffer.allocate(10);
            assertEquals(Math.min(10, model.length), f.read(0, bb));
            f.write(model.length, ByteBuffer.wrap(utf8("end")));
            f.force();
        }
        assertEquals(model.length + 3, Files.size(onNode("app", "random.dat")));
    }

    @Test
    void renameDeleteDirectoriesAndListings() throws IOException {
        client.createDirectories("project/src/main");
        client.createDirectory("project/docs");
        try (RemoteFile f = client.open("project/src/main/A.java", WRITE, CREATE)) {
            write(f, utf8("class A {}"));
        }
        try (RemoteFile f = client.open("project/README", WRITE, CREATE)) {
            write(f, utf8("read me"));
        }
        assertEquals(List.of("README", "docs", "src"), client.list("project"));
        assertEquals(List.of("A.java"), client.list("/work/project/src/main"));
        client.rename("project/README", "project/docs/README", false);
        assertFalse(client.exists("project/README"));
        assertEquals("read me", new String(readAll("project/docs/README"), StandardCharsets.UTF_8));
        try (RemoteFile f = client.open("project/new.tmp", WRITE, CREATE)) {
            write(f, utf8("newer"));
        }
        client.rename("project/new.tmp", "project/docs/README", true);
        assertEquals("newer", new String(readAll("project/docs/README"), StandardCharsets.UTF_8));
        client.rename("project/src", "project/source", false);
        assertTrue(client.stat("project/source/main/A.java").isFile());
        client.delete("project/docs/README");
        client.delete("project/docs");
        assertEquals(List.of("source"), client.list("project"));
        assertTrue(client.stat("project").isDirectory());
        assertTrue(Files.isRegularFile(onNode("app", "project/source/main/A.java")));
        assertFalse(Files.exists(Path.of("/work/project")), "nothing on the local file system");
    }

    @Test
    void missingFilesAndTheJdksExceptionTypes() throws IOException {
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> client.open("missing.txt"));
        assertEquals("missing.txt", missing.getMessage());
        assertEquals("missing.txt (No such file or directory)", FileErrors.asFileNotFound(missing, "missing.txt").getMessage());
        assertThrows(NoSuchFileException.class, () -> client.open("nodir/x.txt", WRITE, CREATE));
        assertThrows(NoSuchFileException.class, () -> client.delete("missing.txt"));
        client.createFile("once");
        assertThrows(FileAlreadyExistsException.class, () -> client.createFile("once"));
        assertThrows(FileAlreadyExistsException.class, () -> client.open("once", WRITE, StandardOpenOption.CREATE_NEW));
        client.createDirectory("full");
        client.createFile("full/f");
        assertThrows(FileAlreadyExistsException.class, () -> client.createDirectory("full"));
        DirectoryNotEmptyException notEmpty = assertThrows(DirectoryNotEmptyException.class, () -> client.delete("full"));
        assertEquals("full", notEmpty.getFile());
        assertThrows(NotDirectoryException.class, () -> client.list("once"));
        FileAlreadyExistsException target = assertThrows(FileAlreadyExistsException.class,
                () -> client.rename("once", "full/f", false));
        assertEquals("full/f", target.getFile());
        FileSystemException dir = assertThrows(FileSystemException.class, () -> client.open("full"));
        assertEquals("full: Is a directory", dir.getMessage());
        assertEquals("full (Is a directory)", FileErrors.asFileNotFound(dir, "full").getMessage());
        FileSystemException under = assertThrows(FileSystemException.class, () -> client.open("once/x", WRITE, CREATE));
        assertEquals("once/x: Not a directory", under.getMessage());
        assertEquals(FileInfo.MISSING, client.stat("missing.txt"));
        assertEquals(FileInfo.MISSING, client.stat("once/below"));
        try (RemoteFile r = client.open("once")) {
            assertThrows(NonWritableChannelException.class, () -> r.write(0, new byte[1], 0, 1));
        }
        try (RemoteFile w = client.open("once", WRITE)) {
            assertThrows(NonReadableChannelException.class, () -> w.read(0, new byte[1], 0, 1));
        }
    }

    @Test
    void bufferedWritesAreSeenByPathOperationsAndOtherHandles() throws IOException {
        RemoteFile out = client.open("log.txt", WRITE, CREATE);
        write(out, utf8("12345"));
        assertEquals(5, client.stat("log.txt").length(), "File.length() while a stream writes");
        try (RemoteFile in = client.open("log.txt")) {
            byte[] b = new byte[100];
            assertEquals(5, in.read(0, b, 0, b.length));
            write(out, utf8("678"));
            assertEquals(8, in.read(0, b, 0, b.length), "a second handle sees each write call at once");
            assertEquals("12345678", new String(b, 0, 8, StandardCharsets.UTF_8));
        }
        write(out, utf8("9"));
        client.rename("log.txt", "log.1", false);
        out.close();
        assertFalse(client.exists("log.txt"), "the write before the rename went to the renamed file");
        assertEquals("123456789", new String(readAll("log.1"), StandardCharsets.UTF_8));
    }

    @Test
    void aFailedWriteBehindSurfacesOnTheNextCall() throws IOException {
        client.createDirectory("d");
        RemoteFile f = client.open("d/f", WRITE, CREATE);
        client.delete("d/f");
        client.delete("d");
        write(f, utf8("lost"));
        IOException e = assertThrows(IOException.class, f::flush);
        assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertTrue(e.getMessage().contains("d/f"), e.getMessage());
        f.close();
    }

    @Test
    void concurrentWritersToDifferentFiles() throws Exception {
        int threads = 4;
        int size = 4 << 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    byte[] data = new byte[size];
                    new Random(thread).nextBytes(data);
                    try (RemoteFile f = client.open("w" + thread, WRITE, CREATE, TRUNCATE)) {
                        for (int off = 0; off < size; off += 3000) {
                            f.write(data, off, Math.min(3000, size - off));
                        }
                    }
                    return data;
                }));
            }
            for (int t = 0; t < threads; t++) {
                byte[] data = results.get(t).get(60, TimeUnit.SECONDS);
                assertArrayEquals(data, readAll("w" + t), "file w" + t);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads, node.stats().files);
    }

    @Test
    void twoApplicationsNeverSeeEachOthersFiles() throws IOException {
        try (RemoteFile f = client.open("shared-name", WRITE, CREATE)) {
            write(f, utf8("app"));
        }
        try (StorageClient other = connect("other")) {
            assertFalse(other.exists("shared-name"));
            assertThrows(NoSuchFileException.class, () -> other.open("shared-name"));
            assertEquals(List.of(), other.list("/work"), "its own, empty namespace");
            try (RemoteFile f = other.open("shared-name", WRITE, CREATE)) {
                write(f, utf8("other"));
            }
        }
        assertEquals("app", new String(readAll("shared-name"), StandardCharsets.UTF_8));
        assertEquals("other", Files.readString(onNode("other", "shared-name")));
    }

    @Test
    void aWrongSecretIsRefusedByName() {
        NodeFailureException e = assertThrows(NodeFailureException.class, () -> StorageClient.open(group,
                new HostPort("127.0.0.1", node.port()), StorageClient.Settings.of("wrong", "app")));
        assertTrue(e.getMessage().contains("storagenode 127.0.0.1:" + node.port()), e.getMessage());
        assertTrue(e.getMessage().contains("wrong cluster secret"), e.getMessage());
    }
}
