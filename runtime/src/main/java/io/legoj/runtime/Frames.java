package io.legoj.runtime;

import static io.legoj.runtime.UnsafeAccess.U;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The page cache's frames: one block of off-heap memory cut into page-sized frames, and per frame
 * the page it holds, its state, a dirty flag and a CLOCK reference bit.
 *
 * <p>State machine: FREE -> LOADING (a fault owns it) -> RESIDENT -> EVICTING (the evictor owns it)
 * -> FREE, or EVICTING -> RESIDENT when a thread turned out to hold it pinned. State changes are
 * volatile; {@code page} is written before the volatile state change that publishes it.
 */
final class Frames implements AutoCloseable {
    static final int FREE = 0;
    static final int LOADING = 1;
    static final int RESIDENT = 2;
    static final int EVICTING = 3;

    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(int[].class);

    final int count;
    final int pageSize;
    final long base;
    private final long[] page;
    private final int[] state;
    private final boolean[] dirty;
    private final boolean[] referenced;
    private final Object[] locks;

    Frames(int count, int pageSize) {
        if (count < 2) {
            throw new IllegalArgumentException("count: the cache needs at least 2 frames, got " + count);
        }
        this.count = count;
        this.pageSize = pageSize;
        this.base = U.allocateMemory((long) count * pageSize);
        U.setMemory(base, (long) count * pageSize, (byte) 0);
        this.page = new long[count];
        this.state = new int[count];
        this.dirty = new boolean[count];
        this.referenced = new boolean[count];
        this.locks = new Object[Math.min(count, 256)];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        java.util.Arrays.fill(page, -1);
    }

    long address(int f) {
        return base + (long) f * pageSize;
    }

    long page(int f) {
        return page[f];
    }

    void setPage(int f, long vpn) {
        page[f] = vpn;
    }

    int state(int f) {
        return (int) STATE.getVolatile(state, f);
    }

    /** Publishes a state (and the page written before it) and wakes threads waiting on the frame. */
    void publish(int f, int s) {
        STATE.setVolatile(state, f, s);
        Object lock = lock(f);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    boolean casState(int f, int expect, int update) {
        return STATE.compareAndSet(state, f, expect, update);
    }

    /** Waits until frame {@code f} no longer is in state {@code s} for page {@code vpn}, or a bound passes. */
    void awaitChange(int f, int s, long vpn) {
        Object lock = lock(f);
        synchronized (lock) {
            if (state(f) == s && page[f] == vpn) {
                try {
                    lock.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    boolean dirty(int f) {
        return dirty[f];
    }

    void setDirty(int f, boolean d) {
        dirty[f] = d;
    }

    boolean referenced(int f) {
        return referenced[f];
    }

    void setReferenced(int f, boolean r) {
        referenced[f] = r;
    }

    private Object lock(int f) {
        return locks[f % locks.length];
    }

    @Override
    public void close() {
        U.freeMemory(base);
    }
}
