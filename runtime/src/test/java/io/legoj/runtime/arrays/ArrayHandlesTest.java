package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code multianewarray} and {@code clone} of handles. */
class ArrayHandlesTest {
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

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void multiDimensionalArraysHaveTheJvmsShape(boolean remote) {
        Tlb t = memory(remote);
        Object ints = ArrayHandles.createMulti(new int[] {2, 3}, int[][].class);
        assertSame(IntArray[].class, ints.getClass());
        assertSame(int[][].class, ArrayBoundary.classOf(ints));
        IntArray[] rows = (IntArray[]) ints;
        assertEquals(2, rows.length);
        assertNotSame(rows[0], rows[1]);
        for (IntArray row : rows) {
            assertEquals(3, row.length);
            assertEquals(remote, Elements.isRemote(row));
        }
        ArrayAccess.putInt(rows[1], 2, 9, t);
        assertEquals(0, ArrayAccess.getInt(rows[0], 2, t), "rows are distinct arrays");
        assertTrue(Arrays.deepEquals(new int[][] {{0, 0, 0}, {0, 0, 9}}, (Object[]) ArrayBoundary.toJvm(ints)));

        Object longs = ArrayHandles.createMulti(new int[] {2, 3, 4}, long[][][].class);
        assertSame(LongArray[][].class, longs.getClass());
        assertTrue(Arrays.deepEquals(new long[2][3][4], (Object[]) ArrayBoundary.toJvm(longs)));

        Object booleans = ArrayHandles.createMulti(new int[] {3, 0}, boolean[][].class);
        assertTrue(Arrays.deepEquals(new boolean[3][0], (Object[]) ArrayBoundary.toJvm(booleans)));

        Object none = ArrayHandles.createMulti(new int[] {0, 5}, double[][].class);
        assertSame(DoubleArray[].class, none.getClass());
        assertEquals(0, ((Object[]) none).length);

        Object one = ArrayHandles.createMulti(new int[] {7}, char[].class);
        assertSame(CharArray.class, one.getClass());
        assertEquals(7, ((CharArray) one).length);

        Object strings = ArrayHandles.createMulti(new int[] {2, 3}, String[][].class);
        assertSame(String[][].class, strings.getClass());
        assertTrue(Arrays.deepEquals(new String[2][3], (Object[]) strings));
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void partiallySpecifiedDimensionsLeaveNulls(boolean remote) {
        memory(remote);
        Object a = ArrayHandles.createMulti(new int[] {2}, int[][].class);
        assertSame(IntArray[].class, a.getClass());
        assertArrayEquals(new Object[2], (Object[]) a);

        Object b = ArrayHandles.createMulti(new int[] {2, 3}, short[][][].class);
        assertSame(ShortArray[][].class, b.getClass());
        for (Object row : (Object[]) b) {
            assertSame(ShortArray[].class, row.getClass());
            assertArrayEquals(new Object[3], (Object[]) row);
        }
        assertTrue(Arrays.deepEquals(new short[2][3][], (Object[]) ArrayBoundary.toJvm(b)));
        assertEquals("remote_arrays=0 remote_array_bytes=0", mem.memory.summary(), "no primitive array was made");
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void aNegativeDimensionAnywhereFailsBeforeAllocating(boolean remote) {
        memory(remote);
        int[][] cases = {{-3, 2}, {2, -3}, {0, -3}, {2, 3, -3}, {4, 0, -3}, {-1, -3}};
        for (int[] dims : cases) {
            String jvm = assertThrows(NegativeArraySizeException.class,
                    () -> java.lang.reflect.Array.newInstance(int.class, dims)).getMessage();
            Class<?> type = dims.length == 2 ? int[][].class : int[][][].class;
            assertEquals(jvm, assertThrows(NegativeArraySizeException.class, () -> ArrayHandles.createMulti(dims, type))
                    .getMessage(), Arrays.toString(dims));
        }
        // the bytecode's own message for the two-dimension case
        assertEquals("-3", assertThrows(NegativeArraySizeException.class, () -> jvmMulti(0, -3)).getMessage());
        assertEquals("remote_arrays=0 remote_array_bytes=0", mem.memory.summary(), "nothing was allocated");
    }

    private static int[][] jvmMulti(int a, int b) {
        return new int[a][b];
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void cloneIsANewIndependentArrayWithTheSameElements(boolean remote) {
        Tlb t = memory(remote);
        Random r = new Random(7);
        for (Kind k : Kind.values()) {
            int length = (9000 >> k.shift) + 3; // several pages, not page-aligned
            Object jvm = Elements.random(k, length, r);
            PrimitiveArray a = Elements.handleOf(jvm, t);
            PrimitiveArray c = (PrimitiveArray) ArrayHandles.cloneOf(a);
            assertNotSame(a, c);
            assertSame(a.getClass(), c.getClass());
            assertEquals(length, c.length);
            assertEquals(remote, Elements.isRemote(c));
            if (remote) {
                assertTrue(c.address != a.address);
            } else {
                assertNotSame(a.local(), c.local());
            }
            assertOracle(jvm, c, t);

            Elements.put(a, 0, ~Elements.bits(jvm, 0), t);
            Elements.put(c, length - 1, ~Elements.bits(jvm, length - 1), t);
            Object afterOriginal = cloneJvm(jvm);
            Elements.put(afterOriginal, 0, ~Elements.bits(jvm, 0));
            Object afterClone = cloneJvm(jvm);
            Elements.put(afterClone, length - 1, ~Elements.bits(jvm, length - 1));
            assertOracle(afterOriginal, a, t);
            assertOracle(afterClone, c, t);
        }
    }

    @Test
    void cloneOfAPinnedRemoteArrayReadsItsJvmHome() {
        Tlb t = memory(true);
        IntArray a = (IntArray) ArrayHandles.create(3000, Kind.INT);
        int[] home = (int[]) ArrayBoundary.pin(a);
        home[2999] = 5;
        IntArray c = (IntArray) ArrayHandles.cloneOf(a);
        assertTrue(Elements.isRemote(c));
        assertEquals(5, ArrayAccess.getInt(c, 2999, t));
    }

    private static Object cloneJvm(Object jvm) {
        Object copy = Kind.of(jvm.getClass()).newJvmArray(java.lang.reflect.Array.getLength(jvm));
        System.arraycopy(jvm, 0, copy, 0, java.lang.reflect.Array.getLength(jvm));
        return copy;
    }

    static void assertOracle(Object jvm, PrimitiveArray a, Tlb t) {
        assertEquals(java.lang.reflect.Array.getLength(jvm), a.length);
        Object got = Elements.read(a, t);
        assertTrue(Arrays.deepEquals(new Object[] {jvm}, new Object[] {got}),
                () -> a.kind() + ": expected " + Arrays.deepToString(new Object[] {jvm}) + " got "
                        + Arrays.deepToString(new Object[] {got}));
    }
}
