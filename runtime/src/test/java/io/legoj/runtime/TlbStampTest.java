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
    void handlesOfThisThreadOrOfNoneGoToTheMissAndRememberThere() {
        Tlb t = cache.tlb();
        Handle h = new Handle(region + 512);
        t.getLong(h.address);
        assertFalse(t.servesFromTable(h.address, h.stamp, false), "a handle that remembers nothing is to remember");
        assertFalse(t.servesFromTable(0, h.stamp, false), "address 0: no storage yet, which the miss allocates");
        t.objectMiss(h, false);
        t.getLong(region + ENTRIES * PAGE + 8);
        assertFalse(t.readsThrough(h.stamp));
        assertFalse(t.servesFromTable(h.address, h.stamp, false), "an older stamp of this TLB's is to be renewed");
        t.objectMiss(h, false);
        assertTrue(t.readsThrough(h.stamp));
    }

    @Test
    void anotherThreadsHandleIsTakenOverOnlyEverySoOften() throws Exception {
        Tlb t = cache.tlb();
        Handle h = new Handle(region + 768);
        CompletableFuture.runAsync(() -> cache.tlb().objectMiss(h, false)).get();
        long theirs = h.stamp;
        t.getLong(h.address);
        int served = 0;
        while (t.servesFromTable(h.address, h.stamp, false)) {
            assertEquals(theirs, h.stamp, "asking writes nothing");
            served++;
        }
        assertTrue(served > 1000 && served < 4096, "taken over after " + served + " table hits");
        t.objectMiss(h, false);
        assertTrue(t.readsThrough(h.stamp));
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
