package io.legoj.runtime;

import io.legoj.protocol.PageData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.internal.vm.annotation.DontInline;

/**
 * The processor's cache of remote pages (the ExCache of LegoOS): a fixed pool of off-heap frames,
 * a page table, CLOCK eviction with batched write-back, first-touch zero fill, sequential
 * read-ahead and concurrent faults.
 *
 * <p>The invariant: no access touches a frame after it was reassigned, and no write is lost to an
 * eviction. Threads reach frames only through their {@link Tlb}, whose entries pin frames. The
 * evictor moves a frame RESIDENT to EVICTING and then reads every TLB's pins; a thread publishes a
 * pin and then re-reads the frame's state. Both sides use volatile accesses, so one of them always
 * sees the other: either the thread backs off, or the evictor does.
 */
public final class PageCache implements AutoCloseable {
    private static final int SLOTS = 1024;

    final Frames frames;
    final PageBackend backend;
    final int pageShift;
    private final PageTable table;
    private final Faults faults;
    private final int tlbEntries;
    private final int maxTlbEntries;
    private final int readAheadMax;
    private final Tlb[] slots = new Tlb[SLOTS];
    private final ThreadLocal<Tlb> tlbs = new ThreadLocal<>();
    final List<Tlb> allTlbs = new CopyOnWriteArrayList<>();
    public final CacheCounters counters = new CacheCounters();
    private volatile Error failure;

    /**
     * @param frameCount    frames in the pool ({@code --cache} divided by the page size)
     * @param tlbEntries    entries per thread TLB (a power of two, fixed), 0 to size it from the pool and let
     *                      it grow for threads whose resident working set it does not reach
     * @param readAheadMax  most pages fetched ahead of a sequential fault
     * @param evictBatch    frames evicted together, so their write-backs travel together
     */
    public PageCache(PageBackend backend, int frameCount, int tlbEntries, int readAheadMax, int evictBatch) {
        int pageSize = backend.pageSize();
        if (Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("pageSize must be a power of two, got " + pageSize);
        }
        this.backend = backend;
        this.frames = new Frames(frameCount, pageSize);
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        PageShift.check(pageShift);
        this.table = new PageTable(frameCount);
        this.tlbEntries = tlbEntries > 0 ? checkPowerOfTwo(tlbEntries) : defaultTlbEntries(frameCount);
        this.maxTlbEntries = tlbEntries > 0 ? this.tlbEntries : Math.max(this.tlbEntries, maxTlbEntries(frameCount));
        this.readAheadMax = readAheadMax;
        this.faults = new Faults(this, table, evictBatch);
    }

    /** Per-thread reach: large enough for resident random access, small enough that pins leave room to evict. */
    static int defaultTlbEntries(int frameCount) {
        return Math.max(1, Math.min(1024, Integer.highestOneBit(Math.max(1, frameCount / 16))));
    }

    /**
     * Most a TLB grows to: an eighth of the pool (64 MiB of 4 KiB pages at most, 576 KiB of table),
     * so a thread randomly touching a large resident array stays on the fast path.
     */
    static int maxTlbEntries(int frameCount) {
        return Math.max(1, Math.min(16384, Integer.highestOneBit(Math.max(1, frameCount / 8))));
    }

    private static int checkPowerOfTwo(int n) {
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("tlbEntries must be a power of two, got " + n);
        }
        return n;
    }

    public int pageSize() {
        return frames.pageSize;
    }

    public int frameCount() {
        return frames.count;
    }

    /** Whether the page of {@code va} is in the cache now (it may leave at any time). */
    public boolean isResident(long va) {
        return table.get(va >>> pageShift) >= 0;
    }

    public int residentPages() {
        return table.size();
    }

    /** The calling thread's TLB: one field load and a compare when the thread owns its slot. */
    public Tlb tlb() {
        Thread t = Thread.currentThread();
        @SuppressWarnings("deprecation")
        Tlb x = slots[(int) t.getId() & (SLOTS - 1)];
        return x != null && x.owner == t ? x : tlbSlow(t);
    }

    @SuppressWarnings("deprecation")
    private Tlb tlbSlow(Thread t) {
        Tlb x = tlbs.get();
        if (x == null) {
            x = new Tlb(this, t, tlbEntries, maxTlbEntries, pageShift);
            tlbs.set(x);
            allTlbs.add(x);
        }
        int s = (int) t.getId() & (SLOTS - 1);
        Tlb old = slots[s];
        if (old == null || !old.owner.isAlive()) {
            slots[s] = x;
        }
        return x;
    }

    /**
     * Slow path of every access that missed the TLB: pins the page's frame in the slot of
     * {@code va}, faulting the page in when it is not resident. Returns the frame's address. Never
     * inlined: it would make every access it were inlined into too large to inline in turn.
     */
    @DontInline
    long translate(Tlb t, long va, boolean write) {
        if (va >>> pageShift == 0) {
            // a TLB entry for page 0 would let handles without storage (address 0) read it
            throw new IllegalArgumentException("address 0x" + Long.toHexString(va) + " is on page 0, which no region holds");
        }
        t.changes++;
        checkFailure();
        if (t.flushRequested) {
            t.flushRequested = false;
            releaseAll(t, -1);
        }
        if (t.shouldGrow()) {
            releaseAll(t, -1);
            t.grow();
            counters.tlbGrowths.increment();
        }
        counters.tlbMisses.increment();
        long vpn = va >>> pageShift;
        int i = (int) (vpn & t.mask);
        int f = t.pin(i);
        if (f < 0 || frames.page(f) != vpn) {
            boolean conflict = f >= 0;
            if (conflict) {
                unpin(t, i, f);
            }
            f = pinPage(t, i, vpn, conflict);
        }
        // A dirty frame stays dirty while pinned (only eviction cleans it): later writes need no miss.
        boolean writable = write || t.writable(i, vpn) || frames.dirty(f);
        if (write) {
            frames.setDirty(f, true);
        }
        t.fill(i, vpn, frames.address(f), writable);
        if (t.flushRequested) {
            t.flushRequested = false;
            releaseAll(t, i);
        }
        t.restamp();
        return frames.address(f);
    }

    private int pinPage(Tlb t, int i, long vpn, boolean conflict) {
        for (boolean first = true;; first = false) {
            int f = table.get(vpn);
            if (first && conflict && f >= 0) {
                t.residentConflicts++;
            }
            if (f < 0) {
                counters.faults.increment();
                f = fault(t, vpn);
                if (f < 0) {
                    continue;
                }
            }
            int s = frames.state(f);
            if (s != Frames.RESIDENT) {
                frames.awaitChange(f, s, vpn);
                checkFailure();
                continue;
            }
            t.setPin(i, f);
            if (frames.state(f) == Frames.RESIDENT && frames.page(f) == vpn) {
                frames.setReferenced(f, true);
                return f;
            }
            t.setPin(i, -1);
        }
    }

    private void unpin(Tlb t, int i, int f) {
        t.invalidate(i);
        frames.setReferenced(f, true);
        t.setPin(i, -1);
    }

    /** Drops every pin of {@code t} except slot {@code keep} (-1 keeps none). Owner thread only. */
    void releaseAll(Tlb t, int keep) {
        for (int i = 0; i < t.entries(); i++) {
            int f = t.pin(i);
            if (f >= 0 && i != keep) {
                unpin(t, i, f);
            }
        }
    }

    /** Brings {@code vpn} (and read-ahead pages) in; returns its frame, or -1 if another thread did it first. */
    private int fault(Tlb t, long vpn) {
        return faults.fault(t, vpn, readAheadWindow(t, vpn));
    }

    private int readAheadWindow(Tlb t, long vpn) {
        if (vpn == t.lastFault + 1) {
            t.readAhead = Math.min(readAheadMax, Math.max(1, t.readAhead * 2));
        } else {
            t.readAhead = 0;
        }
        t.lastFault = vpn + t.readAhead;
        return t.readAhead;
    }

    /** Waits for a reply of the backend; failures become the cache's failure. */
    PageData await(CompletableFuture<PageData> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            fail(e.getCause());
            throw failure;
        }
    }

    /** Remote memory is lost or full: every later slow path throws {@code e}'s error. */
    void fail(Throwable cause) {
        if (failure != null) {
            return;
        }
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        Error e;
        if (cause instanceof Error err) {
            e = err;
        } else if (cause instanceof io.legoj.protocol.RemoteException re
                && re.code() == io.legoj.protocol.ErrorCode.FULL) {
            e = new OutOfMemoryError("LegoJ remote memory: " + re.getMessage());
        } else {
            e = new LegojError("LegoJ remote memory failed: " + cause.getMessage()
                    + " (it held the last replica of some of this application's pages)", cause);
        }
        failure = e;
        for (int f = 0; f < frames.count; f++) {
            frames.publish(f, frames.state(f));
        }
    }

    public Error failure() {
        return failure;
    }

    void checkFailure() {
        Error e = failure;
        if (e != null) {
            throw e;
        }
    }

    /** Asks every thread to drop its pins at its next access; the pool ran dry. */
    void requestShootdown() {
        counters.shootdowns.increment();
        for (Tlb x : allTlbs) {
            x.shootDown();
        }
    }

    /** Sets {@code bytes} bytes from {@code va} to {@code value}, a page at a time. */
    public void fill(long va, long bytes, byte value) {
        Tlb t = tlb();
        while (bytes > 0) {
            int n = (int) Math.min(bytes, pageSize() - (va & (pageSize() - 1)));
            UnsafeAccess.U.setMemory(t.w(va), n, value);
            va += n;
            bytes -= n;
        }
    }

    /** Copies {@code bytes} bytes from remote {@code va} to a Java array or off-heap address. */
    public void copyOut(long va, Object dst, long dstOffset, long bytes) {
        Tlb t = tlb();
        while (bytes > 0) {
            int n = (int) Math.min(bytes, pageSize() - (va & (pageSize() - 1)));
            UnsafeAccess.U.copyMemory(null, t.r(va), dst, dstOffset, n);
            va += n;
            dstOffset += n;
            bytes -= n;
        }
    }

    /** Copies {@code bytes} bytes from a Java array or off-heap address to remote {@code va}. */
    public void copyIn(Object src, long srcOffset, long va, long bytes) {
        Tlb t = tlb();
        while (bytes > 0) {
            int n = (int) Math.min(bytes, pageSize() - (va & (pageSize() - 1)));
            UnsafeAccess.U.copyMemory(src, srcOffset, null, t.w(va), n);
            va += n;
            srcOffset += n;
            bytes -= n;
        }
    }

    /**
     * Copies {@code bytes} bytes from remote {@code from} to remote {@code to}, frame to frame; the
     * ranges may overlap (copied as {@code memmove} does). Both pages of a piece stay pinned by their
     * TLB slots during its copy; a piece whose two pages share a slot (only one can be pinned) goes
     * through a small buffer.
     */
    public void copy(long from, long to, long bytes) {
        Tlb t = tlb();
        long mask = pageSize() - 1;
        byte[] bounce = null;
        boolean backward = to > from && to < from + bytes;
        while (bytes > 0) {
            long n;
            long f;
            long d;
            if (backward) {
                n = Math.min(bytes, Math.min(((from + bytes - 1) & mask) + 1, ((to + bytes - 1) & mask) + 1));
                f = from + bytes - n;
                d = to + bytes - n;
            } else {
                n = Math.min(bytes, Math.min(pageSize() - (from & mask), pageSize() - (to & mask)));
                f = from;
                d = to;
                from += n;
                to += n;
            }
            bytes -= n;
            long fromPage = f >>> t.shift;
            long toPage = d >>> t.shift;
            if (fromPage == toPage || ((fromPage ^ toPage) & t.mask) != 0) {
                long dst;
                long src;
                do {
                    dst = t.w(d);
                    src = t.r(f);
                } while (!t.holdsWritable(toPage)); // translating f may drop every other pin (shootdown, growth)
                UnsafeAccess.U.copyMemory(src, dst, n);
            } else {
                if (bounce == null) {
                    bounce = new byte[pageSize()];
                }
                UnsafeAccess.U.copyMemory(null, t.r(f), bounce, sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET, n);
                UnsafeAccess.U.copyMemory(bounce, sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET, null, t.w(d), n);
            }
        }
    }

    /** Frees the frames: only once no thread can touch them any more (tests, benchmarks). */
    @Override
    public void close() {
        faults.close();
        frames.close();
    }
}
