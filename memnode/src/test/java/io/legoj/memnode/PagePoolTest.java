package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.ErrorCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PagePoolTest {
    @Test
    void reusesFreedSlotsAndReturnsChunksWhenEmpty() {
        Capacity capacity = new Capacity(4L << 20, () -> "memnode test");
        PagePool pool = new PagePool(4096, capacity);
        Set<Long> addresses = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            long a = pool.allocate();
            assertNotEquals(0, a);
            assertTrue(addresses.add(a), "slot handed out twice");
        }
        assertEquals(2, pool.chunkCount());
        assertEquals(2L << 20, capacity.offHeap());
        long some = addresses.iterator().next();
        pool.free(some);
        assertEquals(some, pool.allocate());
        for (long a : addresses) {
            pool.free(a);
        }
        assertEquals(0, pool.chunkCount());
        assertEquals(0, capacity.offHeap());
    }

    @Test
    void neverHoldsMoreThanCapacityPlusOneChunk() {
        Capacity capacity = new Capacity(3L << 20, () -> "memnode test");
        PagePool small = new PagePool(512, capacity);
        PagePool large = new PagePool(1 << 20, capacity);
        for (int i = 0; i < 3; i++) {
            assertNotEquals(0, large.allocate());
        }
        assertNotEquals(0, small.allocate());
        assertEquals(0, large.allocate());
        assertEquals(4L << 20, capacity.offHeap());
        small.close();
        large.close();
        assertEquals(0, capacity.offHeap());
    }

    @Test
    void chunksOfASmallNodeAreSmall() {
        Capacity capacity = new Capacity(10_000, () -> "memnode test");
        PagePool pool = new PagePool(4096, capacity);
        assertNotEquals(0, pool.allocate());
        assertEquals(3 * 4096, capacity.offHeap());
        pool.close();
    }

    @Test
    void capacityReservesAllOrNothingAndSaysWhoIsFull() {
        Capacity capacity = new Capacity(64L << 20, () -> "memnode 127.0.0.1:7001");
        capacity.reserve(16383, 4096);
        StoreException e = assertThrows(StoreException.class, () -> capacity.reserve(2, 4096));
        assertEquals(ErrorCode.FULL, e.code());
        assertTrue(e.getMessage().startsWith("memnode 127.0.0.1:7001 is full: capacity 64 MiB, used 64 MiB"), e.getMessage());
        assertEquals(16383, capacity.pages());
        capacity.reserve(1, 4096);
        e = assertThrows(StoreException.class, capacity::checkNotFull);
        assertEquals("memnode 127.0.0.1:7001 is full: capacity 64 MiB, used 64 MiB", e.getMessage());
        capacity.release(16384, 4096);
        assertEquals(0, capacity.used());
    }

    @Test
    void sizesReadLikePeopleWriteThem() {
        assertEquals("512 bytes", Capacity.human(512));
        assertEquals("4 KiB", Capacity.human(4096));
        assertEquals("1.5 MiB", Capacity.human(3L << 19));
        assertEquals("64 MiB", Capacity.human(64L << 20));
        assertEquals("2 GiB", Capacity.human(2L << 30));
    }
}
