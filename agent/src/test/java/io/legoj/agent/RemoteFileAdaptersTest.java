package io.legoj.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.files.FileCalls;
import io.legoj.runtime.files.PathCalls;
import io.legoj.runtime.files.RemoteFileChannel;
import io.legoj.runtime.files.RemoteFileInputStream;
import io.legoj.runtime.files.RemoteFileOutputStream;
import io.legoj.runtime.files.RemoteFileReader;
import io.legoj.runtime.files.RemoteFileWriter;
import io.legoj.runtime.files.RemoteFiles;
import io.legoj.runtime.files.RemoteRandomAccessFile;
import io.legoj.runtime.files.StreamCalls;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runtime's file adapters used directly (as rewritten code uses them) against an in-process storage node. */
class RemoteFileAdaptersTest {
    private static TestStorage storage;

    @BeforeAll
    static void storage() {
        storage = TestStorage.get();
    }

    private static File remote(String name) {
        return storage.remoteDir().resolve(name).toFile();
    }

    private static long requests() {
        return storage.node().stats().requests;
    }

    @Test
    void aBufferedReaderStreamsChunksInsteadOfARoundTripPerRead() throws IOException {
        File f = remote("lines.txt");
        long before = requests();
        try (BufferedWriter w = new BufferedWriter(new RemoteFileWriter(f))) {
            for (int i = 0; i < 200_000; i++) {
                w.write("line " + i + "\n");
            }
        }
        long writes = requests() - before;
        long size = FileCalls.length(f);
        before = requests();
        long lines;
        try (BufferedReader r = new BufferedReader(new RemoteFileReader(f))) {
            lines = r.lines().count();
        }
        long reads = requests() - before;
        assertEquals(200_000, lines);
        long chunks = size / (1 << 20) + 1;
        // the writer's 8 KiB buffers are gathered while others are in flight: never a request per line
        assertTrue(writes <= size / 8192 + 4, writes + " requests to write " + size + " bytes");
        assertTrue(reads <= chunks + 6, reads + " requests to read " + size + " bytes");
    }

    @Test
    void availableAfterAReadNeedsNoRoundTrip() throws IOException {
        File f = remote("available.bin");
        try (RemoteFileOutputStream out = new RemoteFileOutputStream(f)) {
            out.write(new byte[100_000]);
        }
        try (RemoteFileInputStream in = new RemoteFileInputStream(f)) {
            assertEquals(100_000, in.available(), "asked: nothing read yet");
            in.read();
            long before = requests();
            int sum = 0;
            for (int i = 0; i < 1000; i++) {
                sum += in.available() > 0 ? 1 : 0;
                in.read();
            }
            assertEquals(1000, sum);
            assertTrue(requests() - before <= 2, (requests() - before) + " requests for 1000 reads and available()");
            assertEquals(100_000 - 1001, in.available());
        }
    }

    @Test
    void localPathsGetTheJdkStreamsOnRealDescriptors() throws IOException {
        File f = storage.localDir().resolve("plain.bin").toFile();
        try (RemoteFileOutputStream out = new RemoteFileOutputStream(f)) {
            out.write(new byte[] {1, 2, 3});
            assertTrue(out.getFD().valid());
            assertFalse(out.getChannel() instanceof RemoteFileChannel);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f.toPath()));
        try (RemoteFileInputStream in = new RemoteFileInputStream(f)) {
            assertEquals(1, in.read());
            assertEquals(1, in.getChannel().position());
        }
        try (RemoteRandomAccessFile raf = new RemoteRandomAccessFile(f, "rw")) {
            raf.seek(3);
            raf.writeInt(4);
            assertEquals(7, raf.length());
        }
        assertEquals(7, f.length());
    }

    @Test
    void aRemoteStreamsDescriptorSyncsAndSharesItsFile() throws IOException {
        File f = remote("shared.bin");
        try (RemoteFileOutputStream out = new RemoteFileOutputStream(f)) {
            out.write('a');
            assertTrue(StreamCalls.valid(out.getFD()));
            try (OutputStream second = new RemoteFileOutputStream(out.getFD())) {
                second.write('b');
                StreamCalls.sync(out.getFD());
            }
            assertFalse(StreamCalls.valid(out.getFD()), "closing the second stream closed the descriptor, as locally");
        }
        assertEquals("ab", Files.readString(storage.onNode(f.toPath())));
        assertFalse(f.exists(), "no local file");
    }

    @Test
    void aStreamOfAClosedFileSaysSoAsLocally() throws IOException {
        RemoteFileInputStream in;
        try (RemoteFileOutputStream out = new RemoteFileOutputStream(remote("closed.bin"))) {
            out.write(1);
            in = new RemoteFileInputStream(remote("closed.bin"));
        }
        in.close();
        assertEquals("Stream Closed", assertThrows(IOException.class, in::read).getMessage());
        assertThrows(java.nio.channels.ClosedChannelException.class, () -> in.getChannel().size());
    }

    @Test
    void randomAccessWritesThroughFinalMethodsAndChannel() throws IOException {
        File f = remote("raf.bin");
        try (RemoteRandomAccessFile raf = new RemoteRandomAccessFile(f, "rws")) {
            raf.writeLong(42);
            StreamCalls.writeBytes(raf, "xy");
            StreamCalls.writeChars(raf, "z");
            FileChannel ch = StreamCalls.getChannel(raf);
            assertInstanceOf(RemoteFileChannel.class, ch);
            assertEquals(12, ch.position());
            ch.write(ByteBuffer.wrap(new byte[] {9}));
            assertEquals(13, raf.getFilePointer());
            raf.seek(0);
            assertEquals(42, raf.readLong());
        }
        byte[] onNode = Files.readAllBytes(storage.onNode(f.toPath()));
        assertEquals("[0, 0, 0, 0, 0, 0, 0, 42, 120, 121, 0, 122, 9]", Arrays.toString(onNode));
    }

    @Test
    void writesOfAFileLeftOpenReachTheNodeAtExit() throws IOException {
        File f = remote("left-open.txt");
        RemoteFileOutputStream out = new RemoteFileOutputStream(f);
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String line = "kept " + i + "\n";
            out.write(line.getBytes(UTF_8));
            want.append(line);
        }
        assertEquals(java.util.List.of(), RemoteFiles.installed().atExit());
        assertEquals(want.toString(), Files.readString(storage.onNode(f.toPath())), "the exit waits for every write");
        out.close();
    }

    @Test
    void pathsOfTheDefaultFileSystemBecomeLegojPathsThatEqualThem() throws IOException {
        Path p = PathCalls.get(remote("nio.txt").getPath(), new String[0]);
        assertEquals("LegojFileSystem", p.getFileSystem().getClass().getSimpleName());
        assertEquals(p, remote("nio.txt").toPath(), "a LegoJ path equals the local path it wraps (not the reverse)");
        assertThrows(NoSuchFileException.class, () -> Files.size(p));
        Files.writeString(p, "x");
        assertEquals(1, Files.size(p));
        assertEquals(p.getParent().resolve("nio.txt"), p);
        assertTrue(PathCalls.getDefault().getPathMatcher("glob:**.txt").matches(p));
        assertFalse(Files.exists(remote("nio.txt").toPath()), "the JDK's path is local");
    }
}
