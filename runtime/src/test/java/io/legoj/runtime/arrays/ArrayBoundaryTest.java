package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import io.legoj.runtime.objects.Refs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crossing to and from code that is not rewritten: toJvm/release, pin, wrap, and the type checks. */
class ArrayBoundaryTest {
    private ArrayTestMemory mem;
    private Tlb t;

    @BeforeEach
    void install() {
        mem = ArrayTestMemory.install(16, 0); // every non-empty new array is remote
        t = mem.tlb();
    }

    @AfterEach
    void close() {
        mem.close();
    }

    @Test
    void aHandleThatAnArrayCannotHoldFailsToBeStoredAsThePlainArrayWould() {
        Object longs = ArrayBoundary.wrap(new long[2]);
        ArrayStoreException e = assertThrows(ArrayStoreException.class,
                () -> ArrayBoundary.checkStore(new String[1], longs));
        assertEquals("[J", e.getMessage());
        assertEquals(ArrayBoundaryTest.class.getName(), e.getStackTrace()[0].getClassName().replaceAll("\\$.*", ""),
                "thrown as from the caller");
        assertEquals("[[I", assertThrows(ArrayStoreException.class,
                () -> ArrayBoundary.checkStore(new IntArray[1], new IntArray[1])).getMessage());
        ArrayBoundary.checkStore(new IntArray[1], ArrayBoundary.wrap(new int[1]));
        ArrayBoundary.checkStore(new Object[1], longs);
        ArrayBoundary.checkStore(null, longs);
        ArrayBoundary.checkStore(new Integer[1], "not a handle: the aastore fails on its own");
    }

    @Test
    void aLocalArrayCrossesAsItself() {
        for (Kind k : Kind.values()) {
            Object jvm = k.newJvmArray(3);
            PrimitiveArray a = (PrimitiveArray) ArrayBoundary.wrap(jvm);
            assertSame(jvm, a.local());
            assertSame(jvm, ArrayBoundary.toJvm(a));
            Elements.put(jvm, 1, 1);
            assertEquals(Elements.get(jvm, 1), Elements.get(a, 1, t), "the handle shares the JVM array");
            Elements.put(a, 2, 1, t);
            assertEquals(Elements.get(a, 2, t), Elements.get(jvm, 2));
            ArrayBoundary.release(a, jvm);
            assertSame(jvm, a.local());
        }
    }

    @Test
    void aRemoteArrayCrossesAsACopyWrittenBackOnRelease() {
        Random r = new Random(11);
        for (Kind k : Kind.values()) {
            int n = (10_000 >> k.shift) + 1; // several pages
            Object oracle = Elements.random(k, n, r);
            PrimitiveArray a = Elements.handleOf(oracle, t);
            assertTrue(Elements.isRemote(a));
            Object jvm = ArrayBoundary.toJvm(a);
            assertSame(k.jvmClass(), jvm.getClass());
            assertTrue(Arrays.deepEquals(new Object[] {oracle}, new Object[] {jvm}), k.name());
            assertNotSame(jvm, ArrayBoundary.toJvm(a), "each crossing is a new copy");

            // the callee writes, the caller releases: the writes are the array's
            for (int i = 0; i < n; i += 97) {
                long bits = r.nextLong();
                Elements.put(jvm, i, bits);
                Elements.put(oracle, i, bits);
            }
            Elements.put(jvm, n - 1, 1);
            Elements.put(oracle, n - 1, 1);
            ArrayBoundary.release(a, jvm);
            ArrayHandlesTest.assertOracle(oracle, a, t);
            assertTrue(Elements.isRemote(a), "release does not pin");
        }
    }

    @Test
    void twoDimensionalArraysCrossRowByRow() {
        IntArray remoteRow = (IntArray) Elements.handleOf(new int[] {1, 2, 3}, t);
        IntArray localRow = (IntArray) ArrayBoundary.wrap(new int[] {4, 5});
        IntArray replaced = (IntArray) Elements.handleOf(new int[] {6}, t);
        IntArray dropped = (IntArray) Elements.handleOf(new int[] {7}, t);
        IntArray[] rows = {remoteRow, localRow, null, replaced, dropped};

        int[][] jvm = (int[][]) ArrayBoundary.toJvm(rows);
        assertTrue(Arrays.deepEquals(new int[][] {{1, 2, 3}, {4, 5}, null, {6}, {7}}, jvm));
        assertSame(localRow.local(), jvm[1]);

        jvm[0][2] = 30;
        jvm[1][0] = 40;
        jvm[2] = new int[] {8, 9};
        jvm[3] = new int[] {60, 61}; // another length: a new array
        jvm[4] = null;
        ArrayBoundary.release(rows, jvm);

        assertSame(remoteRow, rows[0], "a row of the same class and length keeps its handle");
        assertEquals(30, ArrayAccess.getInt(remoteRow, 2, t));
        assertSame(localRow, rows[1]);
        assertEquals(40, ArrayAccess.getInt(localRow, 0, t));
        assertArrayEquals(new int[] {8, 9}, (int[]) ArrayBoundary.toJvm(rows[2]));
        assertSame(jvm[2], rows[2].local(), "a new row is wrapped, sharing the callee's array");
        assertNotSame(replaced, rows[3]);
        assertArrayEquals(new int[] {60, 61}, (int[]) ArrayBoundary.toJvm(rows[3]));
        assertNull(rows[4]);

        IntArray[][] cube = {{remoteRow}, null};
        int[][][] jvmCube = (int[][][]) ArrayBoundary.toJvm(cube);
        assertTrue(Arrays.deepEquals(new int[][][] {{{1, 2, 30}}, null}, jvmCube));
        jvmCube[0][0][0] = -1;
        ArrayBoundary.release(cube, jvmCube);
        assertEquals(-1, ArrayAccess.getInt(remoteRow, 0, t));
    }

    @Test
    void otherValuesCrossUnchanged() {
        Object[] objects = {new Object(), "x"};
        assertSame(objects, ArrayBoundary.toJvm(objects));
        assertSame("x", ArrayBoundary.toJvm("x"));
        assertNull(ArrayBoundary.toJvm(null));
        String[][] strings = {{"a"}};
        assertSame(strings, ArrayBoundary.toJvm(strings));
        assertSame(strings, ArrayBoundary.wrap(strings));
        assertSame("x", ArrayBoundary.wrap("x"));
        assertNull(ArrayBoundary.wrap(null));
        ArrayBoundary.release("x", "x");
        ArrayBoundary.release(objects, objects);
        assertEquals("x", objects[1]);
    }

    @Test
    void aPinnedRemoteArrayLivesInItsJvmArrayForGood() {
        int n = 3000; // three pages of ints
        IntArray a = (IntArray) ArrayHandles.create(n, Kind.INT);
        for (int i = 0; i < n; i++) {
            ArrayAccess.putInt(a, i, i, t);
        }
        int[] home = (int[]) ArrayBoundary.pin(a);
        assertSame(home, a.local());
        for (int i = 0; i < n; i++) {
            assertEquals(i, home[i]);
        }
        assertSame(home, ArrayBoundary.pin(a), "pinning twice gives the same home");
        assertSame(home, ArrayBoundary.toJvm(a));
        assertSame(a, ArrayBoundary.wrap(home), "the JVM array given back is the very handle");
        assertSame(a, ArrayBoundary.cast(home, int[].class));

        home[5] = -5; // the JDK writes (a ByteBuffer over it, say)
        assertEquals(-5, ArrayAccess.getInt(a, 5, t));
        ArrayAccess.putInt(a, 6, -6, t);
        assertEquals(-6, home[6]);
        ArrayOps.arraycopy(new int[] {70, 71}, 0, a, 7, 2);
        assertEquals(70, home[7]);
        assertEquals(71, home[8]);
        int[] out = new int[2];
        ArrayOps.arraycopy(a, 5, out, 0, 2);
        assertArrayEquals(new int[] {-5, -6}, out);
        ArrayBoundary.release(a, home);
        assertEquals(-5, ArrayAccess.getInt(a, 5, t));
        assertEquals(-6, ArrayReflection.getInt(a, 6));
    }

    @Test
    void aJvmArrayComesBackAsTheSameHandle() {
        for (Kind k : Kind.values()) {
            Object jvm = k.newJvmArray(4);
            PrimitiveArray a = (PrimitiveArray) ArrayBoundary.wrap(jvm);
            assertSame(a, ArrayBoundary.wrap(jvm), "a JDK-held array (ByteBuffer.array()) keeps its identity");
            PrimitiveArray born = ArrayHandles.create(4, k);
            Object home = ArrayBoundary.pin(born);
            assertSame(born, ArrayBoundary.wrap(home), "a pinned array is found again");
        }
        Object[] notHandles = {"x"};
        assertSame(notHandles, ArrayBoundary.pin(notHandles));
    }

    @Test
    void wrappingA2dArraySharesItsRows() {
        int[][] jvm = {{1, 2}, null, {3}};
        Object w = ArrayBoundary.wrap(jvm);
        assertSame(IntArray[].class, w.getClass());
        IntArray[] rows = (IntArray[]) w;
        assertEquals(3, rows.length);
        assertSame(jvm[0], rows[0].local());
        assertNull(rows[1]);
        assertSame(jvm[2], rows[2].local());
        jvm[0][1] = 20;
        assertEquals(20, ArrayAccess.getInt(rows[0], 1, t));
        ArrayAccess.putInt(rows[2], 0, 30, t);
        assertEquals(30, jvm[2][0]);

        Object cube = ArrayBoundary.wrap(new double[][][] {{{1.5}}, {}});
        assertSame(DoubleArray[][].class, cube.getClass());
        assertEquals(1.5, ArrayAccess.getDouble(((DoubleArray[][]) cube)[0][0], 0, t));
        assertEquals(0, ((DoubleArray[][]) cube)[1].length);
    }

    @Test
    void classesMapBothWays() {
        for (Kind k : Kind.values()) {
            Class<?> h = ArrayBoundary.handleClass(k);
            assertSame(k.jvmClass(), ArrayBoundary.jvmClassOf(h));
            assertSame(h, ArrayBoundary.handleClassOf(k.jvmClass()));
            assertSame(k.jvmClass().arrayType().arrayType(), ArrayBoundary.jvmClassOf(h.arrayType().arrayType()));
            assertSame(h.arrayType().arrayType(), ArrayBoundary.handleClassOf(k.jvmClass().arrayType().arrayType()));
            assertSame(k, Kind.of(k.jvmClass()));
        }
        for (Class<?> c : new Class<?>[] {String.class, Object[].class, String[][].class, int.class, Object.class}) {
            assertSame(c, ArrayBoundary.jvmClassOf(c));
            assertSame(c, ArrayBoundary.handleClassOf(c));
        }
        assertNull(Kind.of(int[][].class));
        assertNull(Kind.of(int.class));
    }

    @Test
    void classOfIsWhatThePlainProgramSees() {
        for (Kind k : Kind.values()) {
            assertSame(k.jvmClass(), ArrayBoundary.classOf(ArrayHandles.create(2, k)));
            assertSame(k.jvmClass(), ArrayBoundary.classOf(ArrayBoundary.wrap(k.newJvmArray(2))));
            assertSame(k.jvmClass(), ArrayBoundary.classOf(k.newJvmArray(2)));
        }
        assertSame(int[][].class, ArrayBoundary.classOf(new IntArray[0]));
        assertSame(long[][][].class, ArrayBoundary.classOf(RefArrays.createMulti(new int[] {1, 1, 1}, long[][][].class)));
        assertSame(String.class, ArrayBoundary.classOf("x"));
        assertSame(Object[].class, ArrayBoundary.classOf(new Object[0]));
        assertSame(Integer.class, ArrayBoundary.classOf(1));
    }

    @Test
    void isInstanceIsTheJvmsOnTheEquivalentArrays() {
        Object[] values = {ArrayHandles.create(2, Kind.INT), ArrayHandles.create(2, Kind.LONG),
                ArrayBoundary.wrap(new boolean[1]), new IntArray[1], new LongArray[1][1], new Object[1], new String[1],
                new int[1], "x", null};
        Object[] jvm = {new int[2], new long[2], new boolean[1], new int[1][], new long[1][1][], new Object[1],
                new String[1], new int[1], "x", null};
        Class<?>[] types = {int[].class, long[].class, boolean[].class, int[][].class, long[][][].class, long[][].class,
                Object[].class, Object[][].class, String[].class, Object.class, Cloneable.class, Serializable.class};
        for (int v = 0; v < values.length; v++) {
            for (Class<?> type : types) {
                assertEquals(type.isInstance(jvm[v]), ArrayBoundary.isInstance(values[v], type),
                        values[v] + " instanceof " + type.getTypeName());
            }
        }
    }

    @Test
    void castChecksAsTheJvmAndWrapsJvmArrays() {
        IntArray h = (IntArray) ArrayHandles.create(2, Kind.INT);
        assertSame(h, ArrayBoundary.cast(h, int[].class));
        assertSame(h, ArrayBoundary.cast(h, Object.class));
        assertNull(ArrayBoundary.cast(null, int[].class));

        int[] real = {5, 6};
        Object c = ArrayBoundary.cast(real, int[].class);
        assertSame(IntArray.class, c.getClass());
        assertSame(real, ((IntArray) c).local(), "the handle shares the JVM array");

        Object rows = ArrayBoundary.cast(new int[][] {{1}}, Object[].class);
        assertSame(IntArray[].class, rows.getClass());
        IntArray[] handleRows = {h};
        assertSame(handleRows, ArrayBoundary.cast(handleRows, int[][].class));

        Object[][] wrong = {{h, long[].class}, {h, int[][].class}, {h, Object[].class}, {real, long[].class},
                {"x", int[].class}, {handleRows, int[].class}, {handleRows, long[][].class}, {new Object[0], int[].class}};
        for (Object[] w : wrong) {
            Object value = w[0];
            Class<?> type = (Class<?>) w[1];
            Object jvmValue = ArrayBoundary.toJvm(value);
            String jvmMessage = assertThrows(ClassCastException.class, () -> checkcast(jvmValue, type)).getMessage();
            String ours = assertThrows(ClassCastException.class, () -> ArrayBoundary.cast(value, type)).getMessage();
            assertNotNull(ours);
            assertEquals(jvmMessage, ours);
        }
    }

    /** The bytecode's {@code checkcast}, whose message differs from {@code Class.cast}'s. */
    private static Object checkcast(Object o, Class<?> type) {
        if (type == int[].class) {
            return (int[]) o;
        } else if (type == long[].class) {
            return (long[]) o;
        } else if (type == int[][].class) {
            return (int[][]) o;
        } else if (type == long[][].class) {
            return (long[][]) o;
        } else if (type == Object[].class) {
            return (Object[]) o;
        }
        throw new AssertionError(type);
    }

    @Test
    void aRemoteReferenceArrayIsSeenAsItsPlainClass() {
        Object strings = ArrayMemory.get().newRemote(String[].class, 2);
        Object rows = RefArrays.create(1, int[][].class);
        assertSame(String[].class, ArrayBoundary.classOf(strings));
        assertSame(int[][].class, ArrayBoundary.classOf(rows));
        Class<?>[] types = {String[].class, Object[].class, CharSequence[].class, Integer[].class, int[][].class,
            Object[][].class, Object.class, Cloneable.class, Serializable.class, int[].class};
        for (Class<?> type : types) {
            assertEquals(type.isInstance(new String[0]), ArrayBoundary.isInstance(strings, type), "String[] " + type);
            assertEquals(type.isInstance(new int[0][]), ArrayBoundary.isInstance(rows, type), "int[][] " + type);
        }
        assertSame(strings, ArrayBoundary.cast(strings, Object[].class));
        assertSame(rows, ArrayBoundary.classCast(rows, Object[].class));
        String jvmMessage = assertThrows(ClassCastException.class, () -> checkcast(new int[0][], long[][].class))
                .getMessage();
        String ours = assertThrows(ClassCastException.class, () -> ArrayBoundary.cast(rows, long[][].class)).getMessage();
        assertEquals(jvmMessage, ours);
        assertEquals(Elements.outcome(() -> Integer[].class.cast(new String[0])),
                Elements.outcome(() -> ArrayBoundary.classCast(strings, Integer[].class)));
        assertEquals("[Ljava.lang.String;@" + Integer.toHexString(strings.hashCode()), ArrayBoundary.displayString(strings));
        assertEquals("[Ljava.lang.String;", assertThrows(ArrayStoreException.class,
                () -> ArrayBoundary.checkStore(new Integer[1][], strings)).getMessage());
        ArrayBoundary.checkStore(new Object[1], strings);
        assertThrows(UnsupportedOperationException.class, () -> ArrayBoundary.checkStore(new String[1][], strings));
    }

    @Test
    void aRemoteArrayCrossesAsAJvmArrayOfPlainFormsAndTakesBackWhatTheCalleeWrote() {
        RefArray rows = ArrayMemory.get().newRemote(int[][].class, 3);
        IntArray r0 = (IntArray) ArrayHandles.create(4, Kind.INT);
        IntArray r1 = (IntArray) ArrayHandles.create(2, Kind.INT);
        ArrayAccess.putInt(r0, 1, 7, t);
        rows.set(0, r0);
        rows.set(1, r1);
        int[][] jvm = (int[][]) ArrayBoundary.toJvm(rows);
        assertTrue(Arrays.deepEquals(new int[][] {{0, 7, 0, 0}, {0, 0}, null}, jvm));
        jvm[0][2] = 8; // what a callee does
        jvm[1] = new int[] {1, 2, 3}; // another length: another array (one of the same length is written back)
        jvm[2] = new int[] {3};
        ArrayBoundary.release(rows, jvm);
        assertSame(r0, rows.get(0), "written back into the same array");
        assertEquals(8, ArrayAccess.getInt(r0, 2, t));
        assertNotSame(r1, rows.get(1), "replaced");
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) ArrayBoundary.toJvm(rows.get(1)));
        assertArrayEquals(new int[] {3}, (int[]) ArrayBoundary.toJvm(rows.get(2)));

        RefArray grid = ArrayMemory.get().newRemote(String[][].class, 2);
        RefArray inner = ArrayMemory.get().newRemote(String[].class, 2);
        inner.set(0, "x");
        grid.set(0, inner);
        String[][] g = (String[][]) ArrayBoundary.toJvm(grid);
        assertTrue(Arrays.deepEquals(new String[][] {{"x", null}, null}, g));
        g[0][1] = "y";
        g[1] = new String[] {"z"};
        ArrayBoundary.release(grid, g);
        assertSame(inner, grid.get(0));
        assertEquals("y", inner.get(1));
        assertSame(g[1], grid.get(1), "a JVM String[] is a form rewritten code holds");
    }

    @Test
    void anArrayThatHoldsItselfCrossesAsOneThatHoldsItself() {
        RefArray a = ArrayMemory.get().newRemote(Object[].class, 3);
        a.set(0, a);
        a.set(1, "x");
        a.set(2, a);
        Object[] jvm = (Object[]) ArrayBoundary.toJvm(a);
        assertSame(jvm, jvm[0]);
        assertSame(jvm, jvm[2]);
        jvm[1] = "y";
        ArrayBoundary.release(a, jvm);
        assertSame(a, a.get(0));
        assertEquals("y", a.get(1));
    }

    @Test
    void aPinnedArrayLivesInItsJvmArrayAndWrapsBackToItself() {
        RefArray a = ArrayMemory.get().newRemote(String[].class, 3000);
        a.set(5, "five");
        String[] home = (String[]) ArrayBoundary.pin(a);
        assertEquals("five", home[5]);
        assertSame(a, ArrayBoundary.wrap(home));
        assertSame(home, ArrayBoundary.pin(a), "pinned once");
        assertSame(home, ArrayBoundary.toJvm(a));
        home[6] = "six";
        assertEquals("six", a.get(6));
        a.set(7, "seven");
        assertEquals("seven", home[7]);
        ArrayBoundary.release(a, home);
        assertEquals("seven", a.get(7));
        assertEquals(0, a.$legoj$address(), "remote memory refers to it through the local object table");
        assertSame(a, Refs.decode(Refs.encode(a)));
    }

    @Test
    void anArrayOfPrimitiveArraysIsGivenAsACopyAndObjectsKeepTheirElements() {
        RefArray rows = ArrayMemory.get().newRemote(int[][].class, 2);
        IntArray row = (IntArray) ArrayHandles.create(3, Kind.INT);
        rows.set(0, row);
        int[][] jvm = (int[][]) ArrayBoundary.pin(rows);
        assertEquals(3, jvm[0].length, "JDK code that takes an int[][] gets int[] rows");
        assertNull(rows.local, "a copy: the rows' JVM forms are other objects");

        RefArray objects = ArrayMemory.get().newRemote(Object[].class, 2);
        objects.set(1, row);
        Object[] home = (Object[]) ArrayBoundary.pinElements(objects);
        assertSame(row, home[1], "JDK code that takes objects gets the program's");
        assertSame(home, objects.local);
        assertSame(objects, ArrayBoundary.wrap(home));
        assertEquals(3, ((int[]) ((Object[]) ArrayBoundary.toJvm(objects))[1]).length, "all the way down");
    }

    @Test
    void aHandleSerializesAsItsJvmArray() throws Exception {
        Object[] graph = {Elements.handleOf(new long[] {1, 2, 3}, t), ArrayBoundary.wrap(new char[] {'a'})};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(graph);
        }
        Object[] back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Object[]) in.readObject();
        }
        assertArrayEquals(new long[] {1, 2, 3}, (long[]) back[0]);
        assertArrayEquals(new char[] {'a'}, (char[]) back[1]);
        assertFalse(back[0] instanceof PrimitiveArray);
    }

    @Test
    void aFreshJdkArrayIsPlacedLikeANewArrayOfItsSize() {
        byte[] fresh = "a value the JDK just made".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PrimitiveArray remote = (PrimitiveArray) ArrayBoundary.wrapFresh(fresh.clone());
        assertNull(remote.local(), "over the local limit (0): remote");
        assertArrayEquals(fresh, (byte[]) ArrayBoundary.toJvm(remote));
        mem.close();
        mem = ArrayTestMemory.install(16, 1 << 10);
        PrimitiveArray local = (PrimitiveArray) ArrayBoundary.wrapFresh(fresh);
        assertSame(fresh, local.local(), "within the local limit: the JDK's array itself");
        assertNull(ArrayBoundary.wrapFresh(null));
    }
}
