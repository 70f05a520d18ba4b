package io.legoj.storagenode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Ticker;
import io.legoj.runtime.files.RemoteFile;
import io.legoj.runtime.files.StorageClient;
import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a storage node in a child JVM in the middle of a write-heavy run, then a restart on the
 * same directory: every operation the node acknowledged is there, and no file is half renamed.
 * Several writers run at once (appends acknowledged one by one, whole-file replacements by rename,
 * large positional writes), and the journal takes checkpoints during the run.
 */
class CrashTest {
    private static final List<String> CHRONICLE_FLAGS = List.of(
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true",
            "-Dchronicle.announcer.disable=true");
    private static final int WRITERS = 3;
    private static final int CRASHES = 2;

    @TempDir
    Path dir;

    /** What one writer had acknowledged, and what it had sent but not yet seen acknowledged. */
    private static final class Writer {
        final int id;
        final List<String> ackedRecords = new ArrayList<>();
        volatile String pendingRecord;
        volatile int ackedVersion = -1;
        volatile int pendingVersion = -1;
        final Map<Long, Long> ackedBlocks = new HashMap<>();
        volatile long pendingBlock = -1;
        volatile long pendingBlockValue;

        Writer(int id) {
            this.id = id;
        }
    }

    @Test
    void everyAcknowledgedOperationSurvivesKillDashNine() throws Exception {
        EventLoopGroup group = EventLoops.create("crash-test", 2);
        long recovered = 0;
        Writer[] writers = new Writer[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            writers[w] = new Writer(w);
        }
        try {
            for (int crash = 0; crash < CRASHES; crash++) {
                Process node = startNode();
                int port = port(node);
                if (crash > 0) {
                    recovered += recoveredAndVerified(group, port, writers);
                }
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (Writer w : writers) {
                    Thread t = new Thread(() -> drive(group, port, w, stop), "writer-" + w.id);
                    t.start();
                    threads.add(t);
                }
                Thread.sleep(1500 + new Random(crash).nextInt(1000));
                node.destroyForcibly();
                assertTrue(node.waitFor(10, TimeUnit.SECONDS));
                stop.set(true);
                for (Thread t : threads) {
                    t.join(10_000);
                }
            }
            Process node = startNode();
            try {
                recovered += recoveredAndVerified(group, port(node), writers);
            } finally {
                node.getOutputStream().close();
                assertTrue(node.waitFor(30, TimeUnit.SECONDS));
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        assertTrue(recovered > 0, "the restarts found journal entries after the last checkpoint");
        for (Writer w : writers) {
            System.out.println("writer " + w.id + ": " + w.ackedRecords.size() + " appends, " + (w.ackedVersion + 1)
                    + " replacements, " + w.ackedBlocks.size() + " blocks acknowledged");
            assertTrue(w.ackedRecords.size() > 20, "writer " + w.id + " got " + w.ackedRecords.size() + " appends through");
            assertTrue(w.ackedVersion > 5, "writer " + w.id + " replaced its file " + w.ackedVersion + " times");
        }
    }

    private Process startNode() throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(CHRONICLE_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StorageNodeProcess.class.getName(),
                dir.toString(), Long.toString(2L << 20)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(nodeLog().toFile())).start();
    }

    /** The nodes' stderr, beside the node's {@code data} and {@code journal}. */
    private Path nodeLog() {
        return dir.resolve("node.log");
    }

    private int port(Process node) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("listening ")) {
                return Integer.parseInt(line.substring("listening ".length()).trim());
            }
        }
        int exit = node.onExit().join().exitValue();
        throw new AssertionError("the node exited with " + exit + " before listening:\n" + Files.readString(nodeLog()));
    }

    private static StorageClient connect(EventLoopGroup group, int port, String app) {
        return StorageClient.open(group, new HostPort("127.0.0.1", port),
                StorageClient.Settings.of(StorageNodeProcess.SECRET, app).withWorkingDir("/"));
    }

    /** Runs until the node dies: each operation is recorded as pending, then as acknowledged. */
    private static void drive(EventLoopGroup group, int port, Writer w, AtomicBoolean stop) {
        Random random = new Random(w.id * 1000L + w.ackedRecords.size());
        try (StorageClient c = connect(group, port, "app-" + w.id)) {
            RemoteFile log = c.open("log", StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            RemoteFile blocks = c.open("blocks", StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
            while (!stop.get()) {
                String record = "record " + w.ackedRecords.size() + " of writer " + w.id + " " + "x".repeat(random.nextInt(200)) + "\n";
                w.pendingRecord = record;
                byte[] b = record.getBytes(StandardCharsets.UTF_8);
                log.write(b, 0, b.length);
                log.flush();
                w.ackedRecords.add(record);
                w.pendingRecord = null;

                int version = w.ackedVersion + 1;
                try (RemoteFile tmp = c.open("current.tmp", StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    byte[] content = content(w.id, version);
                    tmp.write(content, 0, content.length);
                }
                w.pendingVersion = version;
                c.rename("current.tmp", "current", true);
                w.ackedVersion = version;

                long block = random.nextInt(64);
                long value = random.nextLong();
                byte[] data = new byte[64 << 10];
                java.nio.ByteBuffer.wrap(data).putLong(value).putLong(data.length - 8, value);
                w.pendingBlock = block;
                w.pendingBlockValue = value;
                blocks.write(block * data.length, data, 0, data.length);
                blocks.flush();
                w.ackedBlocks.put(block, value);
                w.pendingBlock = -1;
            }
        } catch (IOException | RuntimeException expected) {
            // the node was killed
        }
    }

    /** A whole-file version: 300 KB that all say which version they are. */
    private static byte[] content(int writer, int version) {
        return ("writer " + writer + " version " + version + "\n").repeat(12_000).getBytes(StandardCharsets.UTF_8);
    }

    private static long recoveredAndVerified(EventLoopGroup group, int port, Writer[] writers) throws IOException {
        StorageNodeStats s = stats(group, port);
        System.out.println("restart: " + s.recoveredEntries + " journal entries after the checkpoint, "
                + s.redoneEntries + " applied again");
        verify(group, port, writers);
        return s.recoveredEntries;
    }

    private static void verify(EventLoopGroup group, int port, Writer[] writers) throws IOException {
        for (Writer w : writers) {
            try (StorageClient c = connect(group, port, "app-" + w.id)) {
                String acked = String.join("", w.ackedRecords);
                String log = new String(readAll(c, "log"), StandardCharsets.UTF_8);
                String pending = w.pendingRecord;
                if (pending != null && log.equals(acked + pending)) {
                    w.ackedRecords.add(pending);
                } else {
                    assertEquals(acked, log, "writer " + w.id + ": every acknowledged append, nothing else");
                }
                w.pendingRecord = null;

                byte[] current = readAll(c, "current");
                int pendingVersion = w.pendingVersion;
                if (w.ackedVersion >= 0 || pendingVersion >= 0) {
                    boolean isAcked = java.util.Arrays.equals(content(w.id, w.ackedVersion), current);
                    boolean isPending = pendingVersion > w.ackedVersion
                            && java.util.Arrays.equals(content(w.id, pendingVersion), current);
                    assertTrue(isAcked || isPending, "writer " + w.id + ": 'current' is version " + w.ackedVersion
                            + (pendingVersion > w.ackedVersion ? " or " + pendingVersion : "") + ", whole");
                    if (isPending) {
                        w.ackedVersion = pendingVersion;
                    }
                }

                byte[] blocks = readAll(c, "blocks");
                for (Map.Entry<Long, Long> e : w.ackedBlocks.entrySet()) {
                    long at = e.getKey() * (64 << 10);
                    long value = java.nio.ByteBuffer.wrap(blocks).getLong((int) at);
                    long tail = java.nio.ByteBuffer.wrap(blocks).getLong((int) at + (64 << 10) - 8);
                    boolean pendingHere = e.getKey() == w.pendingBlock && value == w.pendingBlockValue;
                    assertTrue(value == e.getValue() || pendingHere, "writer " + w.id + ": block " + e.getKey());
                    assertEquals(value, tail, "writer " + w.id + ": block " + e.getKey() + " is whole");
                }
                if (w.pendingBlock >= 0) {
                    long at = w.pendingBlock * (64 << 10);
                    if (blocks.length >= at + 8 && java.nio.ByteBuffer.wrap(blocks).getLong((int) at) == w.pendingBlockValue) {
                        w.ackedBlocks.put(w.pendingBlock, w.pendingBlockValue);
                    }
                    w.pendingBlock = -1;
                }
            }
        }
    }

    private static byte[] readAll(StorageClient c, String path) throws IOException {
        try (RemoteFile f = c.open(path)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            for (int n = f.read(buf, 0, buf.length); n >= 0; n = f.read(buf, 0, buf.length)) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    @Test
    void theJournalIsCompactedDuringTheRun() throws Exception {
        Process node = startNode();
        EventLoopGroup group = EventLoops.create("crash-test", 1);
        int port = port(node);
        try (StorageClient c = connect(group, port, "compaction")) {
            byte[] mib = new byte[1 << 20];
            try (RemoteFile f = c.open("f", StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
                for (int i = 0; i < 40; i++) {
                    f.write((long) (i % 4) << 20, mib, 0, mib.length);
                    f.flush();
                }
            }
            StorageNodeStats stats = stats(group, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((stats.journalBytes > 3L << 20 || generations() > 2) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                stats = stats(group, port);
            }
            assertTrue(stats.checkpoints >= 3, "40 MiB written, 2 MiB checkpoints: " + stats.checkpoints + " checkpoints");
            assertTrue(stats.journalBytes <= 3L << 20, "journal since the last checkpoint: " + stats.journalBytes);
            assertTrue(generations() <= 2, generations() + " journal generations kept");
        } finally {
            node.getOutputStream().close();
            assertTrue(node.waitFor(30, TimeUnit.SECONDS));
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        assertEquals(4L << 20, Files.size(dir.resolve("data/compaction/f")));
    }

    private long generations() throws IOException {
        try (var s = Files.list(dir.resolve("journal"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
        }
    }

    private static StorageNodeStats stats(EventLoopGroup group, int port) {
        NodeConnection.Settings s = new NodeConnection.Settings(StorageNodeProcess.SECRET, "stat", 0,
                TimeUnit.SECONDS.toNanos(10), Ticker.SYSTEM);
        try (NodeConnection admin = NodeConnection.open(group, "storagenode", new HostPort("127.0.0.1", port), s)) {
            StatsReply r = (StatsReply) admin.call(new Stats(admin.nextRequestId()));
            return StorageNodeStats.fromYaml(r.yaml());
        }
    }
}
