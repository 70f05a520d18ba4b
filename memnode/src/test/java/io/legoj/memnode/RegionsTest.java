package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegionsTest {
    @Test
    void findsContainingAndOverlappingRegions() {
        Regions r = new Regions();
        for (long base = 100; base >= 10; base -= 10) {
            r.add(base * 1000, base * 1000 + 5000);
        }
        assertEquals(10, r.count());
        assertEquals(10_000, r.base(0));
        assertEquals(0, r.containing(10_000));
        assertEquals(0, r.containing(14_999));
        assertEquals(-1, r.containing(15_000));
        assertEquals(-1, r.containing(9_999));
        assertEquals(9, r.containing(104_999));
        assertEquals(-1, r.overlapping(15_000, 20_000));
        assertEquals(1, r.overlapping(15_000, 20_001));
        assertEquals(0, r.overlapping(1, 10_001));
        assertEquals(9, r.overlapping(104_000, Long.MAX_VALUE));
        assertEquals(3, r.indexOf(40_000));
        assertEquals(-1, r.indexOf(40_001));
        r.removeAt(3);
        assertEquals(-1, r.containing(40_000));
        assertEquals(3, r.containing(50_000));
        r.clear();
        assertEquals(-1, r.containing(50_000));
    }
}
