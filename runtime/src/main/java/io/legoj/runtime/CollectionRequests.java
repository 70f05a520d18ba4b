package io.legoj.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Asks the JVM for a collection now and then, for the remote memory that is freed only once the JVM
 * collected a handle (arrays, and objects that never escaped): a handle's few local bytes rarely
 * make the heap collect, so dead blocks would pile up. They must be reclaimed while their pages
 * are still in the cache, or their pages are written back to the memnodes and read again when the
 * blocks are reused (an {@code int[256]} made and dropped in a loop took 39 us instead of 1 with
 * 256 MiB between requests over a 64 MiB cache), and objects evicted before their handle died are
 * never reclaimed. So a request comes each time a quarter of the cache was allocated (half still
 * let the heap outgrow the cache), at least 1 MiB and at most 256 MiB apart; while the last request
 * freed less than half of what was allocated before it, the blocks live on and a full collection
 * finds little, so the distance doubles, back to a quarter once blocks die young again.
 */
final class CollectionRequests {
    static final long MIN_INTERVAL = 1L << 20;
    static final long MAX_INTERVAL = 256L << 20;

    private final long base;
    private final Runnable collect;
    private final AtomicLong sinceRequest = new AtomicLong();
    private final LongAdder freedSinceRequest = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private volatile long interval;
    /** Bytes allocated between the two last requests: what the last one could find dead. */
    private volatile long allocatedBeforeRequest;

    /** {@code collect} asks for the collection ({@code System::gc}). */
    CollectionRequests(long cacheBytes, Runnable collect) {
        this.base = Math.max(MIN_INTERVAL, Math.min(MAX_INTERVAL, cacheBytes / 4));
        this.interval = base;
        this.collect = collect;
    }

    /** {@code bytes} of remote memory were allocated; may ask for a collection. */
    void allocated(long bytes) {
        long since = sinceRequest.addAndGet(bytes);
        if (since <= interval) {
            return;
        }
        sinceRequest.set(0);
        interval = 2 * freedSinceRequest.sumThenReset() < allocatedBeforeRequest ? Math.min(MAX_INTERVAL, 2 * interval)
                : base;
        allocatedBeforeRequest = since;
        requests.increment();
        collect.run();
    }

    /** {@code bytes} of remote memory were freed. */
    void freed(long bytes) {
        freedSinceRequest.add(bytes);
    }

    long requests() {
        return requests.sum();
    }
}
