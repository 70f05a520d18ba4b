package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.objects.LocalObjects;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code System.arraycopy} of reference arrays in every form ({@link ArrayOps#arraycopy}), against
 * the JVM's on the plain arrays: contents, exceptions and messages, and what a failed copy stored.
 */
class ReferenceArrayCopyTest {
    private enum Form {
        JVM, REMOTE, PINNED
    }

    private static final Form[] FORMS = Form.values();

    private ArrayTestMemory mem;

    @BeforeEach
    void install() {
        mem = ArrayTestMemory.install(16, 0); // 64 KiB of cache; every new array is remote
    }

    @AfterEach
    void close() {
        mem.close();
    }

    /** An array of {@code form} with the class and elements of {@code plain} (plain values only), not sharing it. */
    private static Object make(Form form, Object[] plain) {
        if (form == Form.JVM) {
            return plain.clone();
        }
        RefArray a = ArrayMemory.get().newRemote(plain.getClass(), plain.length);
        for (int i = 0; i < plain.length; i++) {
            a.set(i, plain[i]);
        }
        if (form == Form.PINNED) {
            ArrayBoundary.pin(a);
        }
        return a;
    }

    private static Object[] contents(Object array) {
        return (Object[]) ArrayBoundary.toJvm(array);
    }

    private static String[] strings(int n, String prefix) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = i % 7 == 3 ? null : prefix + i;
        }
        return s;
    }

    private static String jvmOutcome(Object src, int sp, Object dst, int dp, int len) {
        return Elements.outcome(() -> {
            System.arraycopy(src, sp, dst, dp, len);
            return null;
        });
    }

    private static String ourOutcome(Object src, int sp, Object dst, int dp, int len) {
        return Elements.outcome(() -> {
            ArrayOps.arraycopy(src, sp, dst, dp, len);
            return null;
        });
    }

    @Test
    void everyFormCombinationCopiesAsTheJvm() {
        Random r = new Random(1);
        Object[][] pairs = {{strings(9000, "s"), strings(7000, "d")}, {strings(9000, "s"), new Object[7000]},
            {new Object[] {"a", "b", null, "c"}, new CharSequence[6]}};
        for (Object[] pair : pairs) {
            for (Form sf : FORMS) {
                for (Form df : FORMS) {
                    Object[] srcOracle = ((Object[]) pair[0]).clone();
                    Object[] dstOracle = ((Object[]) pair[1]).clone();
                    Object src = make(sf, srcOracle);
                    Object dst = make(df, dstOracle);
                    int sl = srcOracle.length;
                    int dl = dstOracle.length;
                    for (int trial = 0; trial < 6; trial++) {
                        int len = trial == 0 ? Math.min(sl, dl) : trial == 1 ? 0 : r.nextInt(Math.min(sl, dl) + 1);
                        int sp = r.nextInt(sl - len + 1);
                        int dp = r.nextInt(dl - len + 1);
                        System.arraycopy(srcOracle, sp, dstOracle, dp, len);
                        ArrayOps.arraycopy(src, sp, dst, dp, len);
                        String what = sf + "->" + df + " " + sp + "," + dp + "," + len;
                        assertArrayEquals(dstOracle, contents(dst), what);
                        assertArrayEquals(srcOracle, contents(src), what);
                    }
                }
            }
        }
        assertTrue(mem.pagesWritten() > 0, "the cache evicted");
    }

    @Test
    void overlappingCopiesWithinOneArrayAreSafeBothWays() {
        int n = 3 * 512 + 17; // three pages of references and some
        for (Form f : FORMS) {
            String[] oracle = strings(n, "e");
            Object a = make(f, oracle);
            for (int d : new int[] {1, 3, 511, 512, 513, 1029}) {
                for (int sign : new int[] {1, -1}) {
                    int len = n - d - 5;
                    int sp = sign > 0 ? 2 : d + 3;
                    int dp = sp + sign * d;
                    System.arraycopy(oracle, sp, oracle, dp, len);
                    ArrayOps.arraycopy(a, sp, a, dp, len);
                    assertArrayEquals(oracle, contents(a), f + " arraycopy(a, " + sp + ", a, " + dp + ", " + len + ")");
                }
            }
            ArrayOps.arraycopy(a, 3, a, 3, n - 3);
            assertArrayEquals(oracle, contents(a), "onto itself");
        }
    }

    @Test
    void badPositionsAndLengthsFailWithTheJvmsMessages() {
        int[] positions = {-1, 0, 2, 5, 6, 7, 8, Integer.MIN_VALUE, Integer.MAX_VALUE};
        String[] src = strings(5, "s");
        String[] dst = strings(7, "d");
        for (Form sf : FORMS) {
            for (Form df : FORMS) {
                Object s = make(sf, src);
                Object d = make(df, dst);
                for (int sp : positions) {
                    for (int dp : positions) {
                        for (int len : positions) {
                            String what = sf + "->" + df + " arraycopy(src, " + sp + ", dst, " + dp + ", " + len + ")";
                            Object[] before = contents(d);
                            String ours = ourOutcome(s, sp, d, dp, len);
                            assertEquals(jvmOutcome(src.clone(), sp, dst.clone(), dp, len), ours, what);
                            if (ours.startsWith("throws")) {
                                assertArrayEquals(before, contents(d), what + ": a failed copy stores nothing");
                            }
                        }
                    }
                }
            }
        }
    }

    /** Element checks: the elements before the one that fails are stored, then the JVM's message. */
    @Test
    void elementsThatDoNotFitFailAfterTheOnesBeforeThemWereCopied() {
        Object[][][] cases = {
            {{"a", "b", 1, "c"}, new String[5]}, // element type mismatch
            {new String[] {null, "x"}, new Integer[3]}, // no common elements: type mismatch
            {new String[] {null, null}, new Integer[3]}, // nulls fit anywhere
            {new CharSequence[] {"a", new StringBuilder("b")}, new String[3]},
            {new Object[] {new Object[0], "a"}, new Object[3][]},
        };
        for (Object[][] c : cases) {
            for (Form sf : FORMS) {
                for (Form df : new Form[] {Form.JVM, Form.REMOTE}) {
                    Object[] jvmDst = c[1].clone();
                    String expected = jvmOutcome(c[0].clone(), 0, jvmDst, 1, c[0].length);
                    Object dst = make(df, c[1]);
                    String what = Arrays.toString(c[0]) + " into " + c[1].getClass().getSimpleName() + " " + sf + "->" + df;
                    assertEquals(expected, ourOutcome(make(sf, c[0]), 0, dst, 1, c[0].length), what);
                    assertArrayEquals(jvmDst, contents(dst), what);
                }
            }
        }
    }

    /** The plain program's classes in the messages, where handles stand for its arrays. */
    @Test
    void handlesAreNamedByThePlainClasses() {
        Object[][] plain = {
            {new Object[] {new int[1]}, new long[1][]},
            {new Object[] {"s", new int[1][]}, new String[2]},
            {new int[][] {new int[2]}, new long[1][]},
            {new Object[] {new String[0][]}, new Integer[1][]},
        };
        for (Object[] p : plain) {
            String expected = jvmOutcome(p[0], 0, p[1], 0, ((Object[]) p[0]).length);
            assertTrue(expected.contains("mismatch"), expected);
            for (Form sf : new Form[] {Form.JVM, Form.REMOTE}) {
                for (Form df : new Form[] {Form.JVM, Form.REMOTE}) {
                    Object src = rewritten(sf, (Object[]) p[0]);
                    Object dst = rewritten(df, (Object[]) p[1]);
                    assertEquals(expected, ourOutcome(src, 0, dst, 0, ((Object[]) p[0]).length),
                            Arrays.deepToString(p) + " " + sf + "->" + df);
                }
            }
        }
        // a row of a RefArray of rows goes into a JVM array of rows, and back
        Object rows = rewritten(Form.REMOTE, new int[][] {{1}, {2, 3}});
        Object[] objects = new Object[2];
        ArrayOps.arraycopy(rows, 0, objects, 0, 2);
        assertSame(RefArrays.load(rows, 1), objects[1]);
        IntArray[] jvmRows = new IntArray[2];
        ArrayOps.arraycopy(objects, 0, jvmRows, 0, 2);
        assertSame(objects[0], jvmRows[0]);
    }

    /**
     * What rewritten code holds for a plain array: handles for primitive arrays, and a JVM array of
     * the handle class ({@link Form#JVM}) or a RefArray ({@link Form#REMOTE}) for a reference array.
     */
    private static Object rewritten(Form form, Object[] plain) {
        Class<?> component = ArrayBoundary.handleClassOf(plain.getClass().getComponentType());
        Object array = form == Form.JVM ? java.lang.reflect.Array.newInstance(component, plain.length)
                : RefArrays.create(plain.length, plain.getClass());
        for (int i = 0; i < plain.length; i++) {
            Object e = plain[i];
            RefArrays.store(array, i, e instanceof Object[] rows && rows.getClass().getComponentType().isArray()
                    ? rewritten(Form.REMOTE, rows) : ArrayBoundary.wrap(e));
        }
        return array;
    }

    @Test
    void otherArraysAndNonArraysFailWithTheJvmsMessages() {
        Object[] others = {new int[3], new double[3], "not an array", 42};
        for (Object other : others) {
            Object ours = ArrayBoundary.wrap(other);
            for (Form f : new Form[] {Form.REMOTE, Form.PINNED}) {
                for (int[] args : new int[][] {{0, 0, 1}, {-1, 0, 1}, {0, 0, -1}}) {
                    Object refs = make(f, new String[3]);
                    assertEquals(jvmOutcome(new String[3], args[0], other, args[1], args[2]),
                            ourOutcome(refs, args[0], ours, args[1], args[2]), "into " + other);
                    assertEquals(jvmOutcome(other, args[0], new String[3], args[1], args[2]),
                            ourOutcome(ours, args[0], refs, args[1], args[2]), "from " + other);
                }
            }
        }
        Object refs = make(Form.REMOTE, new String[3]);
        assertEquals(jvmOutcome(null, 0, new String[3], 0, 1), ourOutcome(null, 0, refs, 0, 1));
        assertEquals(jvmOutcome(new String[3], 0, null, 0, 1), ourOutcome(refs, 0, null, 0, 1));
    }

    @Test
    void aRemoteArrayCannotBeCopiedIntoAJvmArrayOfArraysThatJdkCodeMade() {
        Object[] rows = {new String[] {"x"}, ArrayMemory.get().newRemote(String[].class, 1)};
        String[][] jdk = new String[2][];
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> ArrayOps.arraycopy(rows, 0, jdk, 0, 2));
        assertTrue(e.getMessage().contains("JDK code"), e.getMessage());
        assertSame(rows[0], jdk[0], "the rows before it were copied");
    }

    /** A copy between remote arrays counts each local object it copies: freeing both gives all back. */
    @Test
    void copiedReferencesAreCountedAsStores() {
        int before = LocalObjects.size();
        RefArray src = (RefArray) make(Form.REMOTE, Arrays.copyOf(strings(100, "c"), 200));
        RefArray dst = ArrayMemory.get().newRemote(Object[].class, 100);
        ArrayOps.arraycopy(src, 0, dst, 0, 100);
        ArrayOps.arraycopy(src, 0, src, 100, 100); // into nulls: a reference overwritten keeps its count
        src.block.enqueue();
        dst.block.enqueue();
        RefArrays.create(1, Object[].class); // dead blocks are freed on an allocation
        assertEquals(before, LocalObjects.size());
    }
}
