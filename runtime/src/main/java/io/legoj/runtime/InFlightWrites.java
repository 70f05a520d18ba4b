package io.legoj.runtime;

import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;

/**
 * Pages written back but not yet acknowledged by their node. A fault on such a page copies it from
 * here instead of asking the node, so a write-back in flight is never lost nor read stale.
 *
 * <p>Ownership: each entry is a retained slice owned by the acknowledgement of its batch, which
 * releases it in {@link #acknowledged}; an entry replaced by a newer write-back of the same page
 * stays owned (and is released) by its own acknowledgement.
 */
final class InFlightWrites {
    private final Map<Long, ByteBuf> pages = new HashMap<>();
    /** Slices not yet released, including those a newer write-back of their page replaced. */
    private int outstanding;

    synchronized void put(long vpn, ByteBuf slice) {
        pages.put(vpn, slice);
        outstanding++;
    }

    /**
     * Flow control: waits while more than {@code limit} pages are unacknowledged, so the memory held
     * by write-backs stays bounded however fast the application dirties pages.
     */
    synchronized void awaitAtMost(int limit, PageCache cache) {
        while (outstanding > limit) {
            cache.checkFailure();
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Copies the in-flight content of {@code vpn} to {@code address}; false if none is in flight. */
    synchronized boolean copyTo(long vpn, long address, int pageSize) {
        ByteBuf b = pages.get(vpn);
        if (b == null) {
            return false;
        }
        FrameCopy.copy(b, b.readerIndex(), address, pageSize);
        return true;
    }

    void acknowledged(long[] vpns, ByteBuf[] slices) {
        synchronized (this) {
            for (int i = 0; i < vpns.length; i++) {
                if (pages.get(vpns[i]) == slices[i]) {
                    pages.remove(vpns[i]);
                }
            }
            outstanding -= slices.length;
            notifyAll();
        }
        for (ByteBuf s : slices) {
            s.release();
        }
    }

    /** Drops every page still in flight; only when the cache is closed. */
    synchronized void releaseAll() {
        for (ByteBuf b : pages.values()) {
            b.release();
        }
        pages.clear();
        outstanding = 0;
    }

    synchronized int size() {
        return pages.size();
    }
}
