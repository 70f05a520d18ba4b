package io.legoj.runtime.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.ArrayTestMemory;
import io.legoj.runtime.Tlb;
import io.legoj.runtime.objects.LocalObjects;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where arrays live, what the summary counts, and that a dropped remote array's block is freed. */
class ArrayMemoryTest {
    private ArrayTestMemory mem;

    @AfterEach
    void close() {
        if (mem != null) {
            mem.close();
        }
    }

    private static String summary(long arrays, long bytes) {
        return "remote_arrays=" + arrays + " remote_array_bytes=" + bytes;
    }

    @Test
    void arraysUpToTheLimitAreLocal() {
        mem = ArrayTestMemory.install(16, 64);
        Object[][] cases = {{Kind.INT, 16, false}, {Kind.INT, 17, true}, {Kind.BYTE, 64, false}, {Kind.BYTE, 65, true},
            {Kind.BOOLEAN, 65, true}, {Kind.LONG, 8, false}, {Kind.LONG, 9, true}, {Kind.CHAR, 32, false},
            {Kind.DOUBLE, 0, false}};
        List<PrimitiveArray> keep = new ArrayList<>();
        long bytes = 0;
        int remote = 0;
        for (Object[] c : cases) {
            Kind k = (Kind) c[0];
            int length = (Integer) c[1];
            PrimitiveArray a = ArrayHandles.create(length, k);
            keep.add(a);
            assertEquals(c[2], Elements.isRemote(a), k + "[" + length + "]");
            if (Elements.isRemote(a)) {
                remote++;
                bytes += (long) length << k.shift;
                assertTrue(a.address != 0);
            } else {
                assertEquals(0, a.address);
                assertEquals(length, java.lang.reflect.Array.getLength(a.local()));
            }
        }
        assertEquals(summary(remote, bytes), mem.memory.summary());
        Reference.reachabilityFence(keep);
    }

    @Test
    void summaryCountsLiveRemoteArraysAndTheirBytes() {
        mem = ArrayTestMemory.install(16, 0);
        assertEquals(summary(0, 0), mem.memory.summary());
        PrimitiveArray a = ArrayHandles.create(100, Kind.INT);
        PrimitiveArray b = ArrayHandles.create(1000, Kind.LONG);
        PrimitiveArray c = ArrayHandles.create(3, Kind.BOOLEAN);
        assertEquals(summary(3, 400 + 8000 + 3), mem.memory.summary());
        Object multi = RefArrays.createMulti(new int[] {4, 5}, short[][].class);
        assertEquals(summary(7, 8403 + 4 * 10), mem.memory.summary(), "a JVM array of four rows, and the rows");
        Object objects = RefArrays.create(10, Object[].class);
        assertEquals(summary(8, 8403 + 40 + 10 * 8), mem.memory.summary());
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        Reference.reachabilityFence(c);
        Reference.reachabilityFence(multi);
        Reference.reachabilityFence(objects);
    }

    @Test
    void referenceArraysUpToTheLimitAreJvmArraysUnlessTheyHoldReferenceArrays() {
        mem = ArrayTestMemory.install(16, 64);
        assertSame(Object[].class, RefArrays.create(8, Object[].class).getClass());
        assertSame(RefArray.class, RefArrays.create(9, Object[].class).getClass());
        assertSame(RefArray.class, RefArrays.create(9, Runnable[].class).getClass(), "an interface: maybe remote objects");
        assertSame(String[].class, RefArrays.create(1000, String[].class).getClass(), "only ever local objects");
        assertSame(IntArray[].class, RefArrays.create(1000, int[][].class).getClass(), "only ever array handles");
        RefArray rows = (RefArray) RefArrays.create(0, String[][].class);
        assertNotNull(rows.local, "rows may be RefArrays: born local");
        assertNull(((RefArray) RefArrays.create(9, int[][][].class)).local);
        assertSame(ArrayMemoryTest[].class, RefArrays.create(1000, ArrayMemoryTest[].class).getClass(),
                "a class that keeps its fields local");
        ArrayMemory.install(new ArrayMemory(mem.heap, mem.cache, 64, false));
        assertSame(Object[].class, RefArrays.create(1000, Object[].class).getClass(), "no remote objects at all");
        assertSame(RefArray.class, RefArrays.create(1000, Object[][].class).getClass());
        mem.close();
        mem = ArrayTestMemory.install(16, 0);
        assertSame(RefArray.class, RefArrays.create(0, Object[].class).getClass(), "with no limit, even an empty one");
        assertEquals("-1", assertThrows(NegativeArraySizeException.class, () -> RefArrays.create(-1, Object[].class))
                .getMessage());
    }

    /**
     * A RefArray's handle died (its block is put on the queue as the GC would) before remote memory
     * referred to it: the local objects its elements held are given back when its block is freed.
     */
    @Test
    void aDeadRefArrayGivesBackTheLocalObjectsItsElementsHeld() {
        mem = ArrayTestMemory.install(4, 0);
        int before = LocalObjects.size();
        RefArray a = ArrayMemory.get().newRemote(Object[].class, 3000); // larger than the cache
        Object shared = new Object();
        for (int i = 0; i < a.length - 10; i++) { // the last ten stay null
            a.set(i, i % 2 == 0 ? new Object() : shared);
        }
        assertEquals(before + 1495 + 1, LocalObjects.size());
        assertEquals(summary(1, 3000 * 8), mem.memory.summary());
        a.block.enqueue();
        PrimitiveArray probe = ArrayHandles.create(1, Kind.BYTE); // dead blocks are freed on an allocation
        assertEquals(before, LocalObjects.size());
        assertEquals(summary(1, 1), mem.memory.summary());
        Reference.reachabilityFence(probe);
    }

    @Test
    void aNegativeLimitIsRefused() {
        mem = ArrayTestMemory.install(16, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ArrayMemory(mem.heap, mem.cache, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void withoutAnInstalledMemoryArraysCannotBeMade() {
        ArrayMemory.install(null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ArrayHandles.create(1, Kind.INT));
        assertTrue(e.getMessage().contains("arrays=remote"), e.getMessage());
    }

    @Test
    void theLatestInstalledMemoryWins() {
        ArrayTestMemory first = ArrayTestMemory.install(16, Long.MAX_VALUE);
        try {
            mem = ArrayTestMemory.install(16, 0);
            PrimitiveArray a = ArrayHandles.create(10, Kind.INT);
            assertTrue(Elements.isRemote(a));
            assertEquals(summary(0, 0), first.memory.summary());
            assertEquals(summary(1, 40), mem.memory.summary());
            Reference.reachabilityFence(a);
        } finally {
            first.close();
        }
    }

    /** Makes remote arrays, writes them and drops them. */
    private static void garbage(int count, int length, Tlb t) {
        for (int i = 0; i < count; i++) {
            IntArray a = (IntArray) ArrayHandles.create(length, Kind.INT);
            for (int j = 0; j < length; j += 100) {
                ArrayAccess.putInt(a, j, -1, t);
            }
            ArrayAccess.putInt(a, length - 1, -1, t);
        }
    }

    @Test
    void aDroppedRemoteArrayIsFreedAndItsBlockComesBackZeroed() throws InterruptedException {
        mem = ArrayTestMemory.install(16, 0);
        Tlb t = mem.tlb();
        int length = 2500; // 10 KB: a run of pages
        IntArray kept = (IntArray) ArrayHandles.create(length, Kind.INT);
        ArrayAccess.putInt(kept, 7, 77, t);
        garbage(20, length, t);
        assertEquals(summary(21, 21L * 4 * length), mem.memory.summary());

        List<PrimitiveArray> probes = new ArrayList<>();
        awaitFreed(1, 4L * length, probes, "the dropped arrays were freed, the kept one was not");
        assertEquals(77, ArrayAccess.getInt(kept, 7, t));

        // the freed blocks are reused, and read as zeros
        List<IntArray> again = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            IntArray a = (IntArray) ArrayHandles.create(length, Kind.INT);
            again.add(a);
            int[] jvm = (int[]) ArrayBoundary.toJvm(a);
            for (int j = 0; j < length; j++) {
                if (jvm[j] != 0) {
                    assertEquals(0, jvm[j], "array " + i + "[" + j + "]");
                }
            }
        }
        assertFalse(again.isEmpty());
        Reference.reachabilityFence(kept);
        Reference.reachabilityFence(probes);
    }

    @Test
    void aBlockThatRemoteMemoryKeepsOutlivesItsHandle() throws InterruptedException {
        mem = ArrayTestMemory.install(16, 0);
        Tlb t = mem.tlb();
        int length = 100;
        for (int i = 0; i < 6; i++) {
            IntArray a = (IntArray) ArrayHandles.create(length, Kind.INT);
            ArrayAccess.putInt(a, 0, i, t);
            if (i % 3 == 0) {
                a.block.keep();
            }
        }
        assertEquals(summary(6, 6L * 4 * length), mem.memory.summary());
        List<PrimitiveArray> probes = new ArrayList<>();
        awaitFreed(2, 2L * 4 * length, probes, "the four dropped arrays were freed, the two kept ones were not");
        Reference.reachabilityFence(probes);
    }

    /**
     * Collects until the summary counts only {@code arrays} of {@code bytes} besides the probes:
     * dropped handles' blocks are freed once the GC has seen them, found at the latest on an
     * allocation, so each round allocates a one-byte probe, kept in {@code probes}.
     */
    private void awaitFreed(int arrays, long bytes, List<PrimitiveArray> probes, String message)
            throws InterruptedException {
        String expected = null;
        for (int round = 0; round < 50; round++) {
            System.gc();
            Thread.sleep(20);
            probes.add(ArrayHandles.create(1, Kind.BYTE));
            expected = summary(arrays + probes.size(), bytes + probes.size());
            if (expected.equals(mem.memory.summary())) {
                break;
            }
        }
        assertEquals(expected, mem.memory.summary(), message);
    }
}
