package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.objects.RemoteObject;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Translations that handles remember under their TLB's stamp, and when they must be forgotten. */
class TlbStampTest {
    private static final int PAGE = 4096;
    private static final int ENTRIES = 8;
    private final InMemoryBackend backend = new InMemoryBackend(PAGE, 1 << 20, 2);
    private final PageCache cache = new PageCache(backend, 32, ENTRIES, 0, 4);
    private final long region = backend.allocateRegions(1);

    @AfterEach
    void close() {
        cache.close();
        backend.close();
    }

    /** What the agent makes of a remote class's handle, with a fixed address. */
    private static final class Handle implements RemoteObject {
        private final long address;
        long base;
        long stamp;

        Handle(long address) {
            this.address = address;
        }

        @Override
        public long $legoj$address() {
            return address;
        }

        @Override
        public long $legoj$rawAddress() {
            return address;
        }

        @Override
        public void $legoj$bind(long a) {
            throw new UnsupportedOperationException("a test handle keeps its address");
        }

        @Override
        public void $legoj$remember(long b, long s) {
            base = b;
            stamp = s;
        }
    }

    @Test
    void aHandleRemembersItsTranslationUntilItsOwnerDropsAPin() {
        Tlb t = cache.tlb();
        Handle h = new Handle(region + 64);
        assertFalse(t.readsThrough(h.stamp), "a new handle remembers nothing");
        t.putLong(region + 64, 41);
        long base = t.objectMiss(h, false);
        assertEquals(41L, UnsafeAccess.U.getLong(base));
        assertTrue(t.readsThrough(h.stamp));
        assertTrue(t.writesThrough(h.stamp), "the page was written, so it stays writable while pinned");

        Handle clean = new Handle(region + PAGE + 8);
        t.objectMiss(clean, false);
        assertTrue(t.readsThrough(clean.stamp));
        assertFalse(t.writesThrough(clean.stamp), "a page only read is marked dirty by the first write's miss");
        assertEquals(clean.base, t.objectMiss(clean, true));
        assertTrue(t.writesThrough(clean.stamp));
        assertTrue(t.readsThrough(h.stamp), "filling a slot drops no pin");

        t.getLong(region + ENTRIES * PAGE);
        assertFalse(t.readsThrough(h.stamp), "the page's slot now pins another page");
        assertFalse(t.readsThrough(clean.stamp), "a dropped pin makes the TLB forget every translation it handed out");
        assertEquals(41L, UnsafeAccess.U.getLong(t.objectMiss(h, false)));
        assertTrue(t.readsThrough(h.stamp));
    }

    @Test
    void aShootdownIsSeenByTheNextAccessAndItsPinsAreDropped() {
        Tlb t = cache.tlb();
        Handle h = new Handle(region + 128);
        t.objectMiss(h, true);
        t.getLong(region + 3 * PAGE);
        t.shootDown();
        assertFalse(t.readsThrough(h.stamp));
        assertFalse(t.writesThrough(h.stamp));

        Handle fresh = new Handle(region + 2 * PAGE);
        t.objectMiss(fresh, false);
        assertFalse(t.flushRequested);
        assertFalse(t.holds(region + 3 * PAGE, false), "the shootdown's miss dropped the other pins");
        assertTrue(t.readsThrough(fresh.stamp), "after the slow path the TLB hands out translations again");
        assertFalse(t.readsThrough(h.stamp));
    }

    @Test
    void aHandleWithoutStorageGoesToTheMissWhichAllocates() {
        Tlb t = cache.tlb();
        Handle h = new Handle(region + 512);
        assertFalse(t.servesFromTable(0, false), "address 0: no storage yet");
        assertEquals(t.objectMiss(h, true), t.objectMiss(h, false));
        assertTrue(t.writesThrough(h.stamp));
    }

    @Test
    void theTableServesOtherHandlesAndOneAccessIn4096Remembers() throws Exception {
        Tlb t = cache.tlb();
        Handle theirs = new Handle(region + 768);
        CompletableFuture.runAsync(() -> cache.tlb().objectMiss(theirs, false)).get();
        Handle stale = new Handle(region + 1024);
        t.objectMiss(stale, false);
        t.getLong(region + 9 * PAGE);
        t.getLong(region + (9 + ENTRIES) * PAGE);
        assertFalse(t.readsThrough(stale.stamp));
        long[] before = {theirs.stamp, stale.stamp};
        int served = 0;
        while (served < 10_000 && t.servesFromTable(theirs.address, false)) {
            served++;
        }
        assertEquals(4095, served);
        assertTrue(t.servesFromTable(stale.address, false));
        assertEquals(before[0], theirs.stamp, "asking writes nothing");
        assertEquals(before[1], stale.stamp);
        t.objectMiss(theirs, false);
        assertTrue(t.readsThrough(theirs.stamp), "the access that the table did not serve took the handle over");
        assertFalse(t.servesFromTable(region + 5 * ENTRIES * PAGE, false), "a page the table misses goes to the miss");
    }

    @Test
    void aTranslationIsOnlyEverValidForTheThreadThatMadeIt() throws Exception {
        Tlb t = cache.tlb();
        Handle h = new Handle(region + 256);
        t.objectMiss(h, true);
        long mine = h.stamp;
        Tlb other = CompletableFuture.supplyAsync(() -> {
            Tlb o = cache.tlb();
            o.objectMiss(h, true);
            return o;
        }).get();
        assertNotEquals(mine, h.stamp);
        assertTrue(other.writesThrough(h.stamp));
        assertFalse(t.readsThrough(h.stamp), "another thread's stamp never matches this TLB's");
    }
}
