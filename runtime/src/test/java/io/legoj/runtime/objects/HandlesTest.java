package io.legoj.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HandlesTest {
    @Test
    void theRecentHandlesCacheFollowsTheMaximumHeapWithinItsBounds() {
        assertEquals(17, Handles.recentBits(128L << 20));
        assertEquals(16, Handles.recentBits((128L << 20) - 1));
        assertEquals(14, Handles.recentBits(1L << 20));
        assertEquals(20, Handles.recentBits(24L << 30));
    }

    @Test
    void aRememberedHandleIsFoundWithoutTheTable() {
        Object handle = new Object();
        long address = 0x7777_0000L;
        Handles.remember(address, handle);
        assertSame(handle, Handles.of(address));
        assertSame(handle, Handles.of(address), "still there");
    }
}
