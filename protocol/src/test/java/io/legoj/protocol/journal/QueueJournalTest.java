package io.legoj.protocol.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueJournalTest {
    private static final long BLOCK = 16L << 20;

    @TempDir
    Path dir;

    private List<Long> replay() {
        List<Long> seen = new ArrayList<>();
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            j.replay(in -> seen.add(in.readLong()));
        }
        return seen;
    }

    private static void append(QueueJournal j, long... values) {
        for (long v : values) {
            assertEquals(8, j.append(out -> out.writeLong(v)));
        }
    }

    @Test
    void entriesOfEveryGenerationSinceTheCheckpointAreReplayedInOrder() {
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            assertThrows(IllegalStateException.class, () -> j.append(out -> out.writeLong(0)), "append before roll");
            j.roll();
            append(j, 1, 2);
            j.roll();
            append(j, 3);
            assertEquals(8, j.bytesSinceRoll());
        }
        assertEquals(List.of(1L, 2L, 3L), replay());
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            int g = j.roll();
            assertEquals(3, g, "a reopened journal appends to a generation of its own");
            append(j, 4);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), replay());
    }

    /**
     * A process killed while it created a generation can leave its table store with half a header,
     * which Chronicle cannot open (it retries for ten seconds, then gives up). Such a generation has
     * no entries file yet, holds nothing, and replay passes it by at once.
     */
    @Test
    void aGenerationKilledWhileBeingCreatedIsPassedBy() throws IOException {
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            j.roll();
            append(j, 1, 2);
        }
        byte[] table = Files.readAllBytes(dir.resolve("gen-00000001/metadata.cq4t"));
        Path half = Files.createDirectories(dir.resolve("gen-00000002"));
        Files.write(half.resolve("metadata.cq4t"), java.util.Arrays.copyOf(java.util.Arrays.copyOf(table, 8), table.length));
        long start = System.nanoTime();
        assertEquals(List.of(1L, 2L), replay());
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(5),
                "not Chronicle's ten seconds of retries");
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            assertEquals(3, j.roll(), "the half-made generation's number is not used again");
            append(j, 3);
        }
        assertEquals(List.of(1L, 2L, 3L), replay());
    }

    @Test
    void commitDropsOlderGenerations() {
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            j.roll();
            append(j, 1, 2);
            int g = j.roll();
            append(j, 3);
            assertEquals(List.of(1, 2), j.generations());
            j.commit(g);
            j.sync();
            assertEquals(List.of(2), j.generations());
            assertTrue(j.diskBytes() > 0);
        }
        assertEquals(List.of(3L), replay());
    }

    @Test
    void buffersAreWrittenFromTheirPositionWhateverTheirArrayOffset() {
        byte[] array = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        ByteBuffer heapSlice = ByteBuffer.wrap(array, 3, 5).slice();
        heapSlice.position(1);
        ByteBuffer direct = ByteBuffer.allocateDirect(6).put(new byte[] {10, 11, 12, 13, 14, 15}).position(2).slice();
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            j.roll();
            assertEquals(8, j.append(out -> {
                QueueJournal.write(out, heapSlice);
                QueueJournal.write(out, direct);
            }));
        }
        assertEquals(1, heapSlice.position(), "position unchanged");
        List<byte[]> entries = new ArrayList<>();
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            j.replay(in -> {
                byte[] b = new byte[(int) in.readRemaining()];
                in.read(b);
                entries.add(b);
            });
        }
        assertArrayEquals(new byte[] {4, 5, 6, 7, 12, 13, 14, 15}, entries.get(0));
    }

    @Test
    void oneJournalPerDirectoryAtATime() {
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new QueueJournal(dir, BLOCK));
            assertEquals("the journal " + dir + " is in use by another node", e.getMessage());
        }
        new QueueJournal(dir, BLOCK).close();
    }

    /** As a process killed while creating the queue file of a new generation leaves it. */
    @Test
    void aQueueFileWithoutItsHeaderIsSetAsideAtOnce() throws IOException {
        try (QueueJournal j = new QueueJournal(dir, BLOCK)) {
            j.roll();
            append(j, 1);
            j.roll();
            append(j, 2);
        }
        Path cycle;
        try (Stream<Path> files = Files.walk(dir.resolve("gen-00000002"))) {
            cycle = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(cycle, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4), 0);
        }
        long start = System.nanoTime();
        assertEquals(List.of(1L), replay());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms < 5000, "replay took " + ms + " ms");
    }

    @Test
    void largeEntriesGetLargeBlocks() {
        assertEquals(16L << 20, QueueJournal.blockSize(4096));
        assertEquals(128L << 20, QueueJournal.blockSize(16 << 20));
        try (QueueJournal j = new QueueJournal(dir, QueueJournal.blockSize(4 << 20))) {
            j.roll();
            byte[] big = new byte[4 << 20];
            IntStream.range(0, big.length).forEach(i -> big[i] = (byte) i);
            j.append(out -> out.write(big));
        }
        List<Integer> sizes = new ArrayList<>();
        try (QueueJournal j = new QueueJournal(dir, QueueJournal.blockSize(4 << 20))) {
            j.replay(in -> sizes.add((int) in.readRemaining()));
        }
        assertEquals(List.of(4 << 20), sizes);
    }
}
