package io.legoj.memnode;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * The part of the node that belongs to one application: its page size, regions and pages. Every
 * request of the application goes through here, so nothing of another application is reachable.
 * Requests are serialized by this object's monitor (several connections of one application may
 * arrive on different event loops). The lease fields are guarded by the {@link PageStore}'s monitor.
 *
 * <p>Every change is recorded in the {@link ChangeLog} before it is acknowledged, in the order the
 * changes are applied: pages get their memory (the only step that can fail for want of it), then
 * the change is recorded, then applied; a change the log refuses is undone and fails.
 */
final class AppSpace {
    /** Page table value of a page being added by the current batch, before its memory exists. */
    private static final long PENDING = -1;

    private final String appId;
    private final int pageSize;
    private final PagePool pool;
    private final Capacity capacity;
    private final ChangeLog log;
    private final Regions regions;
    private final PageTable pages = new PageTable();
    private boolean released;
    private int connections;
    private long idleSince;

    AppSpace(String appId, PagePool pool, Capacity capacity, ChangeLog log) {
        this(appId, pool, capacity, log, new Regions());
    }

    private AppSpace(String appId, PagePool pool, Capacity capacity, ChangeLog log, Regions regions) {
        this.appId = appId;
        this.pageSize = pool.pageSize();
        this.pool = pool;
        this.capacity = capacity;
        this.log = log;
        this.regions = regions;
    }

    /**
     * A space brought back from the journal with {@code regions} and memory (contents undefined) for
     * the pages at {@code addresses}, which the capacity was checked to hold; without connections
     * since {@code now}, so its lease runs from the restart.
     */
    static AppSpace restored(String appId, PagePool pool, Capacity capacity, ChangeLog log, Regions regions,
            long[] addresses, long now) {
        AppSpace space = new AppSpace(appId, pool, capacity, log, regions);
        space.idleSince = now;
        space.addPages(addresses);
        return space;
    }

    String appId() {
        return appId;
    }

    int pageSize() {
        return pageSize;
    }

    void connect() {
        connections++;
    }

    void disconnect(long now) {
        if (--connections == 0) {
            idleSince = now;
        }
    }

    boolean leaseExpired(long now, long leaseNanos) {
        return connections == 0 && now - idleSince >= leaseNanos;
    }

    /** Adds {@code [base, base + size)}; the same region again succeeds, so that retries are harmless. */
    synchronized void allocRegion(long base, long size) {
        checkOpen();
        long end = checkRegion(base, size);
        int same = regions.indexOf(base);
        if (same >= 0 && regions.end(same) == end) {
            return;
        }
        int other = regions.overlapping(base, end);
        if (other >= 0) {
            throw badRequest("region " + range(base, end) + " overlaps region "
                    + range(regions.base(other), regions.end(other)));
        }
        capacity.checkNotFull();
        log.allocated(appId, pageSize, base, size);
        regions.add(base, end);
    }

    /** Drops the region that starts at {@code base} and all its pages. */
    synchronized void freeRegion(long base) {
        checkOpen();
        int i = regions.indexOf(base);
        if (i < 0) {
            throw new StoreException(ErrorCode.NO_SUCH_REGION, "application " + appId + " has no region at " + hex(base));
        }
        long end = regions.end(i);
        log.freed(appId, pageSize, base);
        regions.removeAt(i);
        long freed = 0;
        if ((end - base) / pageSize <= pages.size()) {
            for (long a = base; a < end; a += pageSize) {
                freed += dropPage(a);
            }
        } else {
            for (long a : pages.keys()) {
                freed += a >= base && a < end ? dropPage(a) : 0;
            }
        }
        capacity.release(freed, pageSize);
    }

    /**
     * Applies the writes of {@code batch} in order, then reads its pages into a new buffer from
     * {@code alloc}, which the returned reply owns. A batch that fails changes nothing.
     */
    synchronized PageData batch(PageBatch batch, ByteBufAllocator alloc) {
        checkOpen();
        checkAddresses(batch.writeAddrs(), "write");
        checkAddresses(batch.readAddrs(), "read");
        long[] writes = batch.writeAddrs();
        long[] fresh = addPages(writes);
        if (writes.length > 0) {
            try {
                log.written(appId, pageSize, batch);
            } catch (RuntimeException e) {
                forget(fresh, fresh.length);
                capacity.release(fresh.length, pageSize);
                throw e;
            }
        }
        for (int i = 0; i < writes.length; i++) {
            ByteBuf page = batch.writePage(i);
            OffHeap.copyIn(page, page.readerIndex(), pages.get(writes[i]), pageSize);
        }
        return read(batch.requestId(), batch.readAddrs(), alloc);
    }

    /** Frees every page and region for good (recorded in the log); later requests fail. Called when the lease expires. */
    synchronized long expire() {
        if (released) {
            return 0;
        }
        log.released(appId, pageSize);
        return release();
    }

    /** Frees every page and region; later requests fail. Called when the node closes (not recorded: the pages come back). */
    synchronized long release() {
        long freed = 0;
        for (long a : pages.keys()) {
            freed += dropPage(a);
        }
        capacity.release(freed, pageSize);
        regions.clear();
        released = true;
        return freed;
    }

    /**
     * Appends this application's regions, then its pages, to {@code journal} as ordinary entries, in
     * chunks of at most {@code chunkBytes} of pages, each under this object's monitor: requests go on
     * between chunks and are journaled after the chunk taken before them, so replaying the journal in
     * order gives the same state. Returns the bytes appended; stops early once the space is released.
     */
    long snapshot(PageJournal journal, int chunkBytes) {
        long bytes = 0;
        long[] keys;
        synchronized (this) {
            if (released) {
                return 0;
            }
            for (int i = 0; i < regions.count(); i++) {
                bytes += journal.snapshotRegion(appId, pageSize, regions.base(i), regions.end(i) - regions.base(i));
            }
            keys = pages.keys();
        }
        int perChunk = Math.max(1, chunkBytes / pageSize);
        long[] addrs = new long[Math.min(perChunk, keys.length)];
        long[] memory = new long[addrs.length];
        for (int from = 0; from < keys.length; from += perChunk) {
            synchronized (this) {
                if (released) {
                    break;
                }
                int n = 0;
                for (int i = from; i < Math.min(keys.length, from + perChunk); i++) {
                    long m = pages.get(keys[i]);
                    if (m > 0) {
                        addrs[n] = keys[i];
                        memory[n++] = m;
                    }
                }
                bytes += n == 0 ? 0 : journal.snapshotPages(appId, pageSize, addrs, memory, n);
            }
        }
        return bytes;
    }

    /** The memory of the page at {@code address}, or 0 if it is not held; for replaying the journal. */
    synchronized long memoryOf(long address) {
        return pages.get(address);
    }

    private PageData read(long requestId, long[] addrs, ByteBufAllocator alloc) {
        boolean[] present = new boolean[addrs.length];
        long[] memory = new long[addrs.length];
        int count = 0;
        for (int i = 0; i < addrs.length; i++) {
            memory[i] = pages.get(addrs[i]);
            present[i] = memory[i] != 0;
            count += present[i] ? 1 : 0;
        }
        if (count == 0) {
            return new PageData(requestId, pageSize, present, Unpooled.EMPTY_BUFFER);
        }
        ByteBuf data = alloc.ioBuffer(count * pageSize);
        try {
            for (int i = 0; i < addrs.length; i++) {
                if (present[i]) {
                    OffHeap.copyOut(memory[i], data, pageSize);
                }
            }
        } catch (RuntimeException e) {
            data.release();
            throw e;
        }
        return new PageData(requestId, pageSize, present, data);
    }

    /** Gives memory to every page of {@code addrs} not held yet, all or none (FULL); returns those pages. */
    private long[] addPages(long[] addrs) {
        long[] fresh = markNew(addrs);
        if (fresh.length == 0) {
            return fresh;
        }
        try {
            capacity.reserve(fresh.length, pageSize);
        } catch (StoreException e) {
            forget(fresh, 0);
            throw e;
        }
        for (int i = 0; i < fresh.length; i++) {
            long memory = pool.allocate();
            if (memory == 0) {
                forget(fresh, i);
                capacity.release(fresh.length, pageSize);
                throw capacity.noMemory(fresh.length, pageSize);
            }
            pages.put(fresh[i], memory);
        }
        return fresh;
    }

    /** The distinct addresses of {@code addrs} not held yet, each entered in the table as PENDING. */
    private long[] markNew(long[] addrs) {
        long[] fresh = new long[addrs.length];
        int n = 0;
        for (long a : addrs) {
            if (pages.get(a) == 0) {
                pages.put(a, PENDING);
                fresh[n++] = a;
            }
        }
        return n == fresh.length ? fresh : Arrays.copyOf(fresh, n);
    }

    /** Undoes {@link #markNew} for {@code fresh}, whose first {@code allocated} entries already have memory. */
    private void forget(long[] fresh, int allocated) {
        for (int i = 0; i < fresh.length; i++) {
            long memory = pages.remove(fresh[i]);
            if (i < allocated) {
                pool.free(memory);
            }
        }
    }

    private int dropPage(long address) {
        long memory = pages.remove(address);
        if (memory == 0) {
            return 0;
        }
        pool.free(memory);
        return 1;
    }

    private void checkAddresses(long[] addrs, String what) {
        for (long a : addrs) {
            if ((a & (pageSize - 1)) != 0) {
                throw outOfRegion(what + " address " + hex(a) + " is not aligned to the page size " + pageSize);
            }
            if (regions.containing(a) < 0) {
                throw outOfRegion(what + " address " + hex(a) + " is in no region of application " + appId);
            }
        }
    }

    /** Checks a new region's bounds and returns its end. */
    private long checkRegion(long base, long size) {
        if (base <= 0 || size <= 0) {
            throw badRequest("region base and size must be positive, got base " + base + ", size " + size);
        }
        if ((base & (pageSize - 1)) != 0 || (size & (pageSize - 1)) != 0) {
            throw badRequest("region base " + hex(base) + " and size " + size
                    + " must be multiples of the page size " + pageSize);
        }
        if (base + size < 0) {
            throw badRequest("region at " + hex(base) + " of size " + size + " ends beyond the address space");
        }
        return base + size;
    }

    private void checkOpen() {
        if (released) {
            throw new StoreException(ErrorCode.INTERNAL, "the pages of application " + appId
                    + " were released (lease expired or node closing)");
        }
    }

    private static StoreException badRequest(String message) {
        return new StoreException(ErrorCode.BAD_REQUEST, message);
    }

    private static StoreException outOfRegion(String message) {
        return new StoreException(ErrorCode.OUT_OF_REGION, message);
    }

    private static String range(long base, long end) {
        return "[" + hex(base) + ", " + hex(end) + ")";
    }

    private static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }
}
