package io.legoj.runtime;

import static io.legoj.runtime.UnsafeAccess.U;

import io.legoj.protocol.PageData;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The fault path: frame allocation, CLOCK eviction, write-back batching and the requests that
 * bring pages in. Setting a fault up (choosing frames, evicting, mapping the pages as LOADING and
 * sending the requests) happens under this object's lock, so write-backs of a page reach its node
 * in the order they were made; waiting for the node happens outside it, so faults of different
 * threads overlap on the network.
 */
final class Faults {
    private static final long PINNED_STALL_LIMIT = TimeUnit.SECONDS.toNanos(30);

    private final PageCache cache;
    private final Frames frames;
    private final PageTable table;
    private final PageBackend backend;
    private final InFlightWrites inFlight = new InFlightWrites();
    private final int evictBatch;
    private final int maxInFlight;
    private final int pageSize;
    private final int[] free;
    private int freeCount;
    private int hand;
    private final boolean[] candidate;
    private final boolean[] pinnedHint;
    private final int[] hints;
    private final List<WriteBatch> writes = new ArrayList<>();

    Faults(PageCache cache, PageTable table, int evictBatch) {
        this.cache = cache;
        this.frames = cache.frames;
        this.table = table;
        this.backend = cache.backend;
        this.evictBatch = Math.max(1, Math.min(evictBatch, frames.count / 8));
        this.maxInFlight = Math.max(16, Math.min(frames.count / 2, 2048));
        this.pageSize = frames.pageSize;
        this.free = new int[frames.count];
        for (int f = frames.count - 1; f >= 0; f--) {
            free[freeCount++] = f;
        }
        this.candidate = new boolean[frames.count];
        this.pinnedHint = new boolean[frames.count];
        this.hints = new int[frames.count];
    }

    /** Releases the pages still in flight (their node failed or never answered); the cache is closing. */
    void close() {
        inFlight.releaseAll();
    }

    /** Pages of one fault that must come from their node. */
    private static final class Reads {
        long[] vpns = new long[4];
        int[] frames = new int[4];
        int size;

        void add(long vpn, int frame) {
            if (size == vpns.length) {
                vpns = Arrays.copyOf(vpns, size * 2);
                frames = Arrays.copyOf(frames, size * 2);
            }
            vpns[size] = vpn;
            frames[size++] = frame;
        }
    }

    /** Faults {@code vpn} in with up to {@code ahead} following pages; -1 when another thread mapped it. */
    int fault(Tlb t, long vpn, int ahead) {
        inFlight.awaitAtMost(maxInFlight, cache);
        long stalledSince = 0;
        for (;;) {
            Reads reads = new Reads();
            CompletableFuture<PageData> reply;
            int f;
            synchronized (this) {
                if (table.get(vpn) >= 0) {
                    return -1;
                }
                int node = backend.nodeOf(vpn);
                if (freeCount < 1 + ahead) {
                    evict(Math.max(evictBatch, 1 + ahead - freeCount));
                }
                if (freeCount == 0) {
                    f = -1;
                    reply = null;
                } else {
                    f = map(vpn, reads);
                    frames.setReferenced(f, true);
                    readAhead(vpn, ahead, node, reads);
                    reply = send(node, reads);
                }
            }
            if (f >= 0) {
                complete(reads, reply);
                return f;
            }
            stalledSince = waitForUnpinnedFrame(t, stalledSince);
        }
    }

    /** Takes a free frame for {@code vpn}, maps it and fills it locally when it can. */
    private int map(long vpn, Reads reads) {
        int f = free[--freeCount];
        frames.setPage(f, vpn);
        frames.publish(f, Frames.LOADING);
        table.putIfAbsent(vpn, f);
        long address = frames.address(f);
        if (inFlight.copyTo(vpn, address, pageSize)) {
            frames.publish(f, Frames.RESIDENT);
        } else if (!backend.hasRemoteCopy(vpn)) {
            U.setMemory(address, pageSize, (byte) 0);
            cache.counters.zeroFills.increment();
            frames.publish(f, Frames.RESIDENT);
        } else {
            reads.add(vpn, f);
        }
        return f;
    }

    private void readAhead(long vpn, int ahead, int node, Reads reads) {
        for (int k = 1; k <= ahead && freeCount > 0; k++) {
            long v = vpn + k;
            if (!backend.hasRemoteCopy(v) || backend.nodeOf(v) != node) {
                return;
            }
            if (table.get(v) < 0) {
                map(v, reads);
                cache.counters.readAheadPages.increment();
            }
        }
    }

    /** Sends the reads of this fault with the write-backs for the same node, and every other write-back. */
    private CompletableFuture<PageData> send(int node, Reads reads) {
        CompletableFuture<PageData> reply = null;
        WriteBatch piggyback = null;
        for (WriteBatch w : writes) {
            if (w.node == node && reads.size > 0) {
                piggyback = w;
            } else {
                sendWrites(w, new long[0]).thenAccept(PageData::release);
            }
        }
        writes.clear();
        if (piggyback != null) {
            cache.counters.piggybackedWriteBacks.add(piggyback.size());
            reply = sendWrites(piggyback, Arrays.copyOf(reads.vpns, reads.size));
        } else if (reads.size > 0) {
            reply = backend.exchange(node, new long[0], null, Arrays.copyOf(reads.vpns, reads.size));
        }
        return reply;
    }

    private CompletableFuture<PageData> sendWrites(WriteBatch w, long[] readVpns) {
        long[] vpns = w.vpns();
        ByteBuf[] slices = w.slices();
        CompletableFuture<PageData> reply = backend.exchange(w.node, vpns, w.takeData(), readVpns);
        reply.whenComplete((d, e) -> {
            if (e != null) {
                cache.fail(e);
            } else {
                inFlight.acknowledged(vpns, slices);
            }
        });
        return reply;
    }

    /** Waits for the node's pages (outside the lock) and makes them resident. */
    private void complete(Reads reads, CompletableFuture<PageData> reply) {
        if (reads.size == 0) {
            return;
        }
        PageData d = cache.await(reply);
        try {
            ByteBuf data = d.data();
            int at = data.readerIndex();
            for (int i = 0; i < reads.size; i++) {
                int f = reads.frames[i];
                long address = frames.address(f);
                if (d.present(i)) {
                    FrameCopy.copy(data, at, address, pageSize);
                    at += pageSize;
                } else {
                    U.setMemory(address, pageSize, (byte) 0);
                }
                frames.publish(f, Frames.RESIDENT);
            }
            cache.counters.pagesRead.add(reads.size);
        } finally {
            d.release();
        }
    }

    /**
     * Evicts up to {@code want} unpinned frames by CLOCK: dirty ones are copied into per-node
     * write batches, registered in flight at once (a read-ahead in the same fault must find the
     * newest copy) and sent by the caller before it leaves the lock; all go to the free list.
     */
    private void evict(int want) {
        int hinted = markPins();
        int[] chosen = new int[want];
        int n = 0;
        for (int scanned = 0; scanned < 2 * frames.count && n < want; scanned++) {
            int f = hand;
            hand = hand + 1 == frames.count ? 0 : hand + 1;
            if (pinnedHint[f] || frames.state(f) != Frames.RESIDENT) {
                continue;
            }
            if (frames.referenced(f)) {
                frames.setReferenced(f, false);
            } else if (frames.casState(f, Frames.RESIDENT, Frames.EVICTING)) {
                chosen[n++] = f;
                candidate[f] = true;
            }
        }
        for (int k = 0; k < hinted; k++) {
            pinnedHint[hints[k]] = false;
        }
        abortPinnedCandidates();
        for (int k = 0; k < n; k++) {
            int f = chosen[k];
            if (candidate[f]) {
                candidate[f] = false;
                evictFrame(f);
            }
        }
        for (WriteBatch w : writes) {
            w.seal(inFlight);
        }
    }

    /**
     * Marks the frames pinned right now in {@link #pinnedHint}, so the sweep skips them; records
     * them in {@link #hints} and returns how many, so exactly those marks are cleared afterwards.
     */
    private int markPins() {
        int n = 0;
        for (Tlb x : cache.allTlbs) {
            int[] pins = x.pinsSnapshot();
            for (int i = 0; i < pins.length; i++) {
                int p = Tlb.pinAt(pins, i);
                if (p >= 0 && !pinnedHint[p]) {
                    pinnedHint[p] = true;
                    hints[n++] = p;
                }
            }
        }
        return n;
    }

    /** The precise check after the frames are EVICTING: a pinned candidate goes back to RESIDENT. */
    private void abortPinnedCandidates() {
        for (Tlb x : cache.allTlbs) {
            if (!x.owner.isAlive()) {
                cache.allTlbs.remove(x);
                continue;
            }
            int[] pins = x.pinsSnapshot();
            for (int i = 0; i < pins.length; i++) {
                int p = Tlb.pinAt(pins, i);
                if (p >= 0 && candidate[p]) {
                    candidate[p] = false;
                    frames.setReferenced(p, true);
                    frames.publish(p, Frames.RESIDENT);
                }
            }
        }
    }

    private void evictFrame(int f) {
        long vpn = frames.page(f);
        if (frames.dirty(f)) {
            batchFor(backend.nodeOf(vpn)).add(vpn, frames.address(f));
            backend.markRemoteCopy(vpn);
            frames.setDirty(f, false);
            cache.counters.writeBacks.increment();
        }
        table.remove(vpn, f);
        frames.setPage(f, -1);
        frames.publish(f, Frames.FREE);
        free[freeCount++] = f;
        cache.counters.evictions.increment();
    }

    private WriteBatch batchFor(int node) {
        for (WriteBatch w : writes) {
            if (w.node == node) {
                return w;
            }
        }
        WriteBatch w = new WriteBatch(node, pageSize);
        writes.add(w);
        return w;
    }

    /** Every frame is pinned: drop our own pins, ask all threads to drop theirs, and back off. */
    private long waitForUnpinnedFrame(Tlb t, long stalledSince) {
        long now = System.nanoTime();
        long since = stalledSince == 0 ? now : stalledSince;
        if (now - since > PINNED_STALL_LIMIT) {
            throw new OutOfMemoryError("LegoJ page cache: all " + frames.count + " frames stay pinned by threads "
                    + "that do not run; give the cache more room (--cache)");
        }
        cache.releaseAll(t, -1);
        cache.requestShootdown();
        cache.checkFailure();
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        return since;
    }
}
