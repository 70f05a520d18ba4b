package io.legoj.storagenode;

import io.legoj.protocol.FileProtocol;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of all applications and the journal that protects them.
 *
 * <p>Recovery. The requests of an application run one after another, each journaled then applied
 * before the next starts, and the death of the process loses nothing that was written (the page
 * cache is the kernel's). So after a crash every journaled entry is applied except perhaps the
 * last one of each application, which may be missing or half done. Start-up therefore reads the
 * entries after the last checkpoint, applies the last one of each application again (applying is
 * idempotent), and takes a checkpoint, which forces every file those entries touched.
 *
 * <p>Checkpoints. Under the write lock (no mutation in progress) the journal rolls to a new
 * generation and the dirty sets are taken; then, with requests flowing again, the dirty files and
 * directories are forced and the checkpoint is committed, which deletes the old generations.
 */
final class FileStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FileStore.class.getName());
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    final StorageNodeConfig config;
    final Path dataDir;
    final Journal journal;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final int maxFrame;
    final int maxChunk;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean checkpointQueued = new AtomicBoolean();
    private final ConcurrentHashMap<String, AppFiles> apps = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ScheduledExecutorService checkpointer;
    private final Object checkpointing = new Object();
    private volatile long lastCheckpointNanos;
    private long recoveredEntries;
    private long redoneEntries;
    private boolean closed;

    /**
     * Opens the store in {@code config.dir()}, creating it if needed, and recovers from the journal.
     * File requests run on {@code pool} (shut down by {@link #close}), or on a pool of
     * {@code config.fileThreads()} threads when it is null.
     */
    FileStore(StorageNodeConfig config, ExecutorService pool) {
        this.config = config;
        this.dataDir = config.dir().resolve("data");
        this.maxFrame = config.maxFrame();
        this.maxChunk = FileProtocol.maxChunk(config.maxFrame());
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        this.pool = pool != null ? pool
                : Executors.newFixedThreadPool(config.fileThreads(), new DefaultThreadFactory("legoj-storagenode-files", true));
        this.checkpointer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("legoj-storagenode-checkpoint", true));
        this.journal = new Journal(config.dir().resolve("journal"), blockSize(config.maxFrame()));
        try {
            recover();
        } catch (RuntimeException e) {
            pool.shutdownNow();
            checkpointer.shutdownNow();
            journal.close();
            throw e;
        }
    }

    /** Queue blocks big enough for the largest write entry, as powers of two, at least 16 MiB. */
    private static long blockSize(int maxFrame) {
        long pow2 = Long.highestOneBit(Math.max(maxFrame, 1 << 20) - 1L) << 1;
        return Math.max(16L << 20, pow2 * 8);
    }

    /** Why {@code appId} cannot name a directory of files, or {@code null}. */
    static String invalidAppId(String appId) {
        return APP_ID.matcher(appId).matches() ? null
                : "application id '" + appId + "' must be 1 to 128 letters, digits, '.', '_' or '-', not starting with '.'";
    }

    /** The files of {@code appId}, their directory created if needed. */
    AppFiles attach(String appId) {
        return apps.computeIfAbsent(appId, id -> {
            Path root = dataDir.resolve(id);
            try {
                if (!Files.isDirectory(root)) {
                    Files.createDirectories(root);
                    Durable.force(dataDir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + root, e);
            }
            return new AppFiles(id, root, new Lane(pool), this);
        });
    }

    /** Runs {@code task} on the application's lane, after its earlier tasks. */
    void submit(AppFiles app, Runnable task) {
        queued.incrementAndGet();
        try {
            app.lane.execute(() -> {
                try {
                    task.run();
                } finally {
                    queued.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            throw e;
        }
    }

    void account(long fileDelta, long byteDelta) {
        files.addAndGet(fileDelta);
        bytes.addAndGet(byteDelta);
    }

    long files() {
        return files.get();
    }

    long bytes() {
        return bytes.get();
    }

    int applications() {
        return apps.size();
    }

    long checkpoints() {
        return checkpoints.get();
    }

    long recoveredEntries() {
        return recoveredEntries;
    }

    long redoneEntries() {
        return redoneEntries;
    }

    /** Called after each mutation: a journal past its size bound gets a checkpoint soon, off the file threads. */
    void afterMutation() {
        if (journal.bytesSinceRoll() >= config.checkpointBytes() && checkpointQueued.compareAndSet(false, true)) {
            try {
                checkpointer.execute(() -> {
                    checkpointQueued.set(false);
                    maybeCheckpoint();
                });
            } catch (RejectedExecutionException closing) {
                checkpointQueued.set(false);
            }
        }
    }

    /** Runs {@link #maybeCheckpoint()} every second until closed. */
    void startTimer() {
        checkpointer.scheduleWithFixedDelay(() -> {
            try {
                maybeCheckpoint();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "checkpoint failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Takes a checkpoint if the journal holds at least the configured bytes, or anything at all and
     * the configured interval has passed since the last one (on the configured ticker).
     */
    boolean maybeCheckpoint() {
        long pending = journal.bytesSinceRoll();
        boolean due = pending >= config.checkpointBytes() || pending > 0
                && config.ticker().nanoTime() - lastCheckpointNanos >= config.checkpointInterval().toNanos();
        if (due) {
            checkpoint();
        }
        return due;
    }

    /** Rolls the journal, forces what changed since the last checkpoint, commits; see the class comment. */
    void checkpoint() {
        synchronized (checkpointing) {
            Map<AppFiles, AppFiles.Dirty> dirty = new HashMap<>();
            int generation;
            lock.writeLock().lock();
            try {
                generation = journal.roll();
                apps.values().forEach(a -> dirty.put(a, a.takeDirty()));
            } finally {
                lock.writeLock().unlock();
            }
            try {
                for (Map.Entry<AppFiles, AppFiles.Dirty> e : dirty.entrySet()) {
                    e.getKey().force(e.getValue());
                }
                Durable.force(dataDir);
            } catch (IOException e) {
                lock.writeLock().lock();
                try {
                    dirty.forEach(AppFiles::restoreDirty);
                } finally {
                    lock.writeLock().unlock();
                }
                throw new UncheckedIOException("checkpoint: cannot force the files", e);
            }
            journal.commit(generation);
            checkpoints.incrementAndGet();
            lastCheckpointNanos = config.ticker().nanoTime();
        }
    }

    private void recover() {
        for (Path root : list(dataDir)) {
            if (Files.isDirectory(root) && invalidAppId(root.getFileName().toString()) == null) {
                attach(root.getFileName().toString());
            }
        }
        Map<String, JournalEntry> last = new HashMap<>();
        recoveredEntries = journal.replay(e -> {
            attach(e.app()).markDirty(e);
            last.put(e.app(), e);
        });
        for (JournalEntry e : last.values()) {
            if (e.op() != JournalEntry.ABORT) {
                redo(e);
            }
        }
        if (recoveredEntries > 0) {
            long n = recoveredEntries;
            LOG.log(Level.INFO, () -> "journal: " + n + " entries after the last checkpoint, " + redoneEntries
                    + " applied again");
        }
        count();
        checkpoint();
    }

    private void redo(JournalEntry e) {
        try {
            apps.get(e.app()).apply(e);
            redoneEntries++;
        } catch (IOException | RuntimeException x) {
            LOG.log(Level.WARNING, () -> "journal: cannot apply " + e + " again: " + x.getMessage());
        }
    }

    private void count() {
        try (Stream<Path> s = Files.walk(dataDir)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                files.incrementAndGet();
                try {
                    bytes.addAndGet(Files.size(p));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, () -> "cannot read the size of " + p + ": " + e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + dataDir, e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Waits (up to {@code timeoutMs}) for queued requests to finish, takes a last checkpoint so a
     * restart has nothing to replay, and closes the journal and the files. Idempotent.
     */
    void close(long timeoutMs) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (queued.get() > 0 && System.nanoTime() < deadline) {
            sleep();
        }
        checkpointer.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.log(Level.WARNING, () -> queued.get() + " file requests still running at close");
            }
            checkpoint();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "last checkpoint failed", e);
        } finally {
            journal.close();
            apps.values().forEach(AppFiles::closeChannels);
        }
    }

    @Override
    public void close() {
        close(30_000);
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
