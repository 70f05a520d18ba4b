package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.arrays.ArrayAccess;
import io.legoj.runtime.arrays.ArrayBoundary;
import io.legoj.runtime.arrays.ArrayHandles;
import io.legoj.runtime.arrays.ArrayMemory;
import io.legoj.runtime.arrays.IntArray;
import io.legoj.runtime.arrays.Kind;
import io.legoj.runtime.objects.Refs;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remote memory refers to a remote array by address, as to a remote object (objects=remote with arrays=remote). */
class RemoteArrayReferencesTest {
    private LegojRuntime rt;

    @BeforeEach
    void install() {
        rt = TestRuntime.get();
        ArrayMemory.install(new ArrayMemory(rt.heap(), rt.cache(), 0));
    }

    @Test
    void anEscapedArrayOutlivesItsHandleAndComesBackWithItsElementsAndIdentityHash() {
        long ref;
        int hash;
        WeakReference<IntArray> first;
        {
            IntArray a = (IntArray) ArrayHandles.create(1000, Kind.INT);
            for (int i = 0; i < a.length; i++) {
                ArrayAccess.putInt(a, i, i * 7, rt.cache().tlb());
            }
            ref = Refs.encode(a);
            assertTrue(ref > 0, "a remote address, not a local object id");
            assertSame(a, Refs.decode(ref), "one canonical handle while it lives");
            hash = a.hashCode();
            first = new WeakReference<>(a);
        }
        // arrays of the same size would take the block if it were freed on the handle's death
        for (int i = 0; i < 50 && first.get() != null; i++) {
            System.gc();
            ArrayHandles.create(1000, Kind.INT);
        }
        IntArray again = (IntArray) Refs.decode(ref);
        assertEquals(1000, again.length);
        assertEquals(hash, again.hashCode(), "identity hash kept in the header");
        for (int i = 0; i < again.length; i++) {
            assertEquals(i * 7, ArrayAccess.getInt(again, i, rt.cache().tlb()), "element " + i + ": block freed and reused?");
        }
    }

    @Test
    void aLocalModeArrayMovesToRemoteMemoryWhenRemoteMemoryRefersToIt() {
        ArrayMemory.install(new ArrayMemory(rt.heap(), rt.cache(), 1 << 20));
        IntArray a = (IntArray) ArrayHandles.create(10, Kind.INT);
        ArrayAccess.putInt(a, 3, 33, rt.cache().tlb());
        int hash = a.hashCode();
        long ref = Refs.encode(a);
        assertTrue(ref > 0, "a remote address: the array moved");
        assertSame(a, Refs.decode(ref));
        assertEquals(hash, a.hashCode(), "the same identity hash");
        assertEquals(33, ArrayAccess.getInt(a, 3, rt.cache().tlb()));
        ArrayAccess.putInt(a, 4, 44, rt.cache().tlb());
        assertEquals(44, ArrayAccess.getInt((IntArray) Refs.decode(ref), 4, rt.cache().tlb()));
    }

    @Test
    void aJvmArrayThatJdkCodeHoldsStaysLocalThroughTheLocalObjectTable() {
        ArrayMemory.install(new ArrayMemory(rt.heap(), rt.cache(), 1 << 20));
        int[] held = {1, 2, 3};
        IntArray a = (IntArray) ArrayBoundary.wrap(held);
        long ref = Refs.encode(a);
        assertTrue(ref < 0, "a tagged local id");
        assertSame(a, Refs.decode(ref));
        ArrayAccess.putInt(a, 0, 9, rt.cache().tlb());
        assertEquals(9, held[0], "still the JDK's array");
    }
}
