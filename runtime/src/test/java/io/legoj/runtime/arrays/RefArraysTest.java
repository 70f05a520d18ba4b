package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What rewritten code calls for reference arrays, on both forms, and the shapes of new ones. */
class RefArraysTest {
    private ArrayTestMemory mem;

    private Tlb memory(long localMaxBytes) {
        mem = ArrayTestMemory.install(16, localMaxBytes);
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
    void loadStoreAndLengthAreTheJvmsOnBothForms(boolean remote) {
        memory(remote ? 0 : Long.MAX_VALUE);
        Object a = RefArrays.create(5, CharSequence[].class);
        assertSame(remote ? RefArray.class : CharSequence[].class, a.getClass());
        assertEquals(5, RefArrays.length(a));
        RefArrays.store(a, 4, "four");
        assertEquals("four", RefArrays.load(a, 4));
        assertNull(RefArrays.load(a, 0));
        String[] jvm = new String[5];
        Object[] plain = jvm;
        for (int i : new int[] {5, 6, -1, Integer.MIN_VALUE}) {
            assertEquals(Elements.outcome(() -> jvm[i]), Elements.outcome(() -> RefArrays.load(a, i)));
            assertEquals(Elements.outcome(() -> jvm[i] = "x"), Elements.outcome(() -> {
                RefArrays.store(a, i, "x");
                return "x";
            }));
        }
        assertEquals(Elements.outcome(() -> plain[1] = 1), Elements.outcome(() -> {
            RefArrays.store(a, 1, 1);
            return 1;
        }));
        assertThrows(NullPointerException.class, () -> RefArrays.load(null, 0));
        assertThrows(NullPointerException.class, () -> RefArrays.store(null, 0, "x"));
        assertThrows(NullPointerException.class, () -> RefArrays.length(null));
        assertThrows(NullPointerException.class, () -> RefArrays.cloneOf(null));
    }

    @Test
    void aValueAJvmArrayCannotHoldFailsWithThePlainClass() {
        memory(Long.MAX_VALUE);
        Object rows = RefArrays.create(2, int[][].class);
        assertSame(IntArray[].class, rows.getClass());
        IntArray row = (IntArray) ArrayHandles.create(1, Kind.INT);
        RefArrays.store(rows, 0, row);
        assertSame(row, RefArrays.load(rows, 0));
        Object longs = ArrayHandles.create(1, Kind.LONG);
        assertEquals("[J", assertThrows(ArrayStoreException.class, () -> RefArrays.store(rows, 1, longs)).getMessage());
        assertEquals("java.lang.String", assertThrows(ArrayStoreException.class, () -> RefArrays.store(rows, 1, "s"))
                .getMessage());
        Object objects = RefArrays.create(2, Object[].class);
        RefArrays.store(objects, 0, row);
        RefArrays.store(objects, 1, rows);
        assertSame(rows, RefArrays.load(objects, 1));
    }

    @Test
    void aRemoteArrayCannotGoIntoAJvmArrayOfArraysThatJdkCodeMade() {
        memory(64);
        Object strings = ArrayMemory.get().newRemote(String[].class, 100);
        String[][] jdk = new String[2][];
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> RefArrays.store(jdk, 0, strings));
        assertTrue(e.getMessage().contains("java.lang.String[][] is a JVM array made by JDK code"), e.getMessage());
        assertTrue(e.getMessage().contains("plain program could store it"), e.getMessage());
        RefArrays.store(jdk, 1, new String[] {"x"});
        assertEquals("java.lang.Integer", assertThrows(ArrayStoreException.class, () -> RefArrays.store(jdk, 0, 1))
                .getMessage());
        assertEquals("[Ljava.lang.Object;", assertThrows(ArrayStoreException.class,
                () -> RefArrays.store(jdk, 0, RefArrays.create(100, Object[].class))).getMessage());
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void cloneIsANewArrayOfTheSameTypeWithTheSameElements(boolean remote) {
        memory(remote ? 0 : Long.MAX_VALUE);
        Object a = RefArrays.create(3000, Object[].class);
        IntArray row = (IntArray) ArrayHandles.create(2, Kind.INT);
        RefArrays.store(a, 0, "s");
        RefArrays.store(a, 1, row);
        RefArrays.store(a, 2999, a);
        Object c = RefArrays.cloneOf(a);
        assertNotSame(a, c);
        assertSame(a.getClass(), c.getClass());
        assertSame(Object[].class, ArrayBoundary.classOf(c));
        assertEquals(3000, RefArrays.length(c));
        for (int i = 0; i < 3000; i++) {
            assertSame(RefArrays.load(a, i), RefArrays.load(c, i), "element " + i);
        }
        RefArrays.store(c, 0, "t");
        assertEquals("s", RefArrays.load(a, 0), "the copy is another array");

        Object grid = RefArrays.create(2, String[][].class);
        RefArrays.store(grid, 1, RefArrays.create(1, String[].class));
        Object gridCopy = RefArrays.cloneOf(grid);
        assertSame(String[][].class, ArrayBoundary.classOf(gridCopy));
        assertSame(RefArrays.load(grid, 1), RefArrays.load(gridCopy, 1), "a shallow copy");
    }

    @Test
    void underASmallLimitEveryLevelThatMayHoldRemoteObjectsIsRemote() {
        Tlb t = memory(0);
        Object ints = RefArrays.createMulti(new int[] {2, 3}, int[][].class);
        IntArray[] rows = (IntArray[]) ints;
        IntArray r0 = rows[0];
        IntArray r1 = rows[1];
        assertNotSame(r0, r1);
        assertTrue(Elements.isRemote(r0) && Elements.isRemote(r1));
        ArrayAccess.putInt(r1, 2, 9, t);
        assertTrue(Arrays.deepEquals(new int[][] {{0, 0, 0}, {0, 0, 9}}, (Object[]) ArrayBoundary.toJvm(ints)));

        RefArray longs = (RefArray) RefArrays.createMulti(new int[] {2, 3, 4}, long[][][].class);
        assertNull(longs.local, "its planes may be RefArrays");
        LongArray[] plane = (LongArray[]) longs.get(1);
        assertTrue(Elements.isRemote(plane[2]), "rows of primitive arrays are JVM arrays: nothing in them is remote");
        assertTrue(Arrays.deepEquals(new long[2][3][4], (Object[]) ArrayBoundary.toJvm(longs)));

        RefArray strings = (RefArray) RefArrays.createMulti(new int[] {2, 3}, String[][].class);
        assertSame(String[].class, strings.get(0).getClass(), "a String is a local object: no remote slots for it");
        RefArray objects = (RefArray) RefArrays.createMulti(new int[] {2, 3}, Object[][].class);
        assertNull(((RefArray) objects.get(0)).local, "an Object may be a remote one");
        assertTrue(Arrays.deepEquals(new String[2][3], (Object[]) ArrayBoundary.toJvm(strings)));

        assertTrue(Arrays.deepEquals(new boolean[3][0], (Object[]) ArrayBoundary.toJvm(
                RefArrays.createMulti(new int[] {3, 0}, boolean[][].class))));
        assertEquals(0, ((DoubleArray[]) RefArrays.createMulti(new int[] {0, 5}, double[][].class)).length);
        assertEquals(7, ((CharArray) RefArrays.createMulti(new int[] {7}, char[].class)).length);

        RefArray partial = (RefArray) RefArrays.createMulti(new int[] {2, 3}, short[][][].class);
        assertSame(ShortArray[].class, partial.get(1).getClass());
        assertTrue(Arrays.deepEquals(new short[2][3][], (Object[]) ArrayBoundary.toJvm(partial)), "the rest is null");
    }

    @Test
    void underALargeLimitNewArraysAreJvmArraysWhereTheirElementsAllow() {
        memory(Long.MAX_VALUE);
        Object ints = RefArrays.createMulti(new int[] {2, 3}, int[][].class);
        assertSame(IntArray[].class, ints.getClass());
        assertTrue(Arrays.stream((Object[]) ints).noneMatch(r -> Elements.isRemote((IntArray) r)));

        RefArray longs = (RefArray) RefArrays.createMulti(new int[] {2, 3, 4}, long[][][].class);
        assertSame(LongArray[].class, longs.get(0).getClass(), "rows of primitive arrays fit a JVM array");
        assertTrue(Arrays.deepEquals(new long[2][3][4], (Object[]) ArrayBoundary.toJvm(longs)));

        RefArray strings = (RefArray) RefArrays.createMulti(new int[] {2, 3}, String[][].class);
        assertSame(String[].class, strings.get(1).getClass());

        RefArray cube = (RefArray) RefArrays.createMulti(new int[] {1, 2, 3}, Object[][][].class);
        assertNotNull(cube.local, "small: born local, though a JVM array could not hold its planes");
        RefArray plane = (RefArray) cube.get(0);
        assertSame(Object[][].class, plane.type);
        assertSame(Object[].class, plane.get(1).getClass());

        assertSame(String[].class, RefArrays.createMulti(new int[] {5}, String[].class).getClass());
        Object partial = RefArrays.createMulti(new int[] {2}, int[][].class);
        assertSame(IntArray[].class, partial.getClass());
        assertTrue(Arrays.deepEquals(new IntArray[2], (Object[]) partial));
        assertEquals("remote_arrays=0 remote_array_bytes=0", mem.memory.summary(), "small arrays of arrays are born local");
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void aNegativeDimensionAnywhereFailsBeforeAllocating(boolean remote) {
        memory(remote ? 0 : Long.MAX_VALUE);
        int[][] cases = {{-3, 2}, {2, -3}, {0, -3}, {2, 3, -3}, {4, 0, -3}, {-1, -3}};
        for (int[] dims : cases) {
            for (Class<?> bottom : new Class<?>[] {int.class, String.class}) {
                String jvm = assertThrows(NegativeArraySizeException.class,
                        () -> java.lang.reflect.Array.newInstance(bottom, dims)).getMessage();
                Class<?> type = java.lang.reflect.Array.newInstance(bottom, new int[dims.length]).getClass();
                assertEquals(jvm, assertThrows(NegativeArraySizeException.class, () -> RefArrays.createMulti(dims, type))
                        .getMessage(), Arrays.toString(dims));
            }
        }
        assertEquals("-3", assertThrows(NegativeArraySizeException.class, () -> jvmMulti(0, -3)).getMessage(),
                "the bytecode's own message");
        assertEquals("-3", assertThrows(NegativeArraySizeException.class, () -> RefArrays.create(-3, String[].class))
                .getMessage());
        assertEquals("remote_arrays=0 remote_array_bytes=0", mem.memory.summary(), "nothing was allocated");
    }

    private static String[][] jvmMulti(int a, int b) {
        return new String[a][b];
    }
}
