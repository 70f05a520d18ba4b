package io.legoj.runtime;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.Ticker;
import io.legoj.runtime.objects.Handles;
import io.legoj.runtime.objects.LocalObjects;
import io.legoj.runtime.objects.RemoteObjects;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** One application's runtime: connections to its memory nodes, the page cache and the heap. */
public final class LegojRuntime implements AutoCloseable {
    private final RuntimeConfig config;
    private final EventLoopGroup group;
    private final RemoteMemory remote;
    private final PageCache cache;
    private final Heap heap;

    private LegojRuntime(RuntimeConfig config, EventLoopGroup group, RemoteMemory remote) {
        this.config = config;
        this.group = group;
        this.remote = remote;
        this.cache = new PageCache(remote, config.frames(), config.tlbEntries(), config.readAheadMax(), config.evictBatch());
        this.heap = new Heap(remote, cache);
        remote.onNodeFailure(cache::fail);
    }

    /**
     * Connects to every memory node (failing with a {@link io.legoj.protocol.NodeFailureException}
     * that names the first node it cannot use) and builds the cache.
     */
    public static LegojRuntime start(RuntimeConfig config) {
        EventLoopGroup group = EventLoops.create("legoj-net", Math.min(2, config.memnodes().size()));
        List<NodeConnection> conns = new ArrayList<>();
        NodeConnection.Settings settings = new NodeConnection.Settings(config.secret(), config.appId(),
                config.pageSize(), config.timeout().toNanos(), Ticker.SYSTEM);
        try {
            for (var hp : config.memnodes()) {
                conns.add(NodeConnection.open(group, "memnode", hp, settings));
            }
        } catch (RuntimeException e) {
            conns.forEach(NodeConnection::close);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        java.util.function.IntFunction<NodeConnection> reconnector = i -> NodeConnection.open(group, "memnode",
                config.memnodes().get(i), settings);
        return new LegojRuntime(config, group, new RemoteMemory(conns, config.pageSize(), config.regionSize(),
                config.replicas(), reconnector, config.reconnect()));
    }

    public RuntimeConfig config() {
        return config;
    }

    public PageCache cache() {
        return cache;
    }

    public Heap heap() {
        return heap;
    }

    public RemoteMemory remote() {
        return remote;
    }

    /** One line for the exit summary. */
    public String summary() {
        CacheCounters c = cache.counters;
        long ps = cache.pageSize();
        return String.format(Locale.ROOT, "faults=%d hit_ratio=%.3f evictions=%d write_backs=%d read_ahead=%d "
                + "zero_fills=%d bytes_in=%d bytes_out=%d resident_pages=%d memnodes=%d remote_objects=%d "
                + "reclaimed_objects=%d live_handles=%d local_refs=%d gc_requests=%d",
                c.faults.sum(), c.hitRatio(), c.evictions.sum(), c.writeBacks.sum(), c.readAheadPages.sum(),
                c.zeroFills.sum(), c.pagesRead.sum() * ps, c.writeBacks.sum() * ps, cache.residentPages(),
                remote.nodeCount(), RemoteObjects.allocated(), RemoteObjects.reclaimed(), Handles.size(),
                LocalObjects.size(), heap.collectionRequests());
    }

    /**
     * Closes the connections and frees the cache. Not for JVM exit, where application threads may
     * still run: the agent leaves the runtime open then.
     */
    @Override
    public void close() {
        remote.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        cache.close();
    }
}
