package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code System.arraycopy}, {@code Arrays.copyOf(Range)} and the {@code Arrays.deep*} methods on
 * handles, against the JDK's on the equivalent JVM arrays. Remote arrays are made by the installed
 * memory (every non-empty array is remote), local ones by wrapping JVM arrays.
 */
class ArrayOpsTest {
    private enum Mode {
        JVM, LOCAL, REMOTE
    }

    private ArrayTestMemory mem;
    private Tlb t;

    @BeforeEach
    void install() {
        mem = ArrayTestMemory.install(16, 0);
        t = mem.tlb();
    }

    @AfterEach
    void close() {
        mem.close();
    }

    /** An array of {@code mode} with the elements of {@code jvm} (which it does not share). */
    private Object make(Mode mode, Object jvm) {
        Object copy = copy(jvm);
        return switch (mode) {
            case JVM -> copy;
            case LOCAL -> {
                PrimitiveArray a = (PrimitiveArray) ArrayBoundary.wrap(copy);
                assertFalse(Elements.isRemote(a));
                yield a;
            }
            case REMOTE -> {
                PrimitiveArray a = Elements.handleOf(jvm, t);
                assertTrue(Elements.isRemote(a) || a.length == 0);
                yield a;
            }
        };
    }

    private static Object copy(Object jvm) {
        int n = java.lang.reflect.Array.getLength(jvm);
        Object copy = Kind.of(jvm.getClass()).newJvmArray(n);
        System.arraycopy(jvm, 0, copy, 0, n);
        return copy;
    }

    private void assertContents(Object expectedJvm, Object array) {
        assertContents(expectedJvm, array, "");
    }

    private void assertContents(Object expectedJvm, Object array, String what) {
        Object actual = array instanceof PrimitiveArray a ? Elements.read(a, t) : array;
        assertTrue(Arrays.deepEquals(new Object[] {expectedJvm}, new Object[] {actual}),
                () -> what + ": expected " + Arrays.deepToString(new Object[] {expectedJvm}) + " got "
                        + Arrays.deepToString(new Object[] {actual}));
    }

    @Test
    void everyModeCombinationCopiesAsTheJvm() {
        Random r = new Random(1);
        for (Kind k : Kind.values()) {
            for (Mode sm : Mode.values()) {
                for (Mode dm : Mode.values()) {
                    if (sm == Mode.JVM && dm == Mode.JVM) {
                        continue;
                    }
                    int sl = (9000 >> k.shift) + 5;
                    int dl = (7000 >> k.shift) + 3;
                    Object srcOracle = Elements.random(k, sl, r);
                    Object dstOracle = Elements.random(k, dl, r);
                    Object src = make(sm, srcOracle);
                    Object dst = make(dm, dstOracle);
                    for (int trial = 0; trial < 8; trial++) {
                        int len = trial == 0 ? Math.min(sl, dl) : trial == 1 ? 0 : r.nextInt(Math.min(sl, dl) + 1);
                        int sp = r.nextInt(sl - len + 1);
                        int dp = r.nextInt(dl - len + 1);
                        System.arraycopy(srcOracle, sp, dstOracle, dp, len);
                        ArrayOps.arraycopy(src, sp, dst, dp, len);
                        String what = k + " " + sm + "->" + dm + " " + sp + "," + dp + "," + len;
                        assertContents(dstOracle, dst, what);
                        assertContents(srcOracle, src, what);
                    }
                }
            }
        }
    }

    @Test
    void overlappingCopiesWithinOneArrayAreSafeBothWays() {
        Random r = new Random(2);
        for (Kind k : new Kind[] {Kind.BYTE, Kind.CHAR, Kind.INT, Kind.DOUBLE}) {
            int perPage = ArrayTestMemory.PAGE >> k.shift;
            int n = 5 * perPage + 17; // several pages
            for (Mode m : new Mode[] {Mode.LOCAL, Mode.REMOTE}) {
                Object oracle = Elements.random(k, n, r);
                Object a = make(m, oracle);
                int[] shifts = {1, 3, perPage - 1, perPage, perPage + 1, 2 * perPage + 5};
                for (int d : shifts) {
                    for (int sign : new int[] {1, -1}) {
                        int len = n - d - r.nextInt(7);
                        int sp = sign > 0 ? r.nextInt(n - len - d + 1) : d + r.nextInt(n - len - d + 1);
                        int dp = sp + sign * d;
                        System.arraycopy(oracle, sp, oracle, dp, len);
                        ArrayOps.arraycopy(a, sp, a, dp, len);
                        assertContents(oracle, a, k + " " + m + " arraycopy(a, " + sp + ", a, " + dp + ", " + len + ")");
                    }
                }
                ArrayOps.arraycopy(a, 3, a, 3, n - 3); // onto itself
                assertContents(oracle, a);
            }
        }
    }

    @Test
    void overlappingCopiesInAnArrayLargerThanTheCache() {
        int n = 128 * 1024; // twice the cache
        byte[] oracle = new byte[n];
        new Random(3).nextBytes(oracle);
        ByteArray a = (ByteArray) make(Mode.REMOTE, oracle);
        int before = mem.pagesWritten();
        System.arraycopy(oracle, 0, oracle, 1001, n - 1001 - 3);
        ArrayOps.arraycopy(a, 0, a, 1001, n - 1001 - 3);
        assertContents(oracle, a);
        System.arraycopy(oracle, 5000, oracle, 3, n - 5000);
        ArrayOps.arraycopy(a, 5000, a, 3, n - 5000);
        assertContents(oracle, a);
        assertTrue(mem.pagesWritten() > before, "the copies evicted pages");
    }

    /** Outcome of {@code System.arraycopy} on fresh JVM arrays, and that the destination is untouched on failure. */
    private String jvmOutcome(Object src, int sp, Object dst, int dp, int len) {
        Object d = dst != null && Kind.of(dst.getClass()) != null ? copy(dst) : dst;
        Object s = src != null && Kind.of(src.getClass()) != null ? copy(src) : src;
        return Elements.outcome(() -> {
            System.arraycopy(s, sp, d, dp, len);
            return null;
        });
    }

    private String ourOutcome(Mode sm, Object src, int sp, Mode dm, Object dst, int dp, int len) {
        Object s = src != null && Kind.of(src.getClass()) != null ? make(sm, src) : src;
        Object d = dst != null && Kind.of(dst.getClass()) != null ? make(dm, dst) : dst;
        String outcome = Elements.outcome(() -> {
            ArrayOps.arraycopy(s, sp, d, dp, len);
            return null;
        });
        if (outcome.startsWith("throws") && d != dst) {
            assertContents(dst, d); // a failed copy writes nothing
        }
        return outcome;
    }

    @Test
    void badPositionsAndLengthsFailWithTheJvmsMessages() {
        int[] positions = {-1, 0, 2, 3, 5, 6, 7, 8, Integer.MIN_VALUE, Integer.MAX_VALUE};
        int[] lengths = {-1, 0, 2, 3, 5, 6, 7, 8, Integer.MIN_VALUE, Integer.MAX_VALUE};
        Mode[][] combos = {{Mode.LOCAL, Mode.LOCAL}, {Mode.REMOTE, Mode.REMOTE}, {Mode.LOCAL, Mode.REMOTE},
                {Mode.REMOTE, Mode.LOCAL}, {Mode.JVM, Mode.REMOTE}, {Mode.REMOTE, Mode.JVM}};
        for (Kind k : new Kind[] {Kind.INT, Kind.BOOLEAN, Kind.DOUBLE}) {
            Object src = Elements.random(k, 5, new Random(4));
            Object dst = Elements.random(k, 7, new Random(5));
            for (Mode[] modes : combos) {
                for (int sp : positions) {
                    for (int dp : positions) {
                        for (int len : lengths) {
                            String expected = jvmOutcome(src, sp, dst, dp, len);
                            assertEquals(expected, ourOutcome(modes[0], src, sp, modes[1], dst, dp, len),
                                    k + " " + modes[0] + "->" + modes[1] + " arraycopy(src, " + sp + ", dst, " + dp
                                            + ", " + len + ")");
                        }
                    }
                }
            }
        }
    }

    @Test
    void typeMismatchesFailWithTheJvmsMessages() {
        for (Kind sk : Kind.values()) {
            for (Kind dk : Kind.values()) {
                if (sk == dk) {
                    continue;
                }
                Object src = sk.newJvmArray(4);
                Object dst = dk.newJvmArray(4);
                for (int[] args : new int[][] {{0, 0, 1}, {-1, 0, 1}, {0, 9, -4}}) {
                    String expected = jvmOutcome(src, args[0], dst, args[1], args[2]);
                    assertTrue(expected.contains("type mismatch"), expected);
                    for (Mode[] modes : new Mode[][] {{Mode.REMOTE, Mode.REMOTE}, {Mode.LOCAL, Mode.REMOTE},
                            {Mode.JVM, Mode.REMOTE}, {Mode.REMOTE, Mode.JVM}, {Mode.LOCAL, Mode.LOCAL}}) {
                        assertEquals(expected, ourOutcome(modes[0], src, args[0], modes[1], dst, args[1], args[2]),
                                sk + " into " + dk + " " + Arrays.toString(args) + " " + Arrays.toString(modes));
                    }
                }
            }
        }
    }

    @Test
    void objectArraysAndNonArraysFailWithTheJvmsMessages() {
        Object[] others = {new Object[3], new String[3], new int[3][], new long[2][2], "not an array", 42, null};
        for (Kind k : Kind.values()) {
            Object prim = k.newJvmArray(3);
            for (Object other : others) {
                // the JVM's message for the plain program: with a 2-D array where a handle array now is
                Object ours = other instanceof Object[] o && ArrayBoundary.handleClassOf(o.getClass()) != o.getClass()
                        ? ArrayBoundary.wrap(other) : other;
                for (Mode m : new Mode[] {Mode.LOCAL, Mode.REMOTE}) {
                    for (int[] args : new int[][] {{0, 0, 1}, {-1, 0, 1}, {0, 0, -1}}) {
                        String into = jvmOutcome(prim, args[0], other, args[1], args[2]);
                        assertEquals(into, ourOutcome(m, prim, args[0], Mode.JVM, ours, args[1], args[2]),
                                k + "[] into " + other);
                        String from = jvmOutcome(other, args[0], prim, args[1], args[2]);
                        assertEquals(from, ourOutcome(Mode.JVM, ours, args[0], m, prim, args[1], args[2]),
                                other + " into " + k + "[]");
                    }
                }
            }
        }
        assertEquals(jvmOutcome(null, 0, null, 0, 1), ourOutcome(Mode.JVM, null, 0, Mode.JVM, null, 0, 1));
    }

    @Test
    void copyOfAndCopyOfRangeAreTheJdks() throws Exception {
        Random r = new Random(6);
        for (Kind k : Kind.values()) {
            int n = (6000 >> k.shift) + 1;
            Object oracle = Elements.random(k, n, r);
            for (Mode m : new Mode[] {Mode.LOCAL, Mode.REMOTE}) {
                PrimitiveArray a = (PrimitiveArray) make(m, oracle);
                for (int newLength : new int[] {0, 1, n - 1, n, n + 1, 3 * n, -1, Integer.MIN_VALUE}) {
                    assertSameResult(jdk("copyOf", oracle, newLength), Elements.outcome(() -> ArrayOps.copyOf(a, newLength)),
                            () -> ArrayOps.copyOf(a, newLength), k + " copyOf " + newLength);
                }
                int[][] ranges = {{0, n}, {1, n - 1}, {0, 0}, {n, n}, {n - 1, n + 5}, {3, 2 * n}, {n + 1, n + 2},
                        {-1, 3}, {3, 2}, {n + 2, n + 1}, {0, Integer.MIN_VALUE}};
                for (int[] range : ranges) {
                    assertSameResult(jdk("copyOfRange", oracle, range[0], range[1]),
                            Elements.outcome(() -> ArrayOps.copyOfRange(a, range[0], range[1])),
                            () -> ArrayOps.copyOfRange(a, range[0], range[1]), k + " copyOfRange " + Arrays.toString(range));
                }
                assertContents(oracle, a);
            }
        }
    }

    /** A result (a JVM array) or an exception's outcome, from the JDK's {@code Arrays} on a JVM array. */
    private static Object jdk(String method, Object jvm, int... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length + 1];
        Object[] values = new Object[args.length + 1];
        types[0] = jvm.getClass();
        values[0] = copy(jvm);
        for (int i = 0; i < args.length; i++) {
            types[i + 1] = int.class;
            values[i + 1] = args[i];
        }
        try {
            return Arrays.class.getMethod(method, types).invoke(null, values);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            return "throws " + c.getClass().getName() + ": " + c.getMessage();
        }
    }

    private void assertSameResult(Object expected, String ourOutcome, Elements.Call ours, String what) {
        if (expected instanceof String failure) {
            assertEquals(failure, ourOutcome, what);
            return;
        }
        assertTrue(ourOutcome.startsWith("returns"), what + ": " + ourOutcome);
        PrimitiveArray copy;
        try {
            copy = (PrimitiveArray) ours.call();
        } catch (Throwable e) {
            throw new AssertionError(what, e);
        }
        if (copy.length > 0) {
            assertTrue(Elements.isRemote(copy), what + ": a new array is made by the memory, remote here");
        }
        assertContents(expected, copy, what);
    }

    private Object remote(Object jvm) {
        return make(Mode.REMOTE, jvm);
    }

    @Test
    void deepMethodsSeeHandlesAsTheirJvmArrays() {
        Object[] jvm = {new int[] {1, 2, 3}, "s", new Object[] {new long[] {4, 5}, null, new boolean[][] {{true}, {false, true}}},
                new int[][] {{1}, {2, 3}, null}, null, 5, new double[] {1.5, -0.0}, new char[] {'h', 'i'},
                new float[0], new short[][][] {{{1, 2}}}};
        Object[] handles = build(jvm);
        Object[] again = build(jvm);
        assertEquals(Arrays.deepToString(jvm), ArrayOps.deepToString(handles));
        assertEquals(Arrays.deepHashCode(jvm), ArrayOps.deepHashCode(handles));
        assertTrue(ArrayOps.deepEquals(handles, again));
        assertTrue(ArrayOps.deepEquals(handles, handles));
        assertTrue(ArrayOps.deepEquals(handles, jvm), "a handle equals a JVM array of the same elements");

        // a difference deep down
        LongArray deep = (LongArray) ((Object[]) again[2])[0];
        ArrayAccess.putLong(deep, 1, 6, t);
        assertFalse(ArrayOps.deepEquals(handles, again));
        assertFalse(ArrayOps.deepEquals(again, jvm));

        // the 2-D handle array itself
        IntArray[] rows = (IntArray[]) handles[3];
        assertEquals(Arrays.deepToString((Object[]) jvm[3]), ArrayOps.deepToString(rows));
        assertEquals(Arrays.deepHashCode((Object[]) jvm[3]), ArrayOps.deepHashCode(rows));
        assertTrue(ArrayOps.deepEquals(rows, (Object[]) jvm[3]));
        assertFalse(ArrayOps.deepEquals(rows, new int[][] {{1}, {2, 4}, null}));

        assertEquals(Arrays.deepToString(null), ArrayOps.deepToString(null));
        assertEquals(Arrays.deepHashCode(null), ArrayOps.deepHashCode(null));
        assertTrue(ArrayOps.deepEquals(null, null));
        assertFalse(ArrayOps.deepEquals(handles, null));
        assertFalse(ArrayOps.deepEquals(null, handles));
    }

    @Test
    void deepToStringOfACycle() {
        Object[] jvm = {new int[] {1, 2}, null, "x"};
        jvm[1] = jvm;
        Object[] handles = {remote(new int[] {1, 2}), null, "x"};
        handles[1] = handles;
        Object[] outer = {handles, remote(new byte[] {7})};
        Object[] jvmOuter = {jvm, new byte[] {7}};
        assertEquals(Arrays.deepToString(jvm), ArrayOps.deepToString(handles));
        assertEquals("[[1, 2], [...], x]", ArrayOps.deepToString(handles));
        assertEquals(Arrays.deepToString(jvmOuter), ArrayOps.deepToString(outer));
    }

    @Test
    void deepMethodsSeeRefArraysAsTheirJvmArrays() {
        Object[] jvm = {new int[][] {{1}, null}, "s", new String[][] {{"a"}, {}}, null, new Object[] {new long[] {2}}};
        Object refs = refArrayOf(jvm);
        Object again = refArrayOf(jvm);
        assertEquals(Arrays.deepToString(jvm), ArrayOps.deepToString(refs));
        assertEquals(Arrays.deepHashCode(jvm), ArrayOps.deepHashCode(refs));
        assertTrue(ArrayOps.deepEquals(refs, again));
        assertTrue(ArrayOps.deepEquals(refs, jvm));
        assertTrue(ArrayOps.deepEquals(new Object[] {refs}, new Object[] {jvm}), "inside a JVM array");
        RefArray grid = (RefArray) ((RefArray) again).get(2);
        ((RefArray) grid.get(0)).set(0, "b");
        assertFalse(ArrayOps.deepEquals(refs, again));

        RefArray cycle = ArrayMemory.get().newRemote(Object[].class, 2);
        cycle.set(0, cycle);
        cycle.set(1, "x");
        assertEquals("[[...], x]", ArrayOps.deepToString(cycle));
    }

    /** {@code jvm} as RefArrays at every reference level, with remote handles for primitive arrays. */
    private Object refArrayOf(Object[] jvm) {
        RefArray a = ArrayMemory.get().newRemote(jvm.getClass(), jvm.length);
        for (int i = 0; i < jvm.length; i++) {
            Object e = jvm[i];
            a.set(i, e == null ? null : Kind.of(e.getClass()) != null ? remote(e) : e instanceof Object[] o ? refArrayOf(o) : e);
        }
        return a;
    }

    /** The value rewritten code holds for {@code jvm}: remote handles for primitive arrays at any depth. */
    private Object[] build(Object[] jvm) {
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(
                ArrayBoundary.handleClassOf(jvm.getClass().getComponentType()), jvm.length);
        for (int i = 0; i < jvm.length; i++) {
            Object e = jvm[i];
            out[i] = e == null ? null : Kind.of(e.getClass()) != null ? remote(e) : e instanceof Object[] o ? build(o) : e;
        }
        assertNotSame(jvm, out);
        return out;
    }

    /** {@code Arrays.equals/hashCode} of integral kinds read elements where they are; the JDK's answers, every mode pair. */
    @Test
    void equalsAndHashCodeOfIntegralKindsAreTheJdks() throws Exception {
        Random r = new Random(5);
        for (Kind k : new Kind[] {Kind.BOOLEAN, Kind.BYTE, Kind.SHORT, Kind.CHAR, Kind.INT, Kind.LONG}) {
            for (int length : new int[] {0, 1, 7, 8, 9, 5000}) {
                Object jvm = Elements.random(k, length, r);
                Object same = copy(jvm);
                Object other = copy(jvm);
                if (length > 0) {
                    int at = r.nextInt(length);
                    Elements.put(other, at, Elements.bits(other, at) ^ 1);
                }
                int expectedHash = (int) java.util.Arrays.class.getMethod("hashCode", k.jvmClass).invoke(null, jvm);
                for (Mode ma : new Mode[] {Mode.LOCAL, Mode.REMOTE}) {
                    PrimitiveArray a = (PrimitiveArray) make(ma, jvm);
                    assertEquals(expectedHash, ArrayOps.hashCode(a), k + "[" + length + "] " + ma);
                    for (Mode mb : new Mode[] {Mode.LOCAL, Mode.REMOTE}) {
                        String what = k + "[" + length + "] " + ma + "/" + mb;
                        assertTrue(ArrayOps.equals(a, (PrimitiveArray) make(mb, same)), what);
                        assertEquals(length == 0, ArrayOps.equals(a, (PrimitiveArray) make(mb, other)), what);
                    }
                    assertFalse(ArrayOps.equals(a, null));
                }
            }
        }
        assertTrue(ArrayOps.equals(null, null));
        assertEquals(0, ArrayOps.hashCode(null));
    }
}
