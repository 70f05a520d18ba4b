package io.legoj.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
    /** Asks the JVM for a collection; {@code waitForReferences}: and for the references it found dead to be enqueued. */
    interface Collector {
        void collect(boolean waitForReferences);
    }

    private static final long MIN_INTERVAL = 1L << 20;
    private static final long MAX_INTERVAL = 256L << 20;

    private final long base;
    private final Collector collector;
    private final long cacheBytes;
    /** Bytes of fresh pages the heap took so far: its size. */
    private final LongAdder grown = new LongAdder();
    private final AtomicLong sinceRequest = new AtomicLong();
    private final LongAdder freedSinceRequest = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private volatile long interval;
    /** Bytes allocated between the two last requests: what the last one could find dead. */
    private volatile long allocatedBeforeRequest;

    /**
     * {@code System.gc()}, then, when asked and java.base lets LegoJ see it (the agent exports
     * {@code jdk.internal.access} to it), waits until the references the collection found dead are
     * enqueued, as NIO does before it gives up on direct memory. Waiting costs the allocating thread
     * the JDK's reference processing (an {@code int[256]} loop took 1.6 to 1.9 us an array instead of
     * 0.7 to 0.9), so it is asked for only once the heap is half the cache: on a busy machine the thread may
     * allocate on into fresh pages before the reference handler has run, and the heap outgrow the cache.
     */
    static Collector systemCollector() {
        MethodHandle wait = waitForReferenceProcessing();
        return waitForReferences -> {
            System.gc();
            if (!waitForReferences || wait == null) {
                return;
            }
            try {
                while ((boolean) wait.invokeExact()) {
                    // more references were pending: wait for those too
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                throw new IllegalStateException("LegoJ: waiting for the JDK's reference processing failed", e);
            }
        };
    }

    /** {@code () -> boolean} of the JDK's {@code Reference.waitForReferenceProcessing}, or null where not exported to LegoJ. */
    private static MethodHandle waitForReferenceProcessing() {
        try {
            Class<?> secrets = Class.forName("jdk.internal.access.SharedSecrets");
            Object access = secrets.getMethod("getJavaLangRefAccess").invoke(null);
            Class<?> type = Class.forName("jdk.internal.access.JavaLangRefAccess");
            return MethodHandles.lookup().findVirtual(type, "waitForReferenceProcessing",
                    MethodType.methodType(boolean.class)).bindTo(access);
        } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
            return null;
        }
    }

    /** {@code collector} asks for the collection ({@link #systemCollector}). */
    CollectionRequests(long cacheBytes, Collector collector) {
        this.base = Math.max(MIN_INTERVAL, Math.min(MAX_INTERVAL, cacheBytes / 4));
        this.cacheBytes = cacheBytes;
        this.interval = base;
        this.collector = collector;
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
        collector.collect(2 * grown.sum() > cacheBytes);
    }

    /** The heap took {@code bytes} of fresh pages. */
    void grew(long bytes) {
        grown.add(bytes);
    }

    /** {@code bytes} of remote memory were freed. */
    void freed(long bytes) {
        freedSinceRequest.add(bytes);
    }

    long requests() {
        return requests.sum();
    }
}
