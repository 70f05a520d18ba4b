package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Windows of counted loops: the runs they allow, and accesses through them against the checked path. */
class ArrayLoopsTest {
    private ArrayTestMemory mem;

    private Tlb memory(boolean remote) {
        close();
        mem = ArrayTestMemory.install(16, remote ? 0 : Long.MAX_VALUE);
        return mem.tlb();
    }

    @AfterEach
    void close() {
        if (mem != null) {
            mem.close();
            mem = null;
        }
    }

    /** The loop the rewriter makes of {@code for (i = from; i < bound; i++) a[i] = a[i] * 3 + i}. */
    private static int tripleAndAdd(IntArray a, int from, int bound, Tlb t) {
        int runs = 0;
        int i = from;
        while (i < bound) {
            int end = ArrayLoops.open(a, i, bound, t, true);
            if (i >= end) {
                ArrayAccess.putInt(a, i, ArrayAccess.getInt(a, i, t) * 3 + i, t);
                i++;
                continue;
            }
            runs++;
            Object base = t.windowBase;
            long offset = t.windowOffset;
            for (; i < end; i++) {
                ArrayLoops.putInt(a, i, ArrayLoops.getInt(a, i, t, base, offset) * 3 + i, t, base, offset);
            }
        }
        return runs;
    }

    @Test
    void aRemoteArrayRunsPageByPageAndEvictionKeepsItsWrites() {
        Tlb t = memory(true);
        int length = 40_000; // 160 KB: ten times the 16-frame cache
        IntArray a = (IntArray) ArrayHandles.create(length, Kind.INT);
        for (int i = 0; i < length; i++) {
            ArrayAccess.putInt(a, i, i, t);
        }
        int runs = tripleAndAdd(a, 0, length, t);
        assertTrue(runs >= length * 4 / ArrayTestMemory.PAGE && runs <= length * 4 / ArrayTestMemory.PAGE + 2,
                "one run per page: " + runs);
        for (int i = 0; i < length; i++) {
            assertEquals(i * 3 + i, ArrayAccess.getInt(a, i, t), "element " + i);
        }
        assertTrue(mem.pagesWritten() > 0, "the cache evicted");
    }

    @Test
    void aRunEndsAtItsPageItsBoundAndTheLength() {
        Tlb t = memory(true);
        LongArray a = (LongArray) ArrayHandles.create(2000, Kind.LONG);
        long firstPageEnd = (a.address | (ArrayTestMemory.PAGE - 1)) + 1;
        int pageEnd = (int) ((firstPageEnd - a.address) >> 3);
        assertEquals(pageEnd, ArrayLoops.open(a, 0, 2000, t, false));
        assertNull(t.windowBase);
        assertEquals(10, ArrayLoops.open(a, 3, 10, t, false), "the loop's bound");
        assertEquals(2000, ArrayLoops.open(a, 1999, Integer.MAX_VALUE, t, false), "the length");
        ArrayAccess.putLong(a, 1999, Long.MIN_VALUE + 7, t);
        ArrayLoops.open(a, 1999, 2000, t, false);
        assertEquals(Long.MIN_VALUE + 7, ArrayLoops.getLong(a, 1999, t, t.windowBase, t.windowOffset));
    }

    /**
     * The loop the rewriter makes of {@code for (i = from; i >= low; i--) a[i] += a[i - 1]}: a window
     * at {@code i} for writing, one at {@code i - 1} (opened at {@code i - 1} down to the floor less
     * one, its floor plus one), and a check that the second did not take the first's slot.
     */
    private static int addLeftNeighbours(LongArray a, int from, int low, Tlb t) {
        int runs = 0;
        int i = from;
        while (i >= low) {
            int floor = ArrayLoops.openDown(a, i, low, t, true);
            Object own = t.windowBase;
            long ownOffset = t.windowOffset;
            floor = ArrayLoops.openDown(a, i - 1, floor, t, false) + 1;
            Object left = t.windowBase;
            long leftOffset = t.windowOffset;
            floor = ArrayLoops.stillOpenDown(a, i, floor, t, true, own);
            if (i <= floor) {
                ArrayAccess.putLong(a, i, ArrayAccess.getLong(a, i, t) + ArrayAccess.getLong(a, i - 1, t), t);
                i--;
                continue;
            }
            runs++;
            for (; i > floor; i--) {
                ArrayLoops.putLong(a, i, ArrayLoops.getLong(a, i, t, own, ownOffset)
                        + ArrayLoops.getLong(a, i - 1, t, left, leftOffset), t, own, ownOffset);
            }
        }
        return runs;
    }

    @Test
    void aLoopCountingDownRunsPageByPageUnderEviction() {
        Tlb t = memory(true);
        int length = 20_000; // 160 KB: ten times the 16-frame cache
        LongArray a = (LongArray) ArrayHandles.create(length, Kind.LONG);
        for (int i = 0; i < length; i++) {
            ArrayAccess.putLong(a, i, i, t);
        }
        int runs = addLeftNeighbours(a, length - 1, 1, t);
        assertTrue(runs >= length * 8 / ArrayTestMemory.PAGE, "about one run per page: " + runs);
        assertEquals(0, ArrayAccess.getLong(a, 0, t));
        for (int i = 1; i < length; i++) {
            assertEquals(2L * i - 1, ArrayAccess.getLong(a, i, t), "element " + i);
        }
        assertTrue(mem.pagesWritten() > 0, "the cache evicted");
    }

    @Test
    void aRunDownEndsAtItsPageItsLowestIndexAndZero() {
        Tlb t = memory(true);
        IntArray a = (IntArray) ArrayHandles.create(5000, Kind.INT);
        long lastPageStart = (a.address + 4 * 4999L) & ~(long) (ArrayTestMemory.PAGE - 1);
        int firstOnPage = (int) ((lastPageStart - a.address) >> 2);
        assertEquals(firstOnPage - 1, ArrayLoops.openDown(a, 4999, 0, t, false), "the page's first element");
        assertNull(t.windowBase);
        assertEquals(4989, ArrayLoops.openDown(a, 4999, 4990, t, false), "the loop's lowest index");
        assertEquals(-1, ArrayLoops.openDown(a, 3, Integer.MIN_VALUE, t, false), "index 0");
        ArrayAccess.putInt(a, firstOnPage, -42, t);
        ArrayLoops.openDown(a, 4999, 0, t, false);
        assertEquals(-42, ArrayLoops.getInt(a, firstOnPage, t, t.windowBase, t.windowOffset));
        assertEquals(5000, ArrayLoops.openDown(a, 5000, 0, t, false), "past the length: no run");
        assertEquals(-1, ArrayLoops.openDown(a, -1, -5, t, false), "a negative index: no run");
        assertEquals(7, ArrayLoops.openDown(a, 7, 8, t, false), "below the lowest index: no run");
        assertEquals(7, ArrayLoops.openDown(null, 7, 0, t, false), "a null array: no run");

        Tlb local = memory(false);
        IntArray small = (IntArray) ArrayHandles.create(50, Kind.INT);
        assertEquals(9, ArrayLoops.openDown(small, 49, 10, local, true), "a JVM array's run goes down to the lowest index");
        assertSame(small.local(), local.windowBase);
        assertEquals(30, ArrayLoops.stillOpenDown(small, 40, 30, local, true, local.windowBase));
    }

    @Test
    void noRunWhereThePlainAccessThrows() {
        Tlb t = memory(true);
        ShortArray a = (ShortArray) ArrayHandles.create(100, Kind.SHORT);
        assertEquals(-1, ArrayLoops.open(a, -1, 100, t, false), "a negative index");
        assertEquals(100, ArrayLoops.open(a, 100, 200, t, false), "past the length");
        assertEquals(7, ArrayLoops.open(a, 7, 7, t, false), "at the bound");
        assertEquals(5, ArrayLoops.open(null, 5, 100, t, true), "a null array");
    }

    @Test
    void aFrameWindowStaysOpenWhileItsSlotHoldsItsPageAndAJvmArrayWindowAlways() {
        Tlb t = memory(true);
        IntArray a = (IntArray) ArrayHandles.create(100, Kind.INT);
        IntArray others = (IntArray) ArrayHandles.create(64 * ArrayTestMemory.PAGE, Kind.INT);
        int end = ArrayLoops.open(a, 0, 100, t, false);
        assertEquals(end, ArrayLoops.stillOpen(a, 0, end, t, false, null));
        for (int page = 0; page < 64 * 4; page++) {
            ArrayAccess.getInt(others, page * ArrayTestMemory.PAGE / 4, t); // a miss on every slot of the table
        }
        assertEquals(0, ArrayLoops.stillOpen(a, 0, end, t, false, null), "a's slot was taken: no run");
        assertEquals(end, ArrayLoops.stillOpen(a, 0, end, t, false, new int[100]), "a JVM array's window");
        assertEquals(7, ArrayLoops.stillOpen(a, 7, 7, t, false, null), "at the end already");
        int floor = ArrayLoops.openDown(a, 99, 0, t, false);
        assertEquals(floor, ArrayLoops.stillOpenDown(a, 99, floor, t, false, null));
        for (int page = 0; page < 64 * 4; page++) {
            ArrayAccess.getInt(others, page * ArrayTestMemory.PAGE / 4, t);
        }
        assertEquals(99, ArrayLoops.stillOpenDown(a, 99, floor, t, false, null), "a's slot was taken: no run");
    }

    @Test
    void aCallClosesAFrameWindowWhenTheThreadTookTheSlowPathMeanwhile() {
        Tlb t = memory(true);
        IntArray a = (IntArray) ArrayHandles.create(100, Kind.INT);
        IntArray others = (IntArray) ArrayHandles.create(64 * ArrayTestMemory.PAGE, Kind.INT);
        ArrayAccess.putInt(a, 5, 55, t);
        int end = ArrayLoops.open(a, 0, 100, t, true);
        long offset = t.windowOffset;
        int changes = t.changes();
        ArrayAccess.getInt(a, 7, t);
        assertNull(ArrayLoops.afterCall(a, a, null, t, changes), "a hit changes nothing");
        assertSame(ArrayLoops.NO_WINDOW, ArrayLoops.afterCall(others, a, null, t, changes), "its field or row changed");
        assertEquals(end, ArrayLoops.endAfterCall(end, 5, null));
        ArrayAccess.getInt(others, 40 * ArrayTestMemory.PAGE / 4, t);
        assertSame(ArrayLoops.NO_WINDOW, ArrayLoops.afterCall(a, a, null, t, changes), "a miss may have taken its pin");
        assertEquals(5, ArrayLoops.endAfterCall(end, 5, ArrayLoops.NO_WINDOW), "the run ends with the iteration");
        assertSame(ArrayLoops.NO_WINDOW, ArrayLoops.afterCall(a, a, ArrayLoops.NO_WINDOW, t, t.changes()), "stays closed");
        for (int page = 0; page < 64 * 4; page++) {
            ArrayAccess.getInt(others, page * ArrayTestMemory.PAGE / 4, t);
        }
        assertEquals(55, ArrayLoops.getIntChecked(a, 5, t, ArrayLoops.NO_WINDOW, offset), "through the table");
        ArrayLoops.putIntChecked(a, 5, 56, t, ArrayLoops.NO_WINDOW, offset);
        assertEquals(56, ArrayAccess.getInt(a, 5, t));
        ArrayLoops.open(a, 0, 100, t, true);
        assertEquals(56, ArrayLoops.getIntChecked(a, 5, t, t.windowBase, t.windowOffset), "through the window");
        ArrayLoops.putIntChecked(a, 6, 66, t, t.windowBase, t.windowOffset);
        assertEquals(66, ArrayAccess.getInt(a, 6, t));
    }

    @Test
    void aCallClosesAWindowWhenTheArrayMovedHome() {
        Tlb t = memory(false);
        LongArray a = (LongArray) ArrayHandles.create(10, Kind.LONG);
        ArrayLoops.open(a, 0, 10, t, true);
        Object base = t.windowBase;
        assertSame(base, ArrayLoops.afterCall(a, a, base, t, t.changes() - 1), "a JVM array's window needs no pin");
        a.pinTo(new long[10]);
        assertSame(ArrayLoops.NO_WINDOW, ArrayLoops.afterCall(a, a, base, t, t.changes()));
        ArrayLoops.putLongChecked(a, 3, -9, t, ArrayLoops.NO_WINDOW, 0);
        assertEquals(-9, ArrayLoops.getLongChecked(a, 3, t, ArrayLoops.NO_WINDOW, 0), "the new home");
        assertEquals(-9, ArrayAccess.getLong(a, 3, t));

        Tlb remote = memory(true);
        IntArray b = (IntArray) ArrayHandles.create(100, Kind.INT);
        ArrayLoops.open(b, 0, 100, remote, true);
        int changes = remote.changes();
        b.pinTo(new int[100]);
        assertSame(ArrayLoops.NO_WINDOW, ArrayLoops.afterCall(b, b, null, remote, changes), "pinned to a JVM array");
    }

    @Test
    void aRowThatCannotBeReadIsNull() {
        Object[] rows = {"a", "b"};
        assertEquals("b", ArrayLoops.row(rows, 1));
        assertNull(ArrayLoops.row(rows, 2));
        assertNull(ArrayLoops.row(rows, -1));
        assertNull(ArrayLoops.row(null, 0));
    }

    @Test
    void aLocalArrayIsOneRunOverItsJvmArray() {
        Tlb t = memory(false);
        for (Kind k : Kind.values()) {
            PrimitiveArray a = ArrayHandles.create(50, k);
            assertEquals(50, ArrayLoops.open(a, 2, 1000, t, true), k.name());
            assertSame(a.local(), t.windowBase);
            assertEquals(k.base, t.windowOffset);
        }
        CharArray c = (CharArray) ArrayHandles.create(50, Kind.CHAR);
        BooleanArray b = (BooleanArray) ArrayHandles.create(50, Kind.BOOLEAN);
        DoubleArray d = (DoubleArray) ArrayHandles.create(50, Kind.DOUBLE);
        ArrayLoops.open(c, 0, 50, t, true);
        ArrayLoops.putChar(c, 49, 0x1_0041, t, t.windowBase, t.windowOffset);
        ArrayLoops.open(b, 0, 50, t, true);
        ArrayLoops.putBoolean(b, 3, 6, t, t.windowBase, t.windowOffset);
        ArrayLoops.putBoolean(b, 4, 7, t, t.windowBase, t.windowOffset);
        ArrayLoops.open(d, 0, 50, t, true);
        ArrayLoops.putDouble(d, 0, -0.0, t, t.windowBase, t.windowOffset);
        assertEquals('A', ArrayAccess.getChar(c, 49, t), "narrowed as castore does");
        assertEquals(0, ArrayAccess.getBoolean(b, 3, t), "only the lowest bit, as bastore on a boolean[]");
        assertEquals(1, ArrayAccess.getBoolean(b, 4, t));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ArrayAccess.getDouble(d, 0, t)));
    }
}
