package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import io.legoj.runtime.objects.Handles;
import io.legoj.runtime.objects.LocalObjects;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A remote reference array: its elements through a cache that evicts, its checks, its header. */
class RefArrayTest {
    private ArrayTestMemory mem;
    private Tlb t;

    @BeforeEach
    void install() {
        mem = ArrayTestMemory.install(4, 0); // four pages of cache; every new array is remote
        t = mem.tlb();
    }

    @AfterEach
    void close() {
        mem.close();
    }

    private static RefArray refArray(Class<?> type, int length) {
        return ArrayMemory.get().newRemote(type, length);
    }

    @Test
    void everyFormOfElementComesBackAsItWasStored() {
        int n = 6000; // 47 KiB of references, three times the cache
        RefArray a = refArray(Object[].class, n);
        Object[] stored = new Object[n];
        for (int i = 0; i < n; i++) {
            stored[i] = switch (i % 6) {
                case 0 -> "s" + i;
                case 1 -> ArrayHandles.create(1 + i % 50, Kind.INT);
                case 2 -> refArray(String[].class, 2);
                case 3 -> null;
                case 4 -> new String[] {"jvm"};
                default -> i;
            };
            a.set(i, stored[i]);
        }
        assertTrue(mem.pagesWritten() > 0, "the cache evicted");
        for (int i = 0; i < n; i++) {
            assertSame(stored[i], a.get(i), "element " + i);
        }
    }

    @Test
    void nestedArraysAreReachedThroughTheirContainers() {
        RefArray grid = refArray(String[][].class, 3);
        RefArray row = refArray(String[].class, 2);
        grid.set(1, row);
        row.set(0, "x");
        assertEquals("x", ((RefArray) grid.get(1)).get(0));
        RefArray rows = refArray(int[][].class, 2);
        IntArray ints = (IntArray) ArrayHandles.create(3, Kind.INT);
        ArrayAccess.putInt(ints, 2, 42, t);
        rows.set(0, ints);
        assertEquals(42, ArrayAccess.getInt((IntArray) rows.get(0), 2, t));
        assertNull(rows.get(1));
    }

    /** A ring of buffers: each array it held is given back when overwritten, so its block can be freed. */
    @Test
    void arraysOverwrittenInARingAreGivenBack() {
        RefArray ring = refArray(int[][].class, 4);
        int before = LocalObjects.size();
        IntArray last = null;
        for (int k = 0; k < 1000; k++) {
            last = (IntArray) ArrayHandles.create(8, Kind.INT);
            ring.set(k & 3, last);
        }
        assertEquals(before + 4, LocalObjects.size(), "only the arrays the ring holds now");
        assertSame(last, ring.get(3));
        assertNotNull(last.block, "not kept for good: its block is freed when its handle dies");
        ArrayOps.arraycopy(ring, 0, ring, 1, 3);
        assertEquals(before + 3, LocalObjects.size(), "the copy gave back the array it overwrote");
        assertSame(ring.get(0), ring.get(1));
    }

    @Test
    void badIndexesFailAsOnTheJvmArray() {
        RefArray a = refArray(String[].class, 3);
        String[] jvm = new String[3];
        for (int i : new int[] {3, 5, -1, Integer.MIN_VALUE}) {
            assertEquals(Elements.outcome(() -> jvm[i]), Elements.outcome(() -> a.get(i)));
            assertEquals(Elements.outcome(() -> jvm[i] = "x"), Elements.outcome(() -> {
                a.set(i, "x");
                return "x";
            }));
        }
    }

    @Test
    void storesAreCheckedAsTheJvmChecksThePlainArray() {
        Object[][] cases = {
            {String[].class, 1}, {String[].class, new int[1]}, {String[].class, new String[1][]}, {String[].class, "ok"},
            {CharSequence[].class, "ok"}, {CharSequence[].class, new Object()}, {int[][].class, new long[1]},
            {int[][].class, new int[2]}, {int[][].class, "s"}, {Object[].class, new int[1][1]},
            {String[][].class, new String[1]}, {String[][].class, new Object[1]}, {Object[][].class, new String[1][]},
        };
        for (Object[] c : cases) {
            Class<?> type = (Class<?>) c[0];
            Object plain = c[1];
            Object[] jvm = (Object[]) java.lang.reflect.Array.newInstance(type.getComponentType(), 2);
            RefArray a = refArray(type, 2);
            Object value = rewrittenForm(plain);
            String what = type.getSimpleName() + " <- " + plain.getClass().getSimpleName();
            assertEquals(Elements.outcome(() -> jvm[1] = plain), Elements.outcome(() -> {
                a.set(1, value);
                return plain;
            }), what);
            assertEquals(Elements.outcome(() -> jvm[7] = plain), Elements.outcome(() -> {
                a.set(7, value);
                return plain;
            }), what + ": the index is checked first");
        }
    }

    /** What rewritten code holds for a plain value: handles for primitive arrays, RefArrays for arrays of arrays. */
    private static Object rewrittenForm(Object plain) {
        if (plain instanceof Object[] rows && rows.getClass().getComponentType().isArray()) {
            RefArray a = refArray(rows.getClass(), rows.length);
            for (int i = 0; i < rows.length; i++) {
                a.set(i, rewrittenForm(rows[i]));
            }
            return a;
        }
        return plain != null && Kind.of(plain.getClass()) != null ? ArrayBoundary.wrap(plain) : plain;
    }

    @Test
    void aHandleReCreatedFromTheHeaderIsTheSameArray() {
        RefArray a = refArray(int[][].class, 700); // two pages
        IntArray row = (IntArray) ArrayHandles.create(4, Kind.INT);
        a.set(699, row);
        a.block.keep(); // as once remote memory refers to it: the block outlives this handle
        RefArray again = (RefArray) Handles.of(a.$legoj$rawAddress());
        assertNotSame(a, again);
        assertSame(int[][].class, again.type);
        assertEquals(700, again.length);
        assertEquals(System.identityHashCode(a), again.hashCode());
        assertEquals(a.hashCode(), again.hashCode());
        assertEquals(a.toString(), again.toString());
        assertSame(row, again.get(699));
        assertNull(again.get(0));
        IntArray other = (IntArray) ArrayHandles.create(1, Kind.INT);
        again.set(0, other);
        assertSame(other, a.get(0), "one array");
    }

    @Test
    void storingItsAddressKeepsTheArrayAndRegistersItsHandle() {
        RefArray a = refArray(Object[].class, 2);
        long address = a.$legoj$address();
        assertEquals(a.$legoj$rawAddress(), address);
        assertNull(a.block, "never freed now");
        assertSame(a, Handles.of(address));
        RefArray holder = refArray(Object[].class, 1);
        holder.set(0, a);
        assertSame(a, holder.get(0));
    }

    @Test
    void toStringAndHashCodeAreThoseOfTheJvmArray() {
        RefArray a = refArray(String[].class, 1);
        assertEquals(System.identityHashCode(a), a.hashCode());
        assertEquals("[Ljava.lang.String;@" + Integer.toHexString(System.identityHashCode(a)), a.toString());
        assertEquals(a.toString(), ArrayBoundary.displayString(a));
        assertSame(String[].class, ArrayBoundary.classOf(a));
        assertTrue(a.equals(a));
        assertFalse(a.equals(refArray(String[].class, 1)));
    }

    @Test
    void serializationWritesThePlainArray() throws Exception {
        RefArray a = refArray(String[].class, 3);
        a.set(0, "a");
        a.set(2, "c");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertArrayEquals(new String[] {"a", null, "c"}, (String[]) in.readObject());
        }
    }
}
