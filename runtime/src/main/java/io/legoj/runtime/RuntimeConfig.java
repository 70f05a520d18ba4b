package io.legoj.runtime;

import io.legoj.protocol.HostPort;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the processor runtime.
 *
 * @param memnodes     memory nodes of this application
 * @param appId        application id: the node scopes pages by it
 * @param secret       cluster secret
 * @param pageSize     bytes per page, a power of two
 * @param cacheBytes   size of the page cache
 * @param regionSize   bytes per region placed on one node, a power of two
 * @param tlbEntries   entries per thread TLB, 0 to size from the cache
 * @param readAheadMax most pages read ahead of a sequential fault
 * @param evictBatch   frames evicted (and written back) together
 * @param timeout      time a node may take to answer before it counts as failed
 * @param replicas     copies of each region, each on another memnode
 * @param reconnect    how long requests to a failed memnode wait for it to come back (restarted with its
 *                     journal) before its regions count as lost; zero for not at all
 */
public record RuntimeConfig(List<HostPort> memnodes, String appId, String secret, int pageSize, long cacheBytes,
        long regionSize, int tlbEntries, int readAheadMax, int evictBatch, Duration timeout, int replicas,
        Duration reconnect) {
    /** 16 KiB: the best of 4, 16 and 64 KiB over a sequential and a random workload (docs/BENCHMARKS.md). */
    public static final int DEFAULT_PAGE_SIZE = 16384;
    public static final long DEFAULT_CACHE = 64L << 20;
    public static final long DEFAULT_REGION = 64L << 20;

    public RuntimeConfig {
        memnodes = List.copyOf(memnodes);
        if (memnodes.isEmpty()) {
            throw new IllegalArgumentException("memnodes: at least one memory node is needed");
        }
        if (Integer.bitCount(pageSize) != 1 || pageSize < 512 || pageSize > (1 << 20)) {
            throw new IllegalArgumentException("page: " + pageSize + " is not a power of two from 512 to 1m");
        }
        if (cacheBytes < 2L * pageSize) {
            throw new IllegalArgumentException("cache: " + cacheBytes + " bytes hold fewer than 2 pages of " + pageSize);
        }
        if (cacheBytes / pageSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cache: " + cacheBytes + " bytes is too many frames");
        }
        if (Long.bitCount(regionSize) != 1 || regionSize < pageSize) {
            throw new IllegalArgumentException("region: " + regionSize + " is not a power of two of at least a page");
        }
        if (reconnect.isNegative()) {
            throw new IllegalArgumentException("reconnect: " + reconnect + " is negative");
        }
        if (replicas < 1 || replicas > memnodes.size()) {
            throw new IllegalArgumentException("replicas: " + replicas + " must be from 1 to the number of memnodes ("
                    + memnodes.size() + ")");
        }
    }

    /** Defaults for everything but where the nodes are and who we are. */
    public static RuntimeConfig defaults(List<HostPort> memnodes, String appId, String secret) {
        return new RuntimeConfig(memnodes, appId, secret, DEFAULT_PAGE_SIZE, DEFAULT_CACHE, DEFAULT_REGION, 0, 32, 16,
                Duration.ofSeconds(10), 1, Duration.ZERO);
    }

    public RuntimeConfig withCache(long bytes, int page) {
        return new RuntimeConfig(memnodes, appId, secret, page, bytes, regionSize, tlbEntries, readAheadMax, evictBatch,
                timeout, replicas, reconnect);
    }

    public RuntimeConfig withTimeout(Duration t) {
        return new RuntimeConfig(memnodes, appId, secret, pageSize, cacheBytes, regionSize, tlbEntries, readAheadMax,
                evictBatch, t, replicas, reconnect);
    }

    public RuntimeConfig withReplicas(int n) {
        return new RuntimeConfig(memnodes, appId, secret, pageSize, cacheBytes, regionSize, tlbEntries, readAheadMax,
                evictBatch, timeout, n, reconnect);
    }

    public RuntimeConfig withReconnect(Duration wait) {
        return new RuntimeConfig(memnodes, appId, secret, pageSize, cacheBytes, regionSize, tlbEntries, readAheadMax,
                evictBatch, timeout, replicas, wait);
    }

    public int frames() {
        return (int) (cacheBytes / pageSize);
    }
}
