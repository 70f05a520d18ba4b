package io.legoj.storagenode;

import io.legoj.protocol.NodeCounters;
import io.legoj.protocol.NodeServer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A storage node: keeps the files of many applications under {@code DIR/data/<appId>/} and serves
 * file requests over the LegoJ protocol. Every mutation is journaled (Chronicle Queue under
 * {@code DIR/journal/}) before it is applied and answered; a FILE_SYNC answered means the file is
 * on disk. Typical use:
 * <pre>{@code
 * try (StorageNode node = new StorageNode(StorageNodeConfig.of(dir, secret).withPort(7100))) {
 *     node.start();
 *     ...
 * }
 * }</pre>
 * Constructing the node opens the directory and recovers from the journal (see {@link FileStore});
 * {@link #start()} listens. Checkpoints are taken every {@code checkpointBytes} of journal, and by a
 * timer once started.
 */
public final class StorageNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StorageNode.class.getName());

    private final StorageNodeConfig config;
    private final FileStore store;
    private final NodeServer server;
    private volatile long startNanos;
    private volatile String nodeId;
    private volatile int port;
    private boolean closed;

    /** Opens {@code config.dir()} (created if missing) and replays its journal; fails with a one-line message. */
    public StorageNode(StorageNodeConfig config) {
        this(config, null);
    }

    /** With the file requests run on {@code fileExecutor} (tests pass one that runs them at once). */
    StorageNode(StorageNodeConfig config, ExecutorService fileExecutor) {
        this.config = config;
        this.server = new NodeServer("storagenode", config.ioThreads(), config.maxFrame(),
                () -> new StorageNodeHandler(this));
        this.port = config.port();
        this.nodeId = "storagenode " + config.host() + ":" + config.port();
        this.startNanos = config.ticker().nanoTime();
        this.store = new FileStore(config, fileExecutor);
    }

    /** Binds and starts serving; returns the bound port. Fails with a one-line message if it cannot bind. */
    public synchronized int start() {
        if (closed || server.isBound()) {
            throw new IllegalStateException(nodeId + " is " + (closed ? "closed" : "already started"));
        }
        int bound = server.bind(config.host(), config.port());
        startNanos = config.ticker().nanoTime();
        port = bound;
        nodeId = "storagenode " + config.host() + ":" + port;
        store.startTimer();
        LOG.log(Level.INFO, () -> nodeId + " listening, data in " + config.dir());
        return port;
    }

    /** The bound port once started, else the configured one. */
    public int port() {
        return port;
    }

    /** {@code storagenode host:port}, as it appears in messages and statistics. */
    public String nodeId() {
        return nodeId;
    }

    public StorageNodeConfig config() {
        return config;
    }

    public StorageNodeStats stats() {
        StorageNodeStats s = new StorageNodeStats();
        s.nodeId = nodeId;
        s.uptimeMs = TimeUnit.NANOSECONDS.toMillis(config.ticker().nanoTime() - startNanos);
        s.used = store.bytes();
        s.capacity = capacity();
        s.applications = store.applications();
        s.connections = counters().connections.get();
        s.requests = counters().requests.sum();
        s.bytesIn = counters().bytesIn.sum();
        s.bytesOut = counters().bytesOut.sum();
        s.rejectedConnections = counters().rejectedConnections.sum();
        s.files = store.files();
        s.journalBytes = store.journal.bytesSinceRoll();
        s.journalDiskBytes = store.journal.diskBytes();
        s.checkpoints = store.checkpoints();
        s.recoveredEntries = store.recoveredEntries();
        s.redoneEntries = store.redoneEntries();
        return s;
    }

    /** Bytes of the files plus the space left on the data directory's disk. */
    long capacity() {
        try {
            return store.bytes() + Files.getFileStore(store.dataDir).getUsableSpace();
        } catch (IOException e) {
            return store.bytes();
        }
    }

    /**
     * Takes a checkpoint if one is due (enough journal bytes, or the interval passed on the
     * configured ticker with anything journaled); true if it did. The timer calls this every second.
     */
    public boolean maybeCheckpoint() {
        return store.maybeCheckpoint();
    }

    /** Takes a checkpoint now: forces every file changed since the last one and drops the old journal. */
    public void checkpoint() {
        store.checkpoint();
    }

    /**
     * Stops listening, closes every connection, lets queued requests finish, takes a last checkpoint
     * and closes the journal and the event loops. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean wasListening = server.isBound();
        server.disconnect();
        store.close();
        server.shutdown();
        if (wasListening) {
            LOG.log(Level.INFO, () -> nodeId + " closed");
        }
    }

    /** Sets up the pipeline of an accepted connection; also used by tests on an {@code EmbeddedChannel}. */
    ChannelInitializer<Channel> initializer() {
        return server.initializer();
    }

    FileStore store() {
        return store;
    }

    NodeCounters counters() {
        return server.counters();
    }
}
