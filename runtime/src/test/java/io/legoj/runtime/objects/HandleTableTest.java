package io.legoj.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandleTableTest {
    private record Handle(long address) {
    }

    @Test
    void oneHandlePerAddressAcrossGrowth() {
        HandleTable t = new HandleTable();
        List<Object> keep = new ArrayList<>();
        for (long a = 1; a <= 50_000; a++) {
            keep.add(t.getOrCreate(a * 16, Handle::new));
        }
        for (long a = 1; a <= 50_000; a++) {
            assertSame(keep.get((int) a - 1), t.get(a * 16));
            assertSame(keep.get((int) a - 1), t.getOrCreate(a * 16, x -> new AssertionError("made twice")));
        }
        assertNull(t.get(7));
        assertEquals(50_000, t.size());
    }

    @Test
    void collectedHandlesLeaveTheTable() throws InterruptedException {
        HandleTable t = new HandleTable();
        for (long a = 1; a <= 10_000; a++) {
            t.put(a * 8, new Handle(a * 8));
        }
        Object kept = t.getOrCreate(8, Handle::new);
        for (int i = 0; i < 20 && t.size() > 1; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(1, t.size());
        assertSame(kept, t.get(8));
    }

    /** Handles collected but not yet enqueued (the reference handler late) do not make the table grow. */
    @Test
    void clearedEntriesAreDroppedInsteadOfGrowingTheTable() {
        HandleTable t = new HandleTable();
        Object kept = t.getOrCreate(8, Handle::new);
        int capacity = t.capacity();
        for (int round = 0; round < 20; round++) {
            // a quarter of the table in dead handles each round, then a collection clears them
            for (long a = 1; a <= capacity / 4; a++) {
                t.put(round * 1_000_000L + a * 16 + 1, new Handle(a));
            }
            System.gc();
        }
        assertTrue(t.capacity() <= 2 * capacity, "grew to " + t.capacity() + " slots from " + capacity);
        assertSame(kept, t.get(8));
    }

    @Test
    void racingThreadsAgreeOnTheHandle() throws InterruptedException {
        HandleTable t = new HandleTable();
        ConcurrentHashMap<Long, Object> seen = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Object> keep = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < 4; w++) {
            Thread th = new Thread(() -> {
                for (long a = 1; a <= 20_000; a++) {
                    Object h = t.get(a);
                    if (h == null) {
                        h = t.getOrCreate(a, Handle::new);
                    }
                    keep.add(h);
                    Object first = seen.putIfAbsent(a, h);
                    if (first != null && first != h) {
                        conflicts.incrementAndGet();
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(0, conflicts.get());
        assertTrue(keep.size() == 80_000);
    }
}
