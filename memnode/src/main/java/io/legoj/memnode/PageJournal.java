package io.legoj.memnode;

import io.legoj.protocol.PageBatch;
import io.legoj.protocol.Ticker;
import io.legoj.protocol.journal.QueueJournal;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The memnode's journal ({@code --journal DIR}): every change of the node's state that a processor
 * relies on, appended to a {@link QueueJournal} before the change is acknowledged (see
 * {@link ChangeLog}; what survives what is in {@link JournalConfig}). One entry per request: a
 * PAGE_BATCH with writes is one entry holding all its pages as raw bytes.
 *
 * <p>Entries (the raw bytes of one queue document): {@code u8 op | utf8 app | s32 pageSize | body},
 * with the body of {@link #ALLOC} {@code s64 base | s64 size}, of {@link #FREE} {@code s64 base},
 * of {@link #WRITE} {@code s32 n | n x s64 address | n x pageSize bytes}, and none for
 * {@link #RELEASE}. Applying an entry sets state rather than changing it, so an entry applied again
 * does no harm; {@link Recovery} replays them.
 *
 * <p>Compaction. The journal rolls to a new generation; then the live state of every application
 * is appended to it as ordinary entries (its regions, then its pages in chunks, each chunk under
 * the application's monitor, while requests go on and are journaled after the chunks taken before
 * them); the new generation is forced and committed, which deletes the older ones. A crash during
 * compaction leaves the old generations in place and the new one partly written: replaying both in
 * order still gives the state the node acknowledged. A compaction is due when the journal has grown
 * since the last one by {@code compactBytes} and by at least the size of that snapshot (so it never
 * writes more than it reclaims), or when anything was journaled and {@code compactInterval} passed.
 *
 * <p>Thread safety: appends come from the event loops under each application's monitor; compactions
 * run on one thread of their own (or the caller's, from tests) one at a time.
 */
final class PageJournal implements ChangeLog, AutoCloseable {
    static final byte ALLOC = 1;
    static final byte FREE = 2;
    static final byte WRITE = 3;
    static final byte RELEASE = 4;
    /** Most bytes of pages in one snapshot entry (and so copied under an application's monitor at once). */
    private static final int SNAPSHOT_CHUNK = 4 << 20;

    private static final System.Logger LOG = System.getLogger(PageJournal.class.getName());

    private final JournalConfig config;
    private final Ticker ticker;
    private final QueueJournal queue;
    private final ScheduledExecutorService compactor;
    private final int snapshotChunk;
    private final Object compacting = new Object();
    private final AtomicBoolean compactionQueued = new AtomicBoolean();
    private final AtomicLong requestBytes = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();
    private PageStore store;
    private volatile long retainedBytes;
    private volatile long snapshotBytes;
    private volatile long lastCompactionNanos;
    private volatile boolean closed;
    private long recoveredEntries;

    /** Opens (or creates) the journal; entries of up to {@code maxFrame} bytes of pages fit. */
    PageJournal(JournalConfig config, int maxFrame, Ticker ticker) {
        this.config = config;
        this.ticker = ticker;
        this.queue = new QueueJournal(config.dir(), QueueJournal.blockSize(maxFrame));
        this.snapshotChunk = Math.min(SNAPSHOT_CHUNK, maxFrame);
        this.compactor = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("legoj-memnode-compaction", true));
    }

    /**
     * Brings {@code store} (empty) back to the state the journal holds, its applications idle since
     * {@code now}, then opens a new generation for appending. Fails with a one-line message, having
     * allocated nothing, if the pages do not fit in the store's capacity.
     */
    void recover(PageStore store, long now) {
        this.store = store;
        long start = System.nanoTime();
        Recovery recovery = new Recovery(config.dir());
        queue.replay(recovery::scan);
        recovery.restore(store, now);
        queue.replay(recovery::fill);
        recoveredEntries = recovery.entries();
        retainedBytes = recovery.bytes();
        snapshotBytes = store.capacity().used();
        lastCompactionNanos = now;
        queue.roll();
        if (recoveredEntries > 0) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.log(Level.INFO, () -> "journal " + config.dir() + ": " + recoveredEntries + " entries replayed in " + ms
                    + " ms, " + store.applications() + " applications with " + store.capacity().pages() + " pages ("
                    + Capacity.human(store.capacity().used()) + ") restored");
        }
    }

    /** Runs {@link #maybeCompact()} every second until closed. */
    void startTimer() {
        compactor.scheduleWithFixedDelay(() -> {
            try {
                maybeCompact();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "journal " + config.dir() + ": compaction failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void allocated(String app, int pageSize, long base, long size) {
        appended(queue.append(out -> {
            header(out, ALLOC, app, pageSize);
            out.writeLong(base);
            out.writeLong(size);
        }));
    }

    @Override
    public void freed(String app, int pageSize, long base) {
        appended(queue.append(out -> {
            header(out, FREE, app, pageSize);
            out.writeLong(base);
        }));
    }

    @Override
    public void written(String app, int pageSize, PageBatch batch) {
        long[] addrs = batch.writeAddrs();
        appended(queue.append(out -> {
            header(out, WRITE, app, pageSize);
            out.writeInt(addrs.length);
            for (long a : addrs) {
                out.writeLong(a);
            }
            for (int i = 0; i < addrs.length; i++) {
                QueueJournal.write(out, batch.writePage(i).nioBuffer());
            }
        }));
    }

    @Override
    public void released(String app, int pageSize) {
        appended(queue.append(out -> header(out, RELEASE, app, pageSize)));
    }

    /** A region of a snapshot (see {@link AppSpace#snapshot}); returns the bytes appended. */
    long snapshotRegion(String app, int pageSize, long base, long size) {
        checkNotClosing();
        return queue.append(out -> {
            header(out, ALLOC, app, pageSize);
            out.writeLong(base);
            out.writeLong(size);
        });
    }

    /** The first {@code n} pages of {@code addrs}, whose bytes are at {@code memory}, as one entry of a snapshot. */
    long snapshotPages(String app, int pageSize, long[] addrs, long[] memory, int n) {
        checkNotClosing();
        byte[] page = new byte[pageSize];
        return queue.append(out -> {
            header(out, WRITE, app, pageSize);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeLong(addrs[i]);
            }
            for (int i = 0; i < n; i++) {
                OffHeap.copyOut(memory[i], page, pageSize);
                out.write(page, 0, pageSize);
            }
        });
    }

    /** Compacts if due (see the class comment); true if it did. The timer calls this every second. */
    boolean maybeCompact() {
        boolean due = dueBySize() || requestBytes.get() > 0
                && ticker.nanoTime() - lastCompactionNanos >= config.compactInterval().toNanos();
        if (due) {
            compact();
        }
        return due;
    }

    /** Rewrites the live state into a new generation and deletes the older ones (see the class comment). */
    void compact() {
        synchronized (compacting) {
            if (closed) {
                return;
            }
            int generation;
            synchronized (queue) {
                retainedBytes += queue.bytesSinceRoll();
                generation = queue.roll();
            }
            requestBytes.set(0);
            long bytes = 0;
            try {
                for (AppSpace space : store.spaces()) {
                    bytes += space.snapshot(this, snapshotChunk);
                }
            } catch (Closing e) {
                return;
            }
            queue.commit(generation);
            retainedBytes = 0;
            snapshotBytes = bytes;
            lastCompactionNanos = ticker.nanoTime();
            compactions.incrementAndGet();
        }
    }

    /** Bytes of the entries the journal holds (what a restart replays). */
    long journalBytes() {
        return retainedBytes + queue.bytesSinceRoll();
    }

    long diskBytes() {
        return queue.diskBytes();
    }

    long compactions() {
        return compactions.get();
    }

    long recoveredEntries() {
        return recoveredEntries;
    }

    /** Stops compacting (one in progress gives up), forces what was appended and closes the queue. Idempotent. */
    @Override
    public void close() {
        closed = true;
        compactor.shutdownNow();
        try {
            if (!compactor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, () -> "journal " + config.dir() + ": compaction still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (compacting) {
            queue.sync();
            queue.close();
        }
    }

    private void appended(long bytes) {
        if (config.forceEachBatch()) {
            queue.sync();
        }
        requestBytes.addAndGet(bytes);
        if (dueBySize() && compactionQueued.compareAndSet(false, true)) {
            try {
                compactor.execute(() -> {
                    compactionQueued.set(false);
                    maybeCompact();
                });
            } catch (RejectedExecutionException closing) {
                compactionQueued.set(false);
            }
        }
    }

    private boolean dueBySize() {
        long growth = journalBytes() - snapshotBytes;
        return growth >= Math.max(config.compactBytes(), snapshotBytes);
    }

    private void checkNotClosing() {
        if (closed) {
            throw new Closing();
        }
    }

    private static void header(Bytes<?> out, byte op, String app, int pageSize) {
        out.writeByte(op);
        out.writeUtf8(app);
        out.writeInt(pageSize);
    }

    /** The node is closing: a compaction in progress gives up (the old generations stay). */
    private static final class Closing extends RuntimeException {
        Closing() {
            super("closing", null, false, false);
        }
    }
}
