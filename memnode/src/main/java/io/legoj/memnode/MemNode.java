package io.legoj.memnode;

import io.legoj.protocol.NodeCounters;
import io.legoj.protocol.NodeServer;
import io.legoj.protocol.NodeStats;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

/**
 * A memory node: holds the pages of many applications in off-heap memory up to its capacity and
 * serves region and page-batch requests over the LegoJ protocol. Typical use:
 * <pre>{@code
 * try (MemNode node = new MemNode(MemNodeConfig.of(capacity, secret).withPort(7001))) {
 *     node.start();
 *     ...
 * }
 * }</pre>
 * The pages of an application survive its connections for the configured lease, so a processor
 * that reconnects finds them again; {@link #expireLeases()} runs every second once started.
 *
 * <p>With a journal ({@link MemNodeConfig#journal()}), every region allocation and free, page write
 * and lease expiry is journaled before it is acknowledged, and constructing the node on an existing
 * journal brings back every application's regions and pages (same addresses, same bytes), each with
 * a fresh lease from the restart: a processor that reconnects within the lease finds its pages. The
 * journal is compacted by a timer once started (see {@link PageJournal}).
 */
public final class MemNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MemNode.class.getName());

    private final MemNodeConfig config;
    private final PageStore store;
    private final PageJournal journal;
    private final NodeServer server;
    private volatile long startNanos;
    private volatile String nodeId;
    private volatile int port;
    private ScheduledFuture<?> leaseTimer;
    private boolean closed;

    /**
     * A node with the configured settings; with a journal, opens it (created if missing) and replays
     * it. Fails with a one-line message if the journal holds more pages than the capacity or cannot
     * be read.
     */
    public MemNode(MemNodeConfig config) {
        this.config = config;
        this.port = config.port();
        this.nodeId = "memnode " + config.host() + ":" + config.port();
        this.startNanos = config.ticker().nanoTime();
        this.journal = config.journal() == null ? null
                : new PageJournal(config.journal(), config.maxFrame(), config.ticker());
        this.store = new PageStore(config.capacity(), this::nodeId, journal == null ? ChangeLog.NONE : journal);
        this.server = new NodeServer("memnode", config.ioThreads(), config.maxFrame(), () -> new MemNodeHandler(this));
        if (journal != null) {
            try {
                journal.recover(store, startNanos);
            } catch (RuntimeException e) {
                journal.close();
                store.close();
                throw e;
            }
        }
    }

    /** Binds and starts serving; returns the bound port. Fails with a one-line message if it cannot bind. */
    public synchronized int start() {
        if (closed || server.isBound()) {
            throw new IllegalStateException(nodeId + " is " + (closed ? "closed" : "already started"));
        }
        int bound = server.bind(config.host(), config.port());
        startNanos = config.ticker().nanoTime();
        port = bound;
        nodeId = "memnode " + config.host() + ":" + port;
        leaseTimer = server.group().next().scheduleAtFixedRate(this::expireLeasesQuietly, 1, 1, TimeUnit.SECONDS);
        if (journal != null) {
            journal.startTimer();
        }
        LOG.log(Level.INFO, () -> nodeId + " listening, capacity " + Capacity.human(config.capacity())
                + (journal == null ? "" : ", journal in " + config.journal().dir()));
        return port;
    }

    /** The bound port once started, else the configured one. */
    public int port() {
        return port;
    }

    /** {@code memnode host:port}, as it appears in messages and statistics. */
    public String nodeId() {
        return nodeId;
    }

    public MemNodeConfig config() {
        return config;
    }

    public NodeStats stats() {
        Capacity c = store.capacity();
        NodeStats s = new NodeStats();
        s.kind = "memnode";
        s.nodeId = nodeId;
        s.uptimeMs = TimeUnit.NANOSECONDS.toMillis(config.ticker().nanoTime() - startNanos);
        s.capacity = c.capacity();
        s.used = c.used();
        s.applications = store.applications();
        s.connections = counters().connections.get();
        s.pages = c.pages();
        s.requests = counters().requests.sum();
        s.bytesIn = counters().bytesIn.sum();
        s.bytesOut = counters().bytesOut.sum();
        s.rejectedConnections = counters().rejectedConnections.sum();
        if (journal != null) {
            s.journalBytes = journal.journalBytes();
            s.journalDiskBytes = journal.diskBytes();
            s.compactions = journal.compactions();
            s.recoveredEntries = journal.recoveredEntries();
        }
        return s;
    }

    /**
     * Frees the regions and pages of every application that has had no connection for the lease
     * (measured with the configured ticker); returns the number of applications freed.
     */
    public int expireLeases() {
        return store.expireLeases(config.ticker().nanoTime(), config.leaseNanos());
    }

    /**
     * Compacts the journal if a compaction is due (it grew enough, or the interval passed on the
     * configured ticker with anything journaled); true if it did. The timer calls this every second.
     * False without a journal.
     */
    public boolean maybeCompact() {
        return journal != null && journal.maybeCompact();
    }

    /** Compacts the journal now: rewrites the live state into a new generation and deletes the older ones. */
    public void compact() {
        if (journal != null) {
            journal.compact();
        }
    }

    /**
     * Closes every connection, stops the event loops, forces and closes the journal (a restart on it
     * gets every page back) and frees all off-heap memory. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (leaseTimer != null) {
            leaseTimer.cancel(false);
        }
        boolean wasListening = server.isBound();
        server.disconnect();
        server.shutdown();
        if (journal != null) {
            journal.close();
        }
        store.close();
        if (wasListening) {
            LOG.log(Level.INFO, () -> nodeId + " closed");
        }
    }

    /** Sets up the pipeline of an accepted connection; also used by tests on an {@code EmbeddedChannel}. */
    ChannelInitializer<Channel> initializer() {
        return server.initializer();
    }

    PageStore store() {
        return store;
    }

    NodeCounters counters() {
        return server.counters();
    }

    private void expireLeasesQuietly() {
        try {
            expireLeases();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, nodeId + ": lease expiry failed", e);
        }
    }
}
