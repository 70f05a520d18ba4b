package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When collections are asked for: a quarter of the cache apart, further while blocks live on. */
class CollectionRequestsTest {
    private static final long MIB = 1L << 20;
    private final AtomicInteger collected = new AtomicInteger();

    @Test
    void aRequestEachTimeAQuarterOfTheCacheWasAllocatedWhileBlocksDieYoung() {
        CollectionRequests r = new CollectionRequests(64 * MIB, wait -> collected.incrementAndGet());
        for (int i = 0; i < 100; i++) {
            r.allocated(MIB);
            r.freed(MIB); // what the last request found dead, freed as the next blocks are allocated
        }
        // 16 MiB apart: a request at each 17th MiB
        assertEquals(5, collected.get());
        assertEquals(5, r.requests());
    }

    @Test
    void whileBlocksLiveOnTheDistanceDoublesUpTo256MiB() {
        CollectionRequests r = new CollectionRequests(64 * MIB, wait -> collected.incrementAndGet());
        for (int i = 0; i < 2048; i++) {
            r.allocated(MIB);
        }
        // at 17 and 34 MiB (nothing was allocated before the first), then after 32, 64, 128, 256, 256... MiB more
        int[] expected = {17, 34, 67, 132, 261, 518, 775, 1032, 1289, 1546, 1803};
        assertEquals(expected.length, collected.get());
    }

    @Test
    void backToAQuarterOnceBlocksDieYoungAgain() {
        CollectionRequests r = new CollectionRequests(64 * MIB, wait -> collected.incrementAndGet());
        for (int i = 0; i < 140; i++) {
            r.allocated(MIB);
        }
        assertEquals(4, collected.get(), "at 17, 34, 67 and 132 MiB; the next 128 MiB after the last");
        r.freed(65 * MIB); // the fourth request found dead the 65 MiB allocated before it
        for (int i = 0; i < 121; i++) {
            r.allocated(MIB);
        }
        assertEquals(5, collected.get());
        for (int i = 0; i < 17; i++) {
            r.allocated(MIB);
        }
        assertEquals(6, collected.get(), "16 MiB apart again");
    }

    @Test
    void aRequestWaitsForTheReferencesOnceTheHeapIsHalfTheCache() {
        List<Boolean> waits = new ArrayList<>();
        CollectionRequests r = new CollectionRequests(64 * MIB, waits::add);
        for (int i = 0; i < 51; i++) {
            r.allocated(MIB);
            r.freed(MIB);
            if (i < 40) {
                r.grew(MIB); // fresh pages each time: the dead blocks do not come back in time
            }
        }
        // requests at 17, 34 and 51 MiB, the heap then 16, 33 and 40 MiB of the 64 MiB cache
        assertEquals(List.of(false, true, true), waits);
    }

    @Test
    void atLeastOneMebibyteAndAtMost256Apart() {
        CollectionRequests small = new CollectionRequests(64 * 1024, wait -> collected.incrementAndGet());
        small.allocated(MIB);
        assertEquals(0, collected.get(), "a 64 KiB cache: 1 MiB apart");
        small.allocated(1);
        assertEquals(1, collected.get());
        CollectionRequests large = new CollectionRequests(64L << 30, wait -> collected.incrementAndGet());
        large.allocated(256 * MIB);
        assertEquals(1, collected.get(), "a 64 GiB cache: 256 MiB apart");
        large.allocated(1);
        assertEquals(2, collected.get());
    }
}
