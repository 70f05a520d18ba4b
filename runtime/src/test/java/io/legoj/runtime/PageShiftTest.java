package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageShiftTest {
    @Test
    void aCacheOfAnotherPageSizeThanThePinnedOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageShift.check(14, 12));
        assertEquals("this JVM's pages are 16384 bytes, not 4096", e.getMessage());
        assertDoesNotThrow(() -> PageShift.check(14, 14));
        assertDoesNotThrow(() -> PageShift.check(-1, 12));
    }

    /** The TLB took the shift into a constant when its class was initialised: a later pin would not reach it. */
    @Test
    void thePageSizeIsPinnedOnlyBeforeTheFirstTlb() {
        try (InMemoryBackend backend = new InMemoryBackend(4096, 1 << 20, 1);
                PageCache cache = new PageCache(backend, 8, 0, 8, 4)) {
            cache.tlb();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PageShift.pin(4096));
            assertEquals("the page size is pinned only before the first TLB exists", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PageShift.pin(3000));
    }
}
