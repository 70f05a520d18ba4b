package io.legoj.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocator of remote memory. Blocks up to half a page come from size classes whose blocks never
 * straddle a page (so a naturally aligned access never does either); larger blocks are runs of
 * whole pages. Pages come from regions of the {@link RegionSource}. Memory handed out reads as zeros.
 */
public final class Heap {
    private static final byte LARGE = -1;

    private final RegionSource regions;
    private final PageCache cache;
    private final int pageSize;
    private final int pageShift;
    private final long regionSize;
    private final SizeClass[] classes;
    private final byte[] classBySize;
    private final int maxSmall;
    /** Per region, per page: size class + 1 of the page, {@link #LARGE} for the head of a run, 0 otherwise. */
    private final List<byte[]> pageKinds = new ArrayList<>();
    private final Map<Long, Long> largeRuns = new HashMap<>();
    private final Map<Long, LongStack> freeRuns = new HashMap<>();
    private final CollectionRequests collections;
    private long bump;
    private long limit;

    private static final class SizeClass {
        final int size;
        /** What {@link #pageKinds} records for this class's pages: its index + 1. */
        final byte kind;
        final LongStack free = new LongStack();
        long next;
        long end;

        SizeClass(int size, int index) {
            this.size = size;
            this.kind = (byte) (index + 1);
        }
    }

    public Heap(RegionSource regions, PageCache cache) {
        this(regions, cache, CollectionRequests.systemCollector());
    }

    /** {@code collector} asks the JVM for a collection ({@link CollectionRequests}). */
    Heap(RegionSource regions, PageCache cache, CollectionRequests.Collector collector) {
        this.regions = regions;
        this.cache = cache;
        this.pageSize = cache.pageSize();
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        this.collections = new CollectionRequests((long) cache.frameCount() * pageSize, collector);
        this.regionSize = regions.regionSize();
        this.maxSmall = pageSize / 2;
        List<Integer> sizes = sizeClasses(maxSmall);
        this.classes = new SizeClass[sizes.size()];
        this.classBySize = new byte[maxSmall / 8 + 1];
        for (int c = 0, s = 0; c < classes.length; c++) {
            classes[c] = new SizeClass(sizes.get(c), c);
            for (; s <= classes[c].size / 8; s++) {
                classBySize[s] = (byte) c;
            }
        }
    }

    /** 16, then four steps per power of two (8-byte aligned), up to {@code max}. */
    static List<Integer> sizeClasses(int max) {
        List<Integer> sizes = new ArrayList<>();
        for (int p = 16; p <= max; p *= 2) {
            int step = Math.max(8, p / 4);
            for (int s = p; s < 2 * p && s <= max; s += step) {
                sizes.add(s);
            }
        }
        return sizes;
    }

    /** Allocates {@code bytes} of zeroed remote memory, 8-byte aligned (page aligned above half a page). */
    public long allocate(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive, got " + bytes);
        }
        if (bytes <= maxSmall) {
            SizeClass c = classes[classBySize[(int) ((bytes + 7) >>> 3)]];
            collections.allocated(c.size);
            return allocateSmall(c);
        }
        long pages = (bytes + pageSize - 1) >>> pageShift;
        collections.allocated(pages << pageShift);
        return allocateRun(pages);
    }

    /** Collections asked of the JVM so far, for the exit summary. */
    public long collectionRequests() {
        return collections.requests();
    }

    private long allocateSmall(SizeClass c) {
        long va;
        boolean reused;
        synchronized (c) {
            reused = !c.free.isEmpty();
            if (reused) {
                va = c.free.pop();
            } else {
                if (c.next + c.size > c.end) {
                    long page = takePages(1, c.kind);
                    c.next = page;
                    c.end = page + pageSize;
                }
                va = c.next;
                c.next += c.size;
            }
        }
        if (reused) {
            cache.fill(va, c.size, (byte) 0);
        }
        return va;
    }

    private long allocateRun(long pages) {
        long va;
        synchronized (this) {
            LongStack reusable = freeRuns.get(pages);
            if (reusable != null && !reusable.isEmpty()) {
                va = reusable.pop();
                largeRuns.put(va, pages);
                kind(va >>> pageShift, LARGE);
            } else {
                va = takePages(pages, LARGE);
                largeRuns.put(va, pages);
                return va;
            }
        }
        cache.fill(va, pages << pageShift, (byte) 0);
        return va;
    }

    /** Fresh pages from the bump pointer; fresh pages were never written, so they read as zeros. */
    private synchronized long takePages(long pages, byte kind) {
        long bytes = pages << pageShift;
        if (bump + bytes > limit) {
            long need = (bytes + regionSize - 1) / regionSize;
            long base = regions.allocateRegions((int) need);
            if (base != limit) {
                bump = base;
            }
            limit = base + need * regionSize;
        }
        long va = bump;
        bump += bytes;
        kind(va >>> pageShift, kind);
        collections.grew(bytes);
        return va;
    }

    private synchronized void kind(long vpn, byte kind) {
        int perRegion = (int) (regionSize >>> pageShift);
        int r = (int) (vpn / perRegion);
        while (pageKinds.size() <= r) {
            pageKinds.add(null);
        }
        byte[] kinds = pageKinds.get(r);
        if (kinds == null) {
            kinds = new byte[perRegion];
            pageKinds.set(r, kinds);
        }
        kinds[(int) (vpn % perRegion)] = kind;
    }

    private synchronized byte kindOf(long vpn) {
        int perRegion = (int) (regionSize >>> pageShift);
        int r = (int) (vpn / perRegion);
        byte[] kinds = r < pageKinds.size() ? pageKinds.get(r) : null;
        return kinds == null ? 0 : kinds[(int) (vpn % perRegion)];
    }

    /** Returns a block to the allocator; its content is not kept. */
    public void free(long va) {
        byte kind = kindOf(va >>> pageShift);
        if (kind > 0) {
            SizeClass c = classes[kind - 1];
            if ((va & (pageSize - 1)) % c.size != 0) {
                throw notAllocated(va);
            }
            synchronized (c) {
                c.free.push(va);
            }
            collections.freed(c.size);
            return;
        }
        synchronized (this) {
            Long pages = kind == LARGE ? largeRuns.remove(va) : null;
            if (pages == null) {
                throw notAllocated(va);
            }
            kind(va >>> pageShift, (byte) 0);
            freeRuns.computeIfAbsent(pages, p -> new LongStack()).push(va);
            collections.freed(pages << pageShift);
        }
    }

    private static IllegalArgumentException notAllocated(long va) {
        return new IllegalArgumentException("free of 0x" + Long.toHexString(va) + ", which is not an allocated block");
    }
}
