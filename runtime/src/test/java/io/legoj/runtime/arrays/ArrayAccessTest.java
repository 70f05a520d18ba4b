package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hot path, against plain JVM arrays: every kind, local and remote. */
class ArrayAccessTest {
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
    void everyKindReadsWhatWasWrittenLikeAJvmArray(boolean remote) {
        Tlb t = memory(remote);
        Random r = new Random(42);
        List<PrimitiveArray> handles = new ArrayList<>();
        List<Object> oracles = new ArrayList<>();
        for (Kind k : Kind.values()) {
            // 12 KiB and a bit each (so not page aligned at the end): together more than the 64 KiB cache
            int length = (12_300 >> k.shift) + 1;
            PrimitiveArray a = ArrayHandles.create(length, k);
            assertEquals(remote, Elements.isRemote(a), k.name());
            assertEquals(length, a.length);
            assertInstanceOf(ArrayBoundary.handleClass(k), a);
            for (int i = 0; i < length; i++) {
                assertEquals(Elements.get(k.newJvmArray(1), 0), Elements.get(a, i, t), "new arrays are zeroed");
            }
            handles.add(a);
            oracles.add(k.newJvmArray(length));
        }
        // interleaved random stores over all arrays
        for (int n = 0; n < 20_000; n++) {
            int which = r.nextInt(handles.size());
            PrimitiveArray a = handles.get(which);
            int i = r.nextInt(a.length);
            long bits = r.nextLong();
            Elements.put(a, i, bits, t);
            Elements.put(oracles.get(which), i, bits);
        }
        for (int which = 0; which < handles.size(); which++) {
            PrimitiveArray a = handles.get(which);
            Object jvm = oracles.get(which);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Elements.get(jvm, i), Elements.get(a, i, t), a.kind() + "[" + i + "]");
            }
        }
        if (remote) {
            assertTrue(mem.pagesWritten() > 0, "the cache evicted dirty pages");
        }
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void storesNarrowAsTheJvmDoes(boolean remote) {
        Tlb t = memory(remote);
        BooleanArray z = (BooleanArray) ArrayHandles.create(4, Kind.BOOLEAN);
        ArrayAccess.putBoolean(z, 0, 2, t); // bit 1 only: false
        ArrayAccess.putBoolean(z, 1, 3, t);
        ArrayAccess.putBoolean(z, 2, -2, t);
        ArrayAccess.putBoolean(z, 3, 1, t);
        assertEquals(0, ArrayAccess.getBoolean(z, 0, t));
        assertEquals(1, ArrayAccess.getBoolean(z, 1, t));
        assertEquals(0, ArrayAccess.getBoolean(z, 2, t));
        assertEquals(1, ArrayAccess.getBoolean(z, 3, t));
        assertArrayEquals(new boolean[] {false, true, false, true}, (boolean[]) ArrayBoundary.toJvm(z));

        ByteArray b = (ByteArray) ArrayHandles.create(2, Kind.BYTE);
        ArrayAccess.putByte(b, 0, 0x1ff, t);
        ArrayAccess.putByte(b, 1, 128, t);
        assertEquals((byte) -1, ArrayAccess.getByte(b, 0, t));
        assertEquals((byte) -128, ArrayAccess.getByte(b, 1, t));

        ShortArray s = (ShortArray) ArrayHandles.create(2, Kind.SHORT);
        ArrayAccess.putShort(s, 0, 0x18000, t);
        ArrayAccess.putShort(s, 1, -1, t);
        assertEquals(Short.MIN_VALUE, ArrayAccess.getShort(s, 0, t));
        assertEquals((short) -1, ArrayAccess.getShort(s, 1, t));

        CharArray c = (CharArray) ArrayHandles.create(2, Kind.CHAR);
        ArrayAccess.putChar(c, 0, -1, t);
        ArrayAccess.putChar(c, 1, 0x10041, t);
        assertEquals('\uffff', ArrayAccess.getChar(c, 0, t));
        assertEquals('A', ArrayAccess.getChar(c, 1, t));
        assertEquals(0xffff, (int) ArrayAccess.getChar(c, 0, t), "a char reads back zero-extended");

        DoubleArray d = (DoubleArray) ArrayHandles.create(2, Kind.DOUBLE);
        ArrayAccess.putDouble(d, 0, -0.0, t);
        ArrayAccess.putDouble(d, 1, Double.NaN, t);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ArrayAccess.getDouble(d, 0, t)));
        assertTrue(Double.isNaN(ArrayAccess.getDouble(d, 1, t)));
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void indexesAreCheckedWithTheJvmsMessage(boolean remote) {
        Tlb t = memory(remote);
        for (Kind k : Kind.values()) {
            PrimitiveArray a = ArrayHandles.create(5, k);
            assertEquals(remote, Elements.isRemote(a));
            for (int i : new int[] {5, -1, 6, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                String expected = "Index " + i + " out of bounds for length 5";
                assertEquals(expected, assertThrows(ArrayIndexOutOfBoundsException.class, () -> Elements.get(a, i, t))
                        .getMessage(), k + " get " + i);
                assertEquals(expected, assertThrows(ArrayIndexOutOfBoundsException.class, () -> Elements.put(a, i, 1, t))
                        .getMessage(), k + " put " + i);
                // the very message of the JVM's own check, at a site of its own that never gets hot (a hot
                // one, such as a shared helper's, throws without a message)
                int[] jvm = new int[5];
                assertEquals(expected, assertThrows(ArrayIndexOutOfBoundsException.class, () -> jvm[i] = 1).getMessage());
            }
            Elements.put(a, 4, 1, t);
            assertEquals(Elements.get(oneOf(k), 0), Elements.get(a, 4, t), "the last element is in bounds");
        }
    }

    private static Object oneOf(Kind k) {
        Object jvm = k.newJvmArray(1);
        Elements.put(jvm, 0, 1);
        return jvm;
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void negativeSizesFailAsTheJvms(boolean remote) {
        memory(remote);
        String jvmMessage = assertThrows(NegativeArraySizeException.class, () -> newIntArray(-3)).getMessage();
        assertEquals("-3", jvmMessage);
        for (Kind k : Kind.values()) {
            assertEquals(jvmMessage, assertThrows(NegativeArraySizeException.class, () -> ArrayHandles.create(-3, k))
                    .getMessage());
        }
        assertEquals("-2147483648", assertThrows(NegativeArraySizeException.class,
                () -> ArrayHandles.create(Integer.MIN_VALUE, Kind.LONG)).getMessage());
        assertEquals("remote_arrays=0 remote_array_bytes=0", mem.memory.summary());
    }

    private static int[] newIntArray(int n) {
        return new int[n];
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void emptyArraysHaveNoElements(boolean remote) {
        Tlb t = memory(remote);
        for (Kind k : Kind.values()) {
            PrimitiveArray a = ArrayHandles.create(0, k);
            assertEquals(0, a.length);
            Object jvm = ArrayBoundary.toJvm(a);
            assertEquals(k.jvmClass(), jvm.getClass());
            assertEquals(0, java.lang.reflect.Array.getLength(jvm));
            assertEquals("Index 0 out of bounds for length 0",
                    assertThrows(ArrayIndexOutOfBoundsException.class, () -> Elements.get(a, 0, t)).getMessage());
        }
    }

    @Test
    void arraysLargerThanTheCacheKeepTheirElements() {
        Tlb t = memory(true);
        int n = 1 << 18; // 1 MiB of ints, 16 times the cache
        IntArray a = (IntArray) ArrayHandles.create(n, Kind.INT);
        IntArray b = (IntArray) ArrayHandles.create(n, Kind.INT);
        assertTrue(Elements.isRemote(a));
        for (int i = 0; i < n; i++) {
            ArrayAccess.putInt(a, i, i * 31 + 7, t);
            ArrayAccess.putInt(b, n - 1 - i, ~i, t); // the two arrays alternate, from both ends
        }
        for (int i = 0; i < n; i++) {
            if (ArrayAccess.getInt(a, i, t) != i * 31 + 7 || ArrayAccess.getInt(b, n - 1 - i, t) != ~i) {
                assertEquals(i * 31 + 7, ArrayAccess.getInt(a, i, t), "a[" + i + "]");
                assertEquals(~i, ArrayAccess.getInt(b, n - 1 - i, t), "b[" + (n - 1 - i) + "]");
            }
        }
        // strided over pages, backwards
        for (int i = n - 1; i >= 0; i -= 997) {
            assertEquals(i * 31 + 7, ArrayAccess.getInt(a, i, t));
        }
        int[] jvm = (int[]) ArrayBoundary.toJvm(a);
        for (int i = 0; i < n; i++) {
            if (jvm[i] != i * 31 + 7) {
                assertEquals(i * 31 + 7, jvm[i], "copy[" + i + "]");
            }
        }
        assertTrue(mem.pagesWritten() >= 2 * n * 4 / ArrayTestMemory.PAGE - 16);
    }

    @Test
    void threadsWritingTheirOwnSlicesOfALargeArray() throws Exception {
        memory(true);
        int threads = 4;
        int n = 1 << 16; // 512 KiB of longs
        LongArray a = (LongArray) ArrayHandles.create(n, Kind.LONG);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int from = w;
                done.add(pool.submit(() -> {
                    Tlb t = mem.tlb();
                    for (int round = 0; round < 3; round++) {
                        for (int i = from; i < n; i += threads) { // interleaved: the threads share every page
                            ArrayAccess.putLong(a, i, ((long) round << 32) | i, t);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Tlb t = mem.tlb();
        for (int i = 0; i < n; i++) {
            if (ArrayAccess.getLong(a, i, t) != ((2L << 32) | i)) {
                assertEquals((2L << 32) | i, ArrayAccess.getLong(a, i, t), "a[" + i + "]");
            }
        }
    }

    @Test
    void toStringIsTheJvmArraysAndIdentityIsTheHandles() {
        memory(true);
        for (Kind k : Kind.values()) {
            PrimitiveArray a = ArrayHandles.create(3, k);
            String jvmPrefix = k.newJvmArray(0).toString().replaceAll("@.*", "@");
            assertEquals(jvmPrefix + Integer.toHexString(System.identityHashCode(a)), a.toString());
            assertEquals(System.identityHashCode(a), a.hashCode());
            assertFalse(a.equals(ArrayHandles.create(3, k)), "arrays compare by identity");
        }
    }
}
