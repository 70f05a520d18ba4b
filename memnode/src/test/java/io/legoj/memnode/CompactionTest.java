package io.legoj.memnode;

import static io.legoj.memnode.Pages.assertPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.PageData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction of the journal: by size while pages are overwritten, by the injected clock, and during writes. */
class CompactionTest {
    private static final String SECRET = "s3cret";
    private static final int PS = 4096;
    private static final long BASE = 1L << 20;
    /** Small frames give small queue blocks (16 MiB), so the journal's files are small. */
    private static final int MAX_FRAME = 1 << 20;
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    private final ManualTicker ticker = new ManualTicker();
    private final List<MemNode> nodes = new ArrayList<>();

    private MemNode node(long capacity, long compactBytes) {
        JournalConfig journal = JournalConfig.of(dir).withCompaction(compactBytes, INTERVAL);
        MemNode n = new MemNode(MemNodeConfig.of(capacity, SECRET).withTicker(ticker).withMaxFrame(MAX_FRAME)
                .withJournal(journal));
        nodes.add(n);
        return n;
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(MemNode::close);
    }

    private long dirBytes() {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return dirBytes();
        }
    }

    private long generations() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
        }
    }

    private static void writePages(EmbeddedClient c, long[] addrs, int[] seeds) {
        assertInstanceOf(PageData.class, c.batch(PS, addrs, Pages.of(PS, seeds))).release();
    }

    private static void assertPages(EmbeddedClient c, Map<Long, Integer> model) {
        for (Map.Entry<Long, Integer> e : model.entrySet()) {
            PageData d = c.read(PS, e.getKey());
            try {
                assertEquals(e.getValue() >= 0, d.present(0), "page 0x" + Long.toHexString(e.getKey()));
                if (e.getValue() >= 0) {
                    assertPage(d, 0, e.getValue());
                }
            } finally {
                d.release();
            }
        }
    }

    private static long[] pages(int n) {
        long[] addrs = new long[n];
        for (int i = 0; i < n; i++) {
            addrs[i] = BASE + (long) i * PS;
        }
        return addrs;
    }

    /** Overwrites {@code addrs} {@code rounds} times, page i of round r from seed r * n + i, calling {@code each} after every round. */
    private static void overwrite(EmbeddedClient c, long[] addrs, int rounds, java.util.function.IntConsumer each) {
        for (int round = 0; round < rounds; round++) {
            int[] seeds = new int[addrs.length];
            for (int i = 0; i < addrs.length; i++) {
                seeds[i] = round * addrs.length + i;
            }
            writePages(c, addrs, seeds);
            each.accept(round);
        }
    }

    private void assertLastRound(long[] addrs, int rounds) {
        MemNode node = node(1 << 20, 1 << 20);
        assertEquals(addrs.length, node.stats().pages);
        Map<Long, Integer> model = new HashMap<>();
        for (int i = 0; i < addrs.length; i++) {
            model.put(addrs[i], (rounds - 1) * addrs.length + i);
        }
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            assertPages(c, model);
        }
    }

    /**
     * The same 16 pages overwritten 1500 times (94 MiB), the injected clock moved by the compaction
     * interval every 16 rounds (1 MiB) and the timer's check run: the directory never holds more
     * than two generations of one queue block each.
     */
    @Test
    void theJournalStaysBoundedWhileTheSamePagesAreOverwritten() throws IOException {
        MemNode node = node(1 << 20, 1L << 30);
        long[] addrs = pages(16);
        int rounds = 1500;
        long[] largest = {0};
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, addrs.length * PS);
            overwrite(c, addrs, rounds, round -> {
                if (round % 16 == 15) {
                    ticker.advance(INTERVAL);
                    assertTrue(node.maybeCompact());
                    largest[0] = Math.max(largest[0], dirBytes());
                }
            });
        }
        System.out.println("overwrote " + addrs.length + " pages " + rounds + " times: " + node.stats().compactions
                + " compactions, journal directory at most " + (largest[0] >> 20) + " MiB");
        assertEquals(rounds / 16, node.stats().compactions);
        // a generation is one queue file of a 16 MiB block plus its 4 MiB overlap, and a small metadata file
        assertTrue(largest[0] <= 2 * (21L << 20), "the journal directory reached " + largest[0] + " bytes");
        assertEquals(1, generations());
        node.close();
        assertLastRound(addrs, rounds);
    }

    /** With the size trigger alone, compactions run on their own thread and catch up with a fast writer. */
    @Test
    void growthTriggersCompactionsInTheBackground() throws Exception {
        MemNode node = node(1 << 20, 1 << 20);
        long[] addrs = pages(16);
        int rounds = 800;
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, addrs.length * PS);
            overwrite(c, addrs, rounds, round -> { });
            write(c, addrs[0], (rounds - 1) * addrs.length);
        }
        // one reading for both checks: a compaction in progress counts its old and new generations
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        var stats = node.stats();
        while (stats.journalBytes >= 2L << 20 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            stats = node.stats();
        }
        assertTrue(stats.compactions >= 5, stats.compactions + " compactions for " + (rounds * addrs.length * PS >> 20) + " MiB");
        assertTrue(stats.journalBytes < 2L << 20, "journal bytes " + stats.journalBytes);
        assertTrue(generations() <= 2, generations() + " generations");
        node.close();
        assertLastRound(addrs, rounds);
    }

    private static void write(EmbeddedClient c, long address, int seed) {
        writePages(c, new long[] {address}, new int[] {seed});
    }

    @Test
    void theTimerCompactsOnTheInjectedClockWhenAnythingWasJournaled() throws IOException {
        MemNode node = node(1 << 20, 1L << 30);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, 16 * PS);
            for (int round = 0; round < 3; round++) {
                writePages(c, new long[] {BASE, BASE + PS}, new int[] {round, 100 + round});
            }
            c.alloc(BASE + 16 * PS, 16 * PS);
            c.free(BASE + 16 * PS);
        }
        assertFalse(node.maybeCompact(), "neither big enough nor old enough");
        ticker.advance(INTERVAL.minusSeconds(1));
        assertFalse(node.maybeCompact());
        assertEquals(1, generations());
        long before = node.stats().journalBytes;
        ticker.advance(Duration.ofSeconds(1));
        assertTrue(node.maybeCompact());
        assertEquals(1, node.stats().compactions);
        assertEquals(1, generations(), "the older generation is deleted");
        assertTrue(node.stats().journalBytes < before, node.stats().journalBytes + " bytes after, " + before + " before");
        ticker.advance(INTERVAL.multipliedBy(2));
        assertFalse(node.maybeCompact(), "nothing journaled since");
        node.close();
        node = node(1 << 20, 1L << 30);
        assertEquals(2, node.stats().pages);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            assertPages(c, Map.of(BASE, 2, BASE + PS, 102, BASE + 2 * PS, -1));
            c.expectError(io.legoj.protocol.ErrorCode.OUT_OF_REGION, c.batch(PS, new long[0], null, BASE + 16 * PS));
        }
    }

    /**
     * Compactions back to back while one application writes pages and frees and re-allocates a
     * region: the snapshot of each application is taken in chunks (of a frame: 256 pages here)
     * with requests journaled between them, and the restarted node has exactly the last state.
     */
    @Test
    void compactionsDuringWritesLoseNothing() throws Exception {
        int regionPages = 1500;
        long regionBytes = (long) regionPages * PS;
        MemNode node = node(16L << 20, 1L << 30);
        Map<Long, Integer> model = new HashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread compactor = new Thread(() -> {
            while (!stop.get()) {
                node.compact();
            }
        }, "test-compactor");
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, regionBytes);
            c.alloc(BASE + regionBytes, regionBytes);
            Random random = new Random(7);
            long[] all = new long[2 * regionPages];
            int[] seeds = new int[all.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = BASE + (long) i * PS;
                seeds[i] = i;
                model.put(all[i], i);
            }
            for (int from = 0; from < all.length; from += 128) {
                int n = Math.min(128, all.length - from);
                writePages(c, java.util.Arrays.copyOfRange(all, from, from + n), java.util.Arrays.copyOfRange(seeds, from, from + n));
            }
            compactor.start();
            for (int round = 0; round < 400; round++) {
                if (round % 100 == 99) {
                    c.free(BASE + regionBytes);
                    c.alloc(BASE + regionBytes, regionBytes);
                    for (int i = regionPages; i < 2 * regionPages; i++) {
                        model.put(all[i], -1);
                    }
                }
                long[] addrs = new long[8];
                int[] values = new int[8];
                for (int i = 0; i < addrs.length; i++) {
                    addrs[i] = all[random.nextInt(all.length)];
                    values[i] = 10_000 + round * 8 + i;
                    model.put(addrs[i], values[i]);
                }
                writePages(c, addrs, values);
            }
        } finally {
            stop.set(true);
            compactor.join();
        }
        assertTrue(node.stats().compactions > 0);
        node.close();
        MemNode again = node(16L << 20, 1L << 30);
        assertEquals(model.values().stream().filter(v -> v >= 0).count(), again.stats().pages);
        try (EmbeddedClient c = EmbeddedClient.open(again, "app", PS)) {
            assertPages(c, model);
        }
    }
}
