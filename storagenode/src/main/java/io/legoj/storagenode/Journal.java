package io.legoj.storagenode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The write-ahead journal: a Chronicle Queue per generation under {@code dir/gen-NNNNNNNN/}. A
 * checkpoint rolls to a new generation; once the files the old one changed are forced, the file
 * {@code dir/checkpoint} names the new generation and the older ones are deleted. So every entry
 * in the generations from the checkpointed one on may still be needed after a crash, and nothing
 * older is. Entries survive the death of the process as soon as they are appended (the queue is
 * memory-mapped); {@link #sync()} also makes them survive the machine's.
 *
 * <p>Thread safety: appends, rolls and syncs are serialized on this object.
 */
final class Journal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final String CHECKPOINT = "checkpoint";
    private static final String PREFIX = "gen-";

    private final Path dir;
    private final long blockSize;
    private int generation;
    private SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private long bytesSinceRoll;
    private long lastIndex = -1;

    /** Opens (or creates) the journal in {@code dir}; appending starts after the first {@link #roll()}. */
    Journal(Path dir, long blockSize) {
        this.dir = dir;
        this.blockSize = blockSize;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + dir, e);
        }
        this.generation = Math.max(checkpointedGeneration(), generations().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /** Sends every entry after the last checkpoint, in journal order, to {@code sink}; returns how many. */
    long replay(Consumer<JournalEntry> sink) {
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
                        sink.accept(JournalEntry.readFrom(dc.wire().bytes()));
                        n++;
                    }
                }
            }
        }
        return n;
    }

    synchronized void append(JournalEntry e) {
        if (appender == null) {
            throw new IllegalStateException("the journal is not open for appending");
        }
        try (DocumentContext dc = appender.writingDocument()) {
            e.writeTo(dc.wire().bytes());
        }
        lastIndex = appender.lastIndexAppended();
        bytesSinceRoll += e.size();
    }

    /** Makes what was appended so far survive a crash of the machine. */
    synchronized void sync() {
        if (appender != null) {
            appender.sync();
        }
    }

    synchronized long bytesSinceRoll() {
        return bytesSinceRoll;
    }

    synchronized long lastIndex() {
        return lastIndex;
    }

    /** Starts a new generation for the entries to come; returns its number, for {@link #commit}. */
    synchronized int roll() {
        closeQueue();
        generation++;
        queue = open(generation);
        appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true);
        bytesSinceRoll = 0;
        return generation;
    }

    /**
     * Records that everything before generation {@code g} is applied and forced (written to a
     * temporary file, forced, renamed atomically), then deletes the older generations.
     */
    void commit(int g) {
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
    long diskBytes() {
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

    private List<Integer> generations() {
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
