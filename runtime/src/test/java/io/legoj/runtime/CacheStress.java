package io.legoj.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cache invariant under fire: many threads, a cache of a few frames (constant eviction), random
 * typed reads and writes of 8-byte slots, each checked against a model. Slots are interleaved
 * across threads, so every page is written by every thread at once while it is being evicted.
 * A frame reused too early or a write lost to eviction shows up as a wrong value.
 */
public final class CacheStress {
    private static final int[] SIZES = {1, 1, 2, 2, 4, 4, 8, 8};

    private CacheStress() {
    }

    /** Runs the stress and returns the number of checked reads; throws AssertionError on the first mismatch. */
    public static long run(PageCache cache, long base, int pages, int threads, int opsPerThread, long seed)
            throws InterruptedException {
        int slots = pages * cache.pageSize() / 8;
        long[] model = new long[slots];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] checked = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                try {
                    checked[id] = work(cache, base, model, id, threads, opsPerThread, new SplittableRandom(seed + id));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "stress-" + w);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("stress failed: " + failure.get(), failure.get());
        }
        Tlb tlb = cache.tlb();
        for (int s = 0; s < slots; s++) {
            long actual = tlb.getLong(base + 8L * s);
            if (actual != model[s]) {
                throw new AssertionError("after the run, slot " + s + " holds " + Long.toHexString(actual)
                        + ", expected " + Long.toHexString(model[s]));
            }
        }
        long total = slots;
        for (long c : checked) {
            total += c;
        }
        return total;
    }

    private static long work(PageCache cache, long base, long[] model, int id, int threads, int ops, SplittableRandom r) {
        Tlb tlb = cache.tlb();
        int mine = model.length / threads;
        long reads = 0;
        for (int i = 0; i < ops; i++) {
            int slot = r.nextInt(mine) * threads + id;
            int kind = r.nextInt(SIZES.length);
            int size = SIZES[kind];
            int offset = r.nextInt(8 / size) * size;
            long va = base + 8L * slot + offset;
            long shift = 8L * offset;
            long mask = size == 8 ? -1L : ((1L << (8 * size)) - 1);
            if (r.nextBoolean()) {
                long v = kind == 1 ? r.nextInt(2) : r.nextLong() & mask;
                write(tlb, kind, va, v);
                model[slot] = (model[slot] & ~(mask << shift)) | (v << shift);
            } else {
                long expected = (model[slot] >>> shift) & mask;
                long actual = read(tlb, kind, va) & mask;
                if (actual != expected) {
                    throw new AssertionError("thread " + id + " slot " + slot + " kind " + kind + " offset " + offset
                            + ": read " + Long.toHexString(actual) + ", expected " + Long.toHexString(expected));
                }
                reads++;
            }
        }
        return reads;
    }

    private static void write(Tlb t, int kind, long va, long v) {
        switch (kind) {
            case 0 -> t.putByte(va, (byte) v);
            case 1 -> t.putBoolean(va, v != 0);
            case 2 -> t.putShort(va, (short) v);
            case 3 -> t.putChar(va, (char) v);
            case 4 -> t.putInt(va, (int) v);
            case 5 -> t.putFloat(va, Float.intBitsToFloat((int) v));
            case 6 -> t.putLong(va, v);
            default -> t.putDouble(va, Double.longBitsToDouble(v));
        }
    }

    private static long read(Tlb t, int kind, long va) {
        return switch (kind) {
            case 0 -> t.getByte(va);
            case 1 -> t.getByte(va);
            case 2 -> t.getShort(va);
            case 3 -> t.getChar(va);
            case 4 -> t.getInt(va);
            case 5 -> Float.floatToRawIntBits(t.getFloat(va));
            case 6 -> t.getLong(va);
            default -> Double.doubleToRawLongBits(t.getDouble(va));
        };
    }
}
