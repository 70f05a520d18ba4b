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
 */
final class AppSpace {
    /** Page table value of a page being added by the current batch, before its memory exists. */
    private static final long PENDING = -1;

    private final String appId;
    private final int pageSize;
    private final PagePool pool;
    private final Capacity capacity;
    private final Regions regions = new Regions();
    private final PageTable pages = new PageTable();
    private boolean released;
    private int connections;
    private long idleSince;

    AppSpace(String appId, PagePool pool, Capacity capacity) {
        this.appId = appId;
        this.pageSize = pool.pageSize();
        this.pool = pool;
        this.capacity = capacity;
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
        addPages(batch.writeAddrs());
        long[] writes = batch.writeAddrs();
        for (int i = 0; i < writes.length; i++) {
            ByteBuf page = batch.writePage(i);
            OffHeap.copyIn(page, page.readerIndex(), pages.get(writes[i]), pageSize);
        }
        return read(batch.requestId(), batch.readAddrs(), alloc);
    }

    /** Frees every page and region; later requests fail. Called when the lease expires or the node closes. */
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

    /** Gives memory to every page of {@code addrs} not held yet, all or none (FULL). */
    private void addPages(long[] addrs) {
        long[] fresh = markNew(addrs);
        if (fresh.length == 0) {
            return;
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
