package io.legoj.memnode;

import io.legoj.protocol.ErrorCode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The node's memory accounting, shared by all applications: {@code used} counts the bytes of pages
 * held (what the capacity limits); {@code offHeap} counts the chunks really allocated, which stays
 * below capacity plus one chunk. Lock-free: reservations are compare-and-set loops.
 */
final class Capacity {
    /** Largest chunk a pool allocates at once: the largest page size. */
    static final int MAX_CHUNK = 1 << 20;

    private final long capacity;
    private final Supplier<String> node;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong offHeap = new AtomicLong();

    Capacity(long capacity, Supplier<String> node) {
        this.capacity = capacity;
        this.node = node;
    }

    long capacity() {
        return capacity;
    }

    long used() {
        return used.get();
    }

    long pages() {
        return pages.get();
    }

    long offHeap() {
        return offHeap.get();
    }

    /** Fails with FULL when nothing more fits, which is when new regions are refused. */
    void checkNotFull() {
        long u = used.get();
        if (u >= capacity) {
            throw new StoreException(ErrorCode.FULL, node.get() + " is full: capacity " + human(capacity) + ", used " + human(u));
        }
    }

    /** Reserves {@code count} pages of {@code pageSize} bytes, all or none; FULL if they do not fit. */
    void reserve(int count, int pageSize) {
        long need = (long) count * pageSize;
        long u;
        do {
            u = used.get();
            if (u + need > capacity) {
                throw new StoreException(ErrorCode.FULL, node.get() + " is full: capacity " + human(capacity) + ", used "
                        + human(u) + ", " + count + " new pages of " + human(pageSize) + " do not fit");
            }
        } while (!used.compareAndSet(u, u + need));
        pages.addAndGet(count);
    }

    void release(long count, int pageSize) {
        used.addAndGet(-count * pageSize);
        pages.addAndGet(-count);
    }

    /** Takes {@code bytes} of the off-heap budget for a new chunk; false if the budget is spent. */
    boolean takeChunk(long bytes) {
        long held;
        do {
            held = offHeap.get();
            if (held + bytes > capacity + MAX_CHUNK) {
                return false;
            }
        } while (!offHeap.compareAndSet(held, held + bytes));
        return true;
    }

    void returnChunk(long bytes) {
        offHeap.addAndGet(-bytes);
    }

    /** FULL because memory for new pages could not be allocated although their bytes were reserved. */
    StoreException noMemory(int count, int pageSize) {
        return new StoreException(ErrorCode.FULL, node.get() + " is full: cannot allocate " + count + " new pages of "
                + human(pageSize) + " (capacity " + human(capacity) + ", used " + human(used.get()) + ", "
                + human(offHeap.get()) + " allocated off-heap)");
    }

    /** {@code 512 bytes}, {@code 4 KiB}, {@code 64 MiB}, {@code 1.5 GiB}. */
    static String human(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        int u = 0;
        double v = bytes / 1024.0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        long tenths = Math.round(v * 10);
        return (tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0)) + " " + units[u];
    }
}
