package io.legoj.protocol.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A write-ahead journal of raw-bytes entries, shared by the nodes that journal: a Chronicle Queue
 * per generation under {@code dir/gen-NNNNNNNN/}. A checkpoint rolls to a new generation; once
 * what the old generations said is safe elsewhere (files forced, or rewritten into the new
 * generation), {@link #commit} makes the file {@code dir/checkpoint} name the new generation and
 * deletes the older ones. So every entry in the generations from the checkpointed one on may still
 * be needed after a crash, and nothing older is.
 *
 * <p>Durability: an entry survives the death of the process as soon as {@link #append} returns (the
 * queue is memory-mapped: the bytes are in the kernel's page cache); {@link #sync()} also makes it
 * survive the machine's. Appending starts after the first {@link #roll()}, so a process never
 * appends to a generation that a dead one may have left half written.
 *
 * <p>Needs Chronicle Queue on the class path and its JVM flags (see DEPENDENCIES.md).
 * Thread safety: appends, rolls and syncs are serialized on this object.
 */
public final class QueueJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(QueueJournal.class.getName());
    private static final String CHECKPOINT = "checkpoint";
    private static final String PREFIX = "gen-";

    private final Path dir;
    private final long blockSize;
    private int generation;
    private SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private long bytesSinceRoll;
    private long lastIndex = -1;

    /** Opens (or creates) the journal in {@code dir} with queue blocks of {@code blockSize} bytes. */
    public QueueJournal(Path dir, long blockSize) {
        this.dir = dir;
        this.blockSize = blockSize;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + dir, e);
        }
        this.generation = Math.max(checkpointedGeneration(), generations().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /** Queue blocks big enough for an entry of {@code largestEntry} bytes, as powers of two, at least 16 MiB. */
    public static long blockSize(int largestEntry) {
        long pow2 = Long.highestOneBit(Math.max(largestEntry, 1 << 20) - 1L) << 1;
        return Math.max(16L << 20, pow2 * 8);
    }

    public Path dir() {
        return dir;
    }

    /**
     * Hands every entry after the last checkpoint, in journal order, to {@code reader} (the bytes of
     * one entry, to read from; valid only during the call); returns how many there were.
     */
    public long replay(Consumer<Bytes<?>> reader) {
        long n = 0;
        int from = checkpointedGeneration();
        for (int g : generations()) {
            if (g < from) {
                continue;
            }
            try (SingleChronicleQueue q = open(g); ExcerptTailer tailer = q.createTailer()) {
                while (true) {
                    try (DocumentContext dc = tailer.readingDocument()) {
                        if (!dc.isPresent()) {
                            break;
                        }
                        reader.accept(dc.wire().bytes());
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Appends one entry, written by {@code writer}; returns its size in bytes. */
    public synchronized long append(Consumer<Bytes<?>> writer) {
        if (appender == null) {
            throw new IllegalStateException("the journal " + dir + " is not open for appending");
        }
        long size;
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            long start = out.writePosition();
            writer.accept(out);
            size = out.writePosition() - start;
        }
        lastIndex = appender.lastIndexAppended();
        bytesSinceRoll += size;
        return size;
    }

    /**
     * Writes the remaining bytes of {@code data} to {@code out} (its position unchanged). Use this
     * rather than {@code Bytes.writeSome}: for a heap buffer that one copies from the start of the
     * array, ignoring the buffer's array offset, so a slice of an array (what Netty's
     * {@code nioBuffer()} gives for heap buffers) would be journaled as the wrong bytes.
     */
    public static void write(Bytes<?> out, ByteBuffer data) {
        if (data.hasArray()) {
            out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            return;
        }
        ByteBuffer d = data.duplicate();
        while (d.hasRemaining()) {
            int before = d.remaining();
            out.writeSome(d);
            if (d.remaining() == before) {
                throw new IllegalStateException("journal entry is full after " + out.writePosition() + " bytes");
            }
        }
    }

    /** Makes what was appended so far survive a crash of the machine. */
    public synchronized void sync() {
        if (appender != null) {
            appender.sync();
        }
    }

    /** Bytes of the entries appended since the last {@link #roll()}. */
    public synchronized long bytesSinceRoll() {
        return bytesSinceRoll;
    }

    public synchronized long lastIndex() {
        return lastIndex;
    }

    /** Starts a new generation for the entries to come; returns its number, for {@link #commit}. */
    public synchronized int roll() {
        closeQueue();
        generation++;
        queue = open(generation);
        appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true);
        bytesSinceRoll = 0;
        return generation;
    }

    /**
     * Records that nothing before generation {@code g} is needed any more (written to a temporary
     * file, forced, renamed atomically), then deletes the older generations.
     */
    public void commit(int g) {
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        try {
            Files.writeString(tmp, "generation: " + g + "\nlastIndex: " + lastIndex() + "\n", StandardCharsets.UTF_8);
            Durable.force(tmp);
            Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Durable.force(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal checkpoint in " + dir, e);
        }
        for (int old : generations()) {
            if (old < g) {
                Durable.deleteTree(generationDir(old));
            }
        }
    }

    /** Bytes of the journal's files (as their sizes say; the queue's files are sparse). */
    public long diskBytes() {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** The generations on disk, oldest first. */
    public List<Integer> generations() {
        List<Integer> gens = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX)).forEach(n -> {
                try {
                    gens.add(Integer.parseInt(n.substring(PREFIX.length())));
                } catch (NumberFormatException e) {
                    LOG.log(Level.WARNING, () -> "ignoring " + dir.resolve(n) + ": not a journal generation");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal directory " + dir, e);
        }
        gens.sort(Comparator.naturalOrder());
        return gens;
    }

    @Override
    public synchronized void close() {
        closeQueue();
    }

    private void closeQueue() {
        if (appender != null) {
            appender.close();
            appender = null;
        }
        if (queue != null) {
            queue.close();
            queue = null;
        }
    }

    private SingleChronicleQueue open(int g) {
        return SingleChronicleQueueBuilder.binary(generationDir(g)).blockSize(blockSize).build();
    }

    private Path generationDir(int g) {
        return dir.resolve(String.format("%s%08d", PREFIX, g));
    }

    private int checkpointedGeneration() {
        Path f = dir.resolve(CHECKPOINT);
        if (!Files.exists(f)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("generation: ")) {
                    return Integer.parseInt(line.substring("generation: ".length()).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the journal checkpoint " + f + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("the journal checkpoint " + f + " names no generation");
    }
}
