package io.legoj.memnode;

import java.util.Arrays;

/**
 * Off-heap page slots of one page size, shared by every application that uses that size. Memory is
 * allocated lazily in chunks of several pages; freed slots go on a stack and are reused first. When
 * the last page of the pool is freed, all its chunks go back to the system, so memory held for an
 * unusual page size does not outlive its applications. Thread safe.
 */
final class PagePool {
    private final int pageSize;
    private final int chunkBytes;
    private final Capacity capacity;
    private long[] chunks = new long[4];
    private int chunkCount;
    private long[] free = new long[0];
    private int freeCount;
    private long live;

    PagePool(int pageSize, Capacity capacity) {
        this.pageSize = pageSize;
        this.capacity = capacity;
        long wanted = Math.min(Capacity.MAX_CHUNK, capacity.capacity());
        this.chunkBytes = (int) Math.max(pageSize, (wanted + pageSize - 1) / pageSize * pageSize);
    }

    int pageSize() {
        return pageSize;
    }

    /** Address of a free page slot (contents undefined), or 0 if no memory is left. */
    synchronized long allocate() {
        if (freeCount == 0 && !grow()) {
            return 0;
        }
        live++;
        return free[--freeCount];
    }

    synchronized void free(long address) {
        free[freeCount++] = address;
        if (--live == 0) {
            releaseChunks();
        }
    }

    synchronized long chunkCount() {
        return chunkCount;
    }

    synchronized void close() {
        releaseChunks();
        live = 0;
    }

    private boolean grow() {
        if (!capacity.takeChunk(chunkBytes)) {
            return false;
        }
        long chunk = OffHeap.allocate(chunkBytes);
        if (chunk == 0) {
            capacity.returnChunk(chunkBytes);
            return false;
        }
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = chunk;
        int perChunk = chunkBytes / pageSize;
        int slots = Math.multiplyExact(chunkCount, perChunk);
        if (free.length < slots) {
            free = Arrays.copyOf(free, slots);
        }
        for (int i = perChunk - 1; i >= 0; i--) {
            free[freeCount++] = chunk + (long) i * pageSize;
        }
        return true;
    }

    private void releaseChunks() {
        for (int i = 0; i < chunkCount; i++) {
            OffHeap.free(chunks[i]);
            capacity.returnChunk(chunkBytes);
        }
        chunkCount = 0;
        freeCount = 0;
        free = new long[0];
    }
}
