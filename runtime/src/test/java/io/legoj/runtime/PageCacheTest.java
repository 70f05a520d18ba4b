package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageCacheTest {
    private static final int PAGE = 4096;
    private final InMemoryBackend backend = new InMemoryBackend(PAGE, 1 << 20, 2);
    private PageCache cache;

    private PageCache cache(int frames) {
        cache = new PageCache(backend, frames, 0, 8, 4);
        return cache;
    }

    @AfterEach
    void close() {
        backend.close();
        if (cache != null) {
            cache.close();
        }
    }

    /**
     * The JIT honours these only for boot class path code, which the runtime is under the agent:
     * without them, whether a hot loop inlines the TLB's hit path depended on compile order.
     */
    @Test
    void theHitPathIsInlinedAndTheMissPathIsNot() throws ReflectiveOperationException {
        assertEquals("[ForceInline]", annotations(Tlb.class.getDeclaredMethod("r", long.class)));
        assertEquals("[ForceInline]", annotations(Tlb.class.getDeclaredMethod("w", long.class)));
        assertEquals("[ForceInline]", annotations(Tlb.class.getDeclaredMethod("holds", long.class, boolean.class)));
        assertEquals("[ForceInline]", annotations(Tlb.class.getDeclaredMethod("readsThrough", long.class)));
        assertEquals("[ForceInline]", annotations(Tlb.class.getDeclaredMethod("writesThrough", long.class)));
        assertEquals("[ForceInline]", annotations(Tlb.class.getDeclaredMethod("servesFromTable", long.class,
                boolean.class)));
        assertEquals("[ForceInline]", annotations(Tlb.class.getDeclaredMethod("heldAddress", long.class)));
        assertEquals("[DontInline]", annotations(Tlb.class.getDeclaredMethod("objectMiss",
                io.legoj.runtime.objects.RemoteObject.class, boolean.class)));
        assertEquals("[DontInline]", annotations(PageCache.class.getDeclaredMethod("translate", Tlb.class, long.class,
                boolean.class)));
    }

    private static String annotations(java.lang.reflect.Method m) {
        return java.util.Arrays.toString(java.util.Arrays.stream(m.getDeclaredAnnotations())
                .map(a -> a.annotationType().getSimpleName()).toArray());
    }

    /** Handles of objects without storage hold address 0: their accesses must miss, and the miss allocates. */
    @Test
    void pageZeroIsNeverTranslated() {
        PageCache c = cache(8);
        long base = backend.allocateRegions(1);
        Tlb t = c.tlb();
        t.putLong(base, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.getLong(16));
        assertEquals("address 0x10 is on page 0, which no region holds", e.getMessage());
        assertFalse(t.holds(0, false));
        assertFalse(t.holds(8, true));
        assertTrue(t.holds(base, true));
        assertEquals(7L, UnsafeAccess.U.getLong(t.heldAddress(base)));
    }

    @Test
    void firstTouchIsZeroAndCostsNoRoundTrip() {
        PageCache c = cache(8);
        long base = backend.allocateRegions(1);
        Tlb t = c.tlb();
        for (int p = 0; p < 6; p++) {
            assertEquals(0L, t.getLong(base + p * PAGE + 8));
        }
        assertEquals(0, backend.exchanges.get());
        assertEquals(6, c.counters.zeroFills.sum());
    }

    @Test
    void everyPrimitiveKindSurvivesEviction() {
        PageCache c = cache(4);
        long base = backend.allocateRegions(1);
        Tlb t = c.tlb();
        int pages = 64;
        for (int p = 0; p < pages; p++) {
            long a = base + (long) p * PAGE;
            t.putByte(a, (byte) -p);
            t.putBoolean(a + 1, p % 2 == 0);
            t.putShort(a + 2, Short.MIN_VALUE);
            t.putChar(a + 4, '\uffff');
            t.putInt(a + 8, Integer.MIN_VALUE + p);
            t.putLong(a + 16, Long.MAX_VALUE - p);
            t.putFloat(a + 24, Float.MIN_VALUE);
            t.putDouble(a + 32, p == 0 ? Double.NaN : -Double.MAX_VALUE);
            t.putLong(a + PAGE - 8, p);
        }
        assertTrue(c.counters.evictions.sum() > 0);
        for (int p = 0; p < pages; p++) {
            long a = base + (long) p * PAGE;
            assertEquals((byte) -p, t.getByte(a));
            assertEquals(p % 2 == 0, t.getBoolean(a + 1));
            assertEquals(Short.MIN_VALUE, t.getShort(a + 2));
            assertEquals('\uffff', t.getChar(a + 4));
            assertEquals(Integer.MIN_VALUE + p, t.getInt(a + 8));
            assertEquals(Long.MAX_VALUE - p, t.getLong(a + 16));
            assertEquals(Float.MIN_VALUE, t.getFloat(a + 24));
            assertEquals(p == 0 ? Double.NaN : -Double.MAX_VALUE, t.getDouble(a + 32));
            assertEquals(p, t.getLong(a + PAGE - 8));
        }
    }

    @Test
    void cleanPagesAreNotWrittenBackAndDirtyOnesAreBatched() {
        PageCache c = cache(16);
        long base = backend.allocateRegions(1);
        Tlb t = c.tlb();
        for (int p = 0; p < 64; p++) {
            t.putInt(base + (long) p * PAGE, p);
        }
        long writesAfterDirty = c.counters.writeBacks.sum();
        assertTrue(writesAfterDirty >= 48, "dirty evictions write back: " + writesAfterDirty);
        assertTrue(backend.exchanges.get() < writesAfterDirty, "write-backs travel in batches");
        for (int p = 0; p < 64; p++) {
            assertEquals(p, t.getInt(base + (long) p * PAGE));
        }
        long before = c.counters.writeBacks.sum();
        for (int round = 0; round < 2; round++) {
            for (int p = 0; p < 64; p++) {
                t.getInt(base + (long) p * PAGE);
            }
        }
        assertTrue(c.counters.writeBacks.sum() - before <= 16, "only pages dirty before the scan are written back");
    }

    @Test
    void sequentialScanReadsAhead() {
        PageCache c = cache(64);
        long base = backend.allocateRegions(1);
        Tlb t = c.tlb();
        int pages = 200;
        for (int p = 0; p < pages; p++) {
            t.putInt(base + (long) p * PAGE, p);
        }
        long readsBefore = backend.exchanges.get();
        for (int p = 0; p < pages; p++) {
            assertEquals(p, t.getInt(base + (long) p * PAGE));
        }
        assertTrue(c.counters.readAheadPages.sum() > pages / 2, "read ahead: " + c.counters.readAheadPages.sum());
        assertTrue(backend.exchanges.get() - readsBefore < pages / 2, "fewer round trips than pages");
    }

    @Test
    void bulkCopiesAndFillCrossPages() {
        PageCache c = cache(4);
        long base = backend.allocateRegions(1);
        byte[] src = new byte[5 * PAGE + 123];
        new Random(3).nextBytes(src);
        c.copyIn(src, UnsafeAccess.U.ARRAY_BYTE_BASE_OFFSET, base + 100, src.length);
        byte[] back = new byte[src.length];
        c.copyOut(base + 100, back, UnsafeAccess.U.ARRAY_BYTE_BASE_OFFSET, back.length);
        assertArrayEquals(src, back);
        c.fill(base + 50, 3 * PAGE, (byte) 7);
        assertEquals(7, c.tlb().getByte(base + 50 + 3 * PAGE - 1));
        assertEquals(src[3 * PAGE - 50], c.tlb().getByte(base + 50 + 3 * PAGE));
    }

    @Test
    void addressOutsideEveryRegionFailsClearly() {
        PageCache c = cache(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.tlb().getInt(1L << 40));
        assertTrue(e.getMessage().contains("no region"), e.getMessage());
    }

    @Test
    void residencyFollowsFaultsAndEvictions() {
        PageCache c = cache(4);
        long base = backend.allocateRegions(1);
        assertFalse(c.isResident(base));
        c.tlb().putInt(base, 1);
        assertTrue(c.isResident(base + PAGE - 1));
        assertFalse(c.isResident(base + PAGE));
        for (int p = 1; p <= 8; p++) {
            c.tlb().putInt(base + (long) p * PAGE, p);
        }
        assertFalse(c.isResident(base), "four frames held nine pages: the first was evicted");
        assertEquals(1, c.tlb().getInt(base));
    }

    @Test
    void defaultTlbKeepsRoomToEvict() {
        assertEquals(1, PageCache.defaultTlbEntries(16));
        assertEquals(1024, PageCache.defaultTlbEntries(1 << 20));
        assertEquals(2, PageCache.maxTlbEntries(16));
        assertEquals(16384, PageCache.maxTlbEntries(1 << 20));
    }

    /** Touches pages 0..pages-1 of {@code base} in order, {@code rounds} times; returns the TLB misses of the last round. */
    private static long sweep(PageCache c, Tlb t, long base, int pages, int rounds) {
        long before = 0;
        for (int r = 0; r < rounds; r++) {
            before = c.counters.tlbMisses.sum();
            for (int p = 0; p < pages; p++) {
                t.putInt(base + (long) p * PAGE, t.getInt(base + (long) p * PAGE) + 1);
            }
        }
        return c.counters.tlbMisses.sum() - before;
    }

    @Test
    void aTlbShorterThanTheResidentWorkingSetGrowsAndThenStopsMissing() {
        PageCache c = cache(1024);
        long base = backend.allocateRegions(1);
        Tlb t = c.tlb();
        assertEquals(64, t.entries());
        assertEquals(256, sweep(c, t, base, 128, 1), "the first round misses each clean page twice: read, then write");
        assertEquals(0, sweep(c, t, base, 128, 6), "after growing, the working set is on the fast path");
        assertEquals(128, t.entries());
        assertEquals(1, c.counters.tlbGrowths.sum());
        assertEquals(7, t.getInt(base + 127L * PAGE));
        assertEquals(0, c.counters.evictions.sum());
    }

    @Test
    void aTlbOfAGivenSizeNeverGrows() {
        cache = new PageCache(backend, 1024, 64, 8, 4);
        long base = backend.allocateRegions(1);
        Tlb t = cache.tlb();
        assertEquals(128, sweep(cache, t, base, 128, 6));
        assertEquals(64, t.entries());
        assertEquals(0, cache.counters.tlbGrowths.sum());
    }

    @Test
    void aThrashingThreadsTlbGrowsToAnEighthOfThePoolAtMost() {
        PageCache c = cache(64);
        long base = backend.allocateRegions(1);
        Tlb t = c.tlb();
        sweep(c, t, base, 256, 8);
        assertTrue(c.counters.evictions.sum() > 1000, "evictions " + c.counters.evictions.sum());
        assertEquals(8, t.entries());
        assertEquals(8, t.getInt(base + 255L * PAGE));
    }

    /** Remote-to-remote copies, overlapping both ways and between pages sharing a TLB slot, against a model. */
    @Test
    void copyBetweenRemoteRangesIsAMemmove() {
        PageCache c = new PageCache(backend, 6, 4, 2, 2);
        cache = c;
        long base = backend.allocateRegions(1);
        int span = 20 * PAGE;
        byte[] model = new byte[span];
        Random r = new Random(7);
        r.nextBytes(model);
        c.copyIn(model, sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET, base, span);
        for (int round = 0; round < 300; round++) {
            int n = r.nextInt(3 * PAGE);
            int from = r.nextInt(span - n);
            int to = round % 3 == 0 ? from + (r.nextInt(9) - 4) * PAGE + r.nextInt(64) - 32 : r.nextInt(span - n);
            to = Math.max(0, Math.min(span - n, to));
            System.arraycopy(model, from, model, to, n);
            c.copy(base + from, base + to, n);
        }
        byte[] back = new byte[span];
        c.copyOut(base, back, sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET, span);
        assertArrayEquals(model, back);
        assertTrue(c.counters.evictions.sum() > 0, "20 pages through 6 frames");
    }
}
