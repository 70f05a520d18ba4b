package io.legoj.protocol.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
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
 * survive the machine's (an {@code msync(MS_SYNC)}: the queue's default, {@code MS_ASYNC}, is a
 * no-op on Linux). {@link #commit} forces the files of the new generation before it deletes the
 * older ones. Appending starts after the first {@link #roll()}, so a process never appends to a
 * generation that a dead one may have left half written.
 *
 * <p>One process at a time: the journal holds an exclusive lock on {@code dir/lock} while open, and
 * a second opening fails (the lock goes with the process, also when it is killed). Replay therefore
 * never waits for another writer: a queue file whose header a killed process left half written is
 * set aside at once (Chronicle renames it) instead of after the queue's usual time-out.
 *
 * <p>Needs Chronicle Queue on the class path and its JVM flags (see DEPENDENCIES.md).
 * Thread safety: appends, rolls and syncs are serialized on this object.
 */
public final class QueueJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(QueueJournal.class.getName());
    private static final String CHECKPOINT = "checkpoint";
    private static final String PREFIX = "gen-";
    private static final String LOCK = "lock";
    /** How long replay waits for the header of a queue file: no other process can be writing it. */
    private static final long REPLAY_TIMEOUT_MS = 100;

    private final Path dir;
    private final long blockSize;
    private final FileChannel lockFile;
    private int generation;
    private SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private long bytesSinceRoll;
    private long lastIndex = -1;

    /**
     * Opens (or creates) the journal in {@code dir} with queue blocks of {@code blockSize} bytes;
     * fails if another journal has it open.
     */
    public QueueJournal(Path dir, long blockSize) {
        this.dir = dir;
        this.blockSize = blockSize;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + dir, e);
        }
        this.lockFile = lock(dir);
        try {
            this.generation = Math.max(checkpointedGeneration(), generations().stream().mapToInt(Integer::intValue).max().orElse(0));
        } catch (RuntimeException e) {
            closeQuietly(lockFile);
            throw e;
        }
    }

    private static FileChannel lock(Path dir) {
        Path file = dir.resolve(LOCK);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (ch.tryLock() == null) {
                throw inUse(dir);
            }
            return ch;
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw inUse(dir);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot lock the journal " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static IllegalStateException inUse(Path dir) {
        return new IllegalStateException("the journal " + dir + " is in use by another node");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing a lock file we are giving up anyway
            }
        }
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
            if (!hasEntries(g)) {
                LOG.log(Level.INFO, () -> "journal " + generationDir(g) + ": no entries file (the process died as it"
                        + " created this generation), skipped");
                continue;
            }
            try (SingleChronicleQueue q = open(g, REPLAY_TIMEOUT_MS); ExcerptTailer tailer = q.createTailer()) {
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
        queue = open(generation, 0);
        appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true);
        bytesSinceRoll = 0;
        return generation;
    }

    /**
     * Records that nothing before generation {@code g} is needed any more, then deletes the older
     * generations. The files of generation {@code g} are forced first, then the checkpoint is written
     * to a temporary file, forced and renamed atomically.
     */
    public void commit(int g) {
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        try {
            try (Stream<Path> files = Files.walk(generationDir(g))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Durable.forceIfExists(f);
                }
            }
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

    /** Closes the queue and releases the directory. Idempotent. */
    @Override
    public synchronized void close() {
        closeQueue();
        closeQuietly(lockFile);
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

    /** The queue of generation {@code g}, waiting {@code timeoutMs} for other writers (0: Chronicle's default). */
    private SingleChronicleQueue open(int g, long timeoutMs) {
        SingleChronicleQueueBuilder b = SingleChronicleQueueBuilder.binary(generationDir(g)).blockSize(blockSize)
                .syncMode(SyncMode.SYNC);
        return (timeoutMs > 0 ? b.timeoutMS(timeoutMs) : b).build();
    }

    /**
     * Whether generation {@code g} has a file of entries: the queue writes it on the first append,
     * after its table store ({@code metadata.cq4t}) is complete. A generation without one holds
     * nothing; a process killed while creating it may have left a table store whose header is half
     * written, which Chronicle then fails to open, after ten seconds, as "Unable to claim exclusive lock".
     */
    private boolean hasEntries(int g) {
        try (Stream<Path> files = Files.list(generationDir(g))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal generation " + generationDir(g), e);
        }
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
