package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ArrayReflection} on handles against {@link java.lang.reflect.Array} on the equivalent JVM arrays. */
class ArrayReflectionTest {
    private static final int[] INDEXES = {0, 2, 4, 5, -1, Integer.MIN_VALUE};

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

    private interface Getter {
        Object get(Object array, int index) throws Throwable;
    }

    private interface Setter {
        void set(Object array, int index) throws Throwable;
    }

    private static Map<String, Getter[]> getters() {
        Map<String, Getter[]> g = new LinkedHashMap<>();
        g.put("get", new Getter[] {ArrayReflection::get, Array::get});
        g.put("getBoolean", new Getter[] {ArrayReflection::getBoolean, Array::getBoolean});
        g.put("getByte", new Getter[] {ArrayReflection::getByte, Array::getByte});
        g.put("getChar", new Getter[] {ArrayReflection::getChar, Array::getChar});
        g.put("getShort", new Getter[] {ArrayReflection::getShort, Array::getShort});
        g.put("getInt", new Getter[] {ArrayReflection::getInt, Array::getInt});
        g.put("getLong", new Getter[] {ArrayReflection::getLong, Array::getLong});
        g.put("getFloat", new Getter[] {ArrayReflection::getFloat, Array::getFloat});
        g.put("getDouble", new Getter[] {ArrayReflection::getDouble, Array::getDouble});
        return g;
    }

    private static Map<String, Setter[]> setters() {
        Map<String, Setter[]> s = new LinkedHashMap<>();
        Object[] boxes = {Boolean.TRUE, (byte) -1, (short) -2, 'c', 7, 8L, 1.5f, 2.5d, "x", null, new Object()};
        for (Object box : boxes) {
            s.put("set(" + (box == null ? "null" : box.getClass().getSimpleName()) + ")",
                    new Setter[] {(a, i) -> ArrayReflection.set(a, i, box), (a, i) -> Array.set(a, i, box)});
        }
        s.put("setBoolean", new Setter[] {(a, i) -> ArrayReflection.setBoolean(a, i, true), (a, i) -> Array.setBoolean(a, i, true)});
        s.put("setByte", new Setter[] {(a, i) -> ArrayReflection.setByte(a, i, (byte) -3), (a, i) -> Array.setByte(a, i, (byte) -3)});
        s.put("setChar", new Setter[] {(a, i) -> ArrayReflection.setChar(a, i, '\uffff'), (a, i) -> Array.setChar(a, i, '\uffff')});
        s.put("setShort", new Setter[] {(a, i) -> ArrayReflection.setShort(a, i, (short) -4), (a, i) -> Array.setShort(a, i, (short) -4)});
        s.put("setInt", new Setter[] {(a, i) -> ArrayReflection.setInt(a, i, -5), (a, i) -> Array.setInt(a, i, -5)});
        s.put("setLong", new Setter[] {(a, i) -> ArrayReflection.setLong(a, i, 1L << 40), (a, i) -> Array.setLong(a, i, 1L << 40)});
        s.put("setFloat", new Setter[] {(a, i) -> ArrayReflection.setFloat(a, i, -1.25f), (a, i) -> Array.setFloat(a, i, -1.25f)});
        s.put("setDouble", new Setter[] {(a, i) -> ArrayReflection.setDouble(a, i, Math.PI), (a, i) -> Array.setDouble(a, i, Math.PI)});
        return s;
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void gettersWidenAndFailAsTheJdks(boolean remote) {
        Tlb t = memory(remote);
        Random r = new Random(21);
        for (Kind k : Kind.values()) {
            Object jvm = Elements.random(k, 5, r);
            PrimitiveArray a = Elements.handleOf(jvm, t);
            assertEquals(remote, Elements.isRemote(a));
            for (Map.Entry<String, Getter[]> g : getters().entrySet()) {
                for (int i : INDEXES) {
                    Getter ours = g.getValue()[0];
                    Getter jdk = g.getValue()[1];
                    assertEquals(Elements.outcome(() -> jdk.get(jvm, i)), Elements.outcome(() -> ours.get(a, i)),
                            k + " " + g.getKey() + "(" + i + ")");
                }
            }
        }
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void settersWidenAndFailAsTheJdks(boolean remote) {
        Tlb t = memory(remote);
        Random r = new Random(22);
        for (Kind k : Kind.values()) {
            Object original = Elements.random(k, 5, r);
            for (Map.Entry<String, Setter[]> s : setters().entrySet()) {
                for (int i : INDEXES) {
                    Object jvm = copy(original);
                    PrimitiveArray a = Elements.handleOf(original, t);
                    Setter ours = s.getValue()[0];
                    Setter jdk = s.getValue()[1];
                    String what = k + " " + s.getKey() + " at " + i;
                    assertEquals(Elements.outcome(() -> {
                        jdk.set(jvm, i);
                        return null;
                    }), Elements.outcome(() -> {
                        ours.set(a, i);
                        return null;
                    }), what);
                    ArrayHandlesTest.assertOracle(jvm, a, t);
                }
            }
        }
    }

    private static Object copy(Object jvm) {
        int n = Array.getLength(jvm);
        Object c = Kind.of(jvm.getClass()).newJvmArray(n);
        System.arraycopy(jvm, 0, c, 0, n);
        return c;
    }

    @Test
    void otherArraysAreTheJdks() {
        Tlb t = memory(true);
        IntArray row = (IntArray) ArrayHandles.create(3, Kind.INT);
        IntArray[] rows = {row, null};
        assertSame(row, ArrayReflection.get(rows, 0));
        ArrayReflection.set(rows, 1, row);
        assertSame(row, rows[1]);
        assertEquals(2, ArrayReflection.getLength(rows));
        assertEquals(3, ArrayReflection.getLength(row));
        assertEquals(0, ArrayReflection.getLength(ArrayHandles.create(0, Kind.DOUBLE)));

        int[] jvm = {1, 2};
        ArrayReflection.setInt(jvm, 1, 5);
        assertEquals(5L, ArrayReflection.getLong(jvm, 1));
        String[] strings = {"a"};
        assertEquals("a", ArrayReflection.get(strings, 0));

        for (Object notArray : new Object[] {"x", 1, null}) {
            assertEquals(Elements.outcome(() -> Array.getLength(notArray)), Elements.outcome(() -> ArrayReflection.getLength(notArray)));
            assertEquals(Elements.outcome(() -> Array.get(notArray, 0)), Elements.outcome(() -> ArrayReflection.get(notArray, 0)));
            assertEquals(Elements.outcome(() -> Array.getInt(notArray, 0)), Elements.outcome(() -> ArrayReflection.getInt(notArray, 0)));
            assertEquals(Elements.outcome(() -> {
                Array.setInt(notArray, 0, 1);
                return null;
            }), Elements.outcome(() -> {
                ArrayReflection.setInt(notArray, 0, 1);
                return null;
            }));
        }
        ArrayReflection.setInt(row, 2, 9);
        assertEquals(9, ArrayAccess.getInt(row, 2, t));
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void newInstanceMakesWhatRewrittenCodeHolds(boolean remote) {
        memory(remote);
        Object ints = ArrayReflection.newInstance(int.class, 4);
        assertSame(IntArray.class, ints.getClass());
        assertEquals(4, ((IntArray) ints).length);
        assertEquals(remote, Elements.isRemote((IntArray) ints));
        assertSame(IntArray[].class, ArrayReflection.newInstance(int[].class, 4).getClass());
        assertSame(String[].class, ArrayReflection.newInstance(String.class, 4).getClass());
        assertSame(remote ? RefArray.class : Object[].class, ArrayReflection.newInstance(Object.class, 4).getClass());
        assertSame(RefArray.class, ArrayReflection.newInstance(String[].class, 0).getClass(), "an array of arrays");

        Object[][] forms = {
            {int.class, new int[] {4}}, {int.class, new int[] {2, 3}}, {int[].class, new int[] {2, 3}},
            {boolean.class, new int[] {2, 0, 1}}, {double[].class, new int[] {1}}, {String.class, new int[] {2, 3}},
            {Object.class, new int[] {1, 2}}, {char.class, new int[] {0, 3}},
        };
        for (Object[] form : forms) {
            Class<?> component = (Class<?>) form[0];
            int[] dims = (int[]) form[1];
            Object jdk = Array.newInstance(component, dims);
            Object ours = ArrayReflection.newInstance(component, dims);
            String what = component.getName() + " " + Arrays.toString(dims);
            assertSame(jdk.getClass(), ArrayBoundary.classOf(ours), what);
            assertSame(formOf(jdk.getClass(), remote), ours.getClass(), what);
            assertTrue(Arrays.deepEquals(new Object[] {jdk}, new Object[] {ArrayBoundary.toJvm(ours)}), what);
        }
    }

    /**
     * The class of a new array of plain class {@code type}: a RefArray for an array of reference arrays,
     * and for one that may hold remote objects unless small; else its JVM array of handles.
     */
    private static Class<?> formOf(Class<?> type, boolean remote) {
        Class<?> component = type.getComponentType();
        boolean ofReferenceArrays = component.isArray() && Kind.of(component) == null;
        boolean mayHoldRemote = component == Object.class || component.isInterface();
        return ofReferenceArrays || remote && mayHoldRemote ? RefArray.class : ArrayBoundary.handleClassOf(type);
    }

    @Test
    void aRefArrayIsReadAndWrittenAsTheJdkDoesItsPlainArray() {
        memory(true);
        Object[] jvm = {"a", null, "c", 4, 5.0};
        RefArray a = ArrayMemory.get().newRemote(Object[].class, 5);
        for (int i = 0; i < jvm.length; i++) {
            a.set(i, jvm[i]);
        }
        assertEquals(5, ArrayReflection.getLength(a));
        for (Map.Entry<String, Getter[]> g : getters().entrySet()) {
            for (int i : INDEXES) {
                Getter ours = g.getValue()[0];
                Getter jdk = g.getValue()[1];
                assertEquals(Elements.outcome(() -> jdk.get(jvm, i)), Elements.outcome(() -> ours.get(a, i)),
                        g.getKey() + "(" + i + ")");
            }
        }
        for (Map.Entry<String, Setter[]> st : setters().entrySet()) {
            for (int i : INDEXES) {
                String[] plain = {"a", "b", "c", "d", "e"};
                RefArray strings = ArrayMemory.get().newRemote(String[].class, 5);
                for (int k = 0; k < plain.length; k++) {
                    strings.set(k, plain[k]);
                }
                assertEquals(Elements.outcome(() -> {
                    st.getValue()[1].set(plain, i);
                    return null;
                }), Elements.outcome(() -> {
                    st.getValue()[0].set(strings, i);
                    return null;
                }), st.getKey() + " at " + i);
                assertTrue(Arrays.equals(plain, (Object[]) ArrayBoundary.toJvm(strings)), st.getKey() + " at " + i);
            }
        }
        RefArray rows = ArrayMemory.get().newRemote(int[][].class, 1);
        IntArray row = (IntArray) ArrayHandles.create(2, Kind.INT);
        ArrayReflection.set(rows, 0, row);
        assertSame(row, ArrayReflection.get(rows, 0));
        assertEquals("array element type mismatch", assertThrows(IllegalArgumentException.class,
                () -> ArrayReflection.set(rows, 0, ArrayHandles.create(2, Kind.LONG))).getMessage());
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void newInstanceFailsAsTheJdks(boolean remote) {
        memory(remote);
        Object[][] singles = {{int.class, -3}, {String.class, -3}, {void.class, 2}, {void.class, -1}, {long.class, Integer.MIN_VALUE}};
        for (Object[] s : singles) {
            Class<?> c = (Class<?>) s[0];
            int n = (Integer) s[1];
            assertEquals(Elements.outcome(() -> Array.newInstance(c, n)), Elements.outcome(() -> ArrayReflection.newInstance(c, n)),
                    c + " " + n);
        }
        Object[][] multis = {{int.class, new int[] {2, -3}}, {int.class, new int[] {-1, -3}}, {int[].class, new int[] {0, -3}},
            {String.class, new int[] {2, -3}}, {void.class, new int[] {2}}, {void.class, new int[] {2, -1}}};
        for (Object[] m : multis) {
            Class<?> c = (Class<?>) m[0];
            int[] dims = (int[]) m[1];
            assertEquals(Elements.outcome(() -> Array.newInstance(c, dims)),
                    Elements.outcome(() -> ArrayReflection.newInstance(c, dims)), c + " " + Arrays.toString(dims));
        }
        // no dimensions: the same exception (the JDK gives no message)
        assertThrows(IllegalArgumentException.class, () -> Array.newInstance(int.class, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ArrayReflection.newInstance(int.class, new int[0]));
        assertThrows(NullPointerException.class, () -> ArrayReflection.newInstance(null, 1));
        assertEquals("remote_arrays=0 remote_array_bytes=0", mem.memory.summary());
    }
}
