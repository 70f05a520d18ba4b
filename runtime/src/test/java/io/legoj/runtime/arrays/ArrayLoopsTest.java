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
        mem = ArrayTestMemory.install(16, remote ? 0 : Long.MAX_VALUE);
        return mem.tlb();
    }

    @AfterEach
    void close() {
        if (mem != null) {
            mem.close();
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
