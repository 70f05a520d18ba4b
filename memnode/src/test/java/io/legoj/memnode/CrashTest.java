package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Ticker;
import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a memory node with a journal in a child JVM in the middle of a write-heavy run, then a
 * restart on the same journal: every batch the node acknowledged reads back, and the one batch in
 * flight is there whole or not at all. Two applications write at once, one batch outstanding each;
 * the journal is compacted during the run (by size and by the one-second timer), so some kills land
 * in the middle of a compaction.
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
    private static final int PS = 4096;
    private static final int PAGES = 1024;
    private static final long BASE = 1L << 30;
    private static final int BATCH = 16;
    private static final int WRITERS = 2;
    private static final int CRASHES = 3;

    @TempDir
    Path dir;

    /** What one application had acknowledged, and the batch it had sent but not yet seen acknowledged. */
    private static final class Writer {
        final int id;
        final int[] acked = new int[PAGES];
        volatile Map<Integer, Integer> pending;
        int batches;

        Writer(int id) {
            this.id = id;
            Arrays.fill(acked, -1);
        }

        String app() {
            return "app-" + id;
        }
    }

    @Test
    void everyAcknowledgedBatchSurvivesKillDashNine() throws Exception {
        EventLoopGroup group = EventLoops.create("memnode-crash-test", 2);
        Writer[] writers = new Writer[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            writers[w] = new Writer(w);
        }
        long recovered = 0;
        try {
            for (int crash = 0; crash < CRASHES; crash++) {
                Process node = startNode();
                int port = port(node);
                if (crash > 0) {
                    recovered += verify(group, port, writers);
                }
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (Writer w : writers) {
                    Thread t = new Thread(() -> drive(group, port, w, stop), "writer-" + w.id);
                    t.start();
                    threads.add(t);
                }
                Thread.sleep(1200 + new Random(crash).nextInt(1000));
                node.destroyForcibly();
                assertTrue(node.waitFor(10, TimeUnit.SECONDS));
                stop.set(true);
                for (Thread t : threads) {
                    t.join(10_000);
                }
            }
            Process node = startNode();
            try {
                recovered += verify(group, port(node), writers);
            } finally {
                node.getOutputStream().close();
                assertTrue(node.waitFor(30, TimeUnit.SECONDS));
            }
            Process again = startNode();
            try {
                verify(group, port(again), writers);
            } finally {
                again.getOutputStream().close();
                assertTrue(again.waitFor(30, TimeUnit.SECONDS));
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        try (var lines = Files.lines(dir.resolve("node.log"))) {
            lines.filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("Exception") || l.contains("replayed in"))
                    .forEach(l -> System.out.println("node.log: " + l));
        }
        assertTrue(recovered > 0, "the restarts replayed journal entries");
        for (Writer w : writers) {
            System.out.println("writer " + w.id + ": " + w.batches + " batches of " + BATCH + " pages acknowledged");
            assertTrue(w.batches > 50, "writer " + w.id + " got " + w.batches + " batches through");
        }
    }

    private Process startNode() throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(CHRONICLE_FLAGS);
        cmd.add("-Dorg.slf4j.simpleLogger.log.net.openhft=warn");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MemNodeProcess.class.getName(),
                dir.resolve("journal").toString(), Long.toString(16L << 20), Long.toString(1L << 20)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile())).start();
    }

    private int port(Process node) throws IOException {
        long start = System.nanoTime();
        try {
            return listeningPort(node);
        } finally {
            System.out.println("node up in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        }
    }

    private int listeningPort(Process node) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("listening ")) {
                return Integer.parseInt(line.substring("listening ".length()).trim());
            }
        }
        throw new AssertionError("the node exited with " + node.onExit().join().exitValue() + " before listening: "
                + Files.readString(dir.resolve("node.log")));
    }

    private static NodeConnection connect(EventLoopGroup group, int port, String app, int pageSize) {
        NodeConnection.Settings s = new NodeConnection.Settings(MemNodeProcess.SECRET, app, pageSize,
                TimeUnit.SECONDS.toNanos(10), Ticker.SYSTEM);
        return NodeConnection.open(group, "memnode", new HostPort("127.0.0.1", port), s);
    }

    /** Writes batches of random pages, one at a time, until the node dies: each recorded as pending, then acknowledged. */
    private static void drive(EventLoopGroup group, int port, Writer w, AtomicBoolean stop) {
        Random random = new Random(w.id * 1000L + w.batches);
        try (NodeConnection c = connect(group, port, w.app(), PS)) {
            assertInstanceOf(Ok.class, c.call(new RegionAlloc(c.nextRequestId(), BASE, (long) PAGES * PS)));
            while (!stop.get()) {
                long[] addrs = new long[BATCH];
                int[] seeds = new int[BATCH];
                Map<Integer, Integer> batch = new LinkedHashMap<>();
                for (int i = 0; i < BATCH; i++) {
                    int page = random.nextInt(PAGES);
                    addrs[i] = BASE + (long) page * PS;
                    seeds[i] = w.id * 10_000_000 + w.batches * BATCH + i;
                    batch.put(page, seeds[i]);
                }
                w.pending = batch;
                c.call(new PageBatch(c.nextRequestId(), PS, addrs, Pages.of(PS, seeds), new long[0])).release();
                batch.forEach((page, seed) -> w.acked[page] = seed);
                w.pending = null;
                w.batches++;
            }
        } catch (RuntimeException expected) {
            // the node was killed
        }
    }

    /** Checks every page of every writer against what it had acknowledged; returns the entries the node replayed. */
    private static long verify(EventLoopGroup group, int port, Writer[] writers) {
        for (Writer w : writers) {
            int[] found = read(group, port, w.app());
            Map<Integer, Integer> pending = w.pending;
            if (pending != null && pending.entrySet().stream().allMatch(e -> found[e.getKey()] == e.getValue())) {
                pending.forEach((page, seed) -> w.acked[page] = seed);
                w.batches++;
            }
            w.pending = null;
            assertArrayEquals(w.acked, found, "writer " + w.id + ": every acknowledged batch, and the pending one whole or not at all");
        }
        NodeStats s = stats(group, port);
        System.out.println("restart: " + s.recoveredEntries + " journal entries replayed, " + s.pages + " pages");
        return s.recoveredEntries;
    }

    /** The seed of every page of {@code app}'s region, -1 for a page never written. */
    private static int[] read(EventLoopGroup group, int port, String app) {
        int[] found = new int[PAGES];
        try (NodeConnection c = connect(group, port, app, PS)) {
            for (int from = 0; from < PAGES; from += 128) {
                long[] reads = new long[128];
                for (int i = 0; i < reads.length; i++) {
                    reads[i] = BASE + (long) (from + i) * PS;
                }
                PageData d = assertInstanceOf(PageData.class, c.call(new PageBatch(c.nextRequestId(), PS, new long[0], null, reads)));
                try {
                    int slot = 0;
                    for (int i = 0; i < reads.length; i++) {
                        found[from + i] = d.present(i) ? seedOf(d, slot++) : -1;
                    }
                } finally {
                    d.release();
                }
            }
        }
        return found;
    }

    /** The seed a page was made from (see {@link Pages#page}), checking that the whole page is that pattern. */
    private static int seedOf(PageData d, int slot) {
        byte[] got = new byte[PS];
        d.data().getBytes(d.data().readerIndex() + slot * PS, got);
        int seed = java.nio.ByteBuffer.wrap(got).getInt() / 31;
        assertArrayEquals(Pages.page(PS, seed), got, "page of seed " + seed + " is whole");
        return seed;
    }

    private static NodeStats stats(EventLoopGroup group, int port) {
        try (NodeConnection admin = connect(group, port, "stat", 0)) {
            StatsReply r = (StatsReply) admin.call(new Stats(admin.nextRequestId()));
            NodeStats s = NodeStats.fromYaml(r.yaml());
            assertEquals("memnode", s.kind);
            return s;
        }
    }
}
