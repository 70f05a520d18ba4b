package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code clone} of handles ({@code multianewarray} is {@link RefArraysTest}'s). */
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
