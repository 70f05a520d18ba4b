package io.legoj.bench;

import io.legoj.runtime.PageCache;
import io.legoj.runtime.RemoteMemory;
import io.legoj.runtime.Tlb;
import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** Cold-fault throughput: threads fault distinct remote pages into a fresh cache that never evicts. */
final class ColdFaults {
    private static final int SHIFT = 12;

    private ColdFaults() {
    }

    /** Frames of the cache: every page of every thread, and some to spare. */
    static int frames(int threads, int pagesPerThread) {
        return threads * pagesPerThread + 64;
    }

    /**
     * Thread {@code k} reads pages {@code k*pages .. (k+1)*pages-1} after {@code base} in its own
     * random order; returns faults per second from the common start to the last thread's end.
     */
    static double run(RemoteMemory remote, long base, int threads, int pages, long seed) throws InterruptedException {
        PageCache cache = new PageCache(remote, frames(threads, pages), 0, 0, 16);
        try {
            double rate = measure(cache, base, threads, pages, seed);
            long faults = cache.counters.faults.sum();
            long evictions = cache.counters.evictions.sum();
            if (faults != (long) threads * pages || evictions != 0) {
                throw new IllegalStateException("cold run expected " + threads * pages + " faults and no eviction, got "
                        + faults + " faults and " + evictions + " evictions");
            }
            return rate;
        } finally {
            cache.close();
        }
    }

    private static double measure(PageCache cache, long base, int threads, int pages, long seed)
            throws InterruptedException {
        long[] start = new long[1];
        // The barrier action runs before any party is released, so no worker can end before the start.
        CyclicBarrier ready = new CyclicBarrier(threads + 1, () -> start[0] = System.nanoTime());
        long[] end = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int k = 0; k < threads; k++) {
            int[] mine = Report.shuffled(k * pages, pages, new Random(seed * 31 + k));
            int id = k;
            workers[k] = new Thread(() -> {
                try {
                    Tlb t = cache.tlb();
                    ready.await();
                    for (int p : mine) {
                        FaultBench.check(p, t.getLong(base + ((long) p << SHIFT)));
                    }
                    end[id] = System.nanoTime();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    ready.reset();
                }
            }, "bench-cold-" + k);
            workers[k].start();
        }
        try {
            ready.await(60, TimeUnit.SECONDS);
        } catch (BrokenBarrierException | TimeoutException e) {
            failure.compareAndSet(null, e);
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a cold-fault thread failed: " + failure.get(), failure.get());
        }
        long last = 0;
        for (long e : end) {
            last = Math.max(last, e);
        }
        return (double) threads * pages / ((last - start[0]) / 1e9);
    }
}
