package io.legoj.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NullsTest {
    @Test
    void aNullReceiverFailsWithTheGivenMessageAsFromTheCaller() {
        Nulls.check("a receiver", "never used");
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Nulls.check(null, "Cannot read field \"x\" because \"a.next\" is null"));
        assertEquals("Cannot read field \"x\" because \"a.next\" is null", e.getMessage());
        assertEquals(NullsTest.class.getName(), e.getStackTrace()[0].getClassName().replaceAll("\\$.*", ""));
    }

    @Test
    void aNullAddressFailsTheSameWayAndAnyOtherPassesThrough() {
        assertEquals(4096L, Nulls.address(4096L, "never used"));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Nulls.address(0L, "Cannot read field \"value\" because \"x\" is null"));
        assertEquals("Cannot read field \"value\" because \"x\" is null", e.getMessage());
        assertEquals(NullsTest.class.getName(), e.getStackTrace()[0].getClassName().replaceAll("\\$.*", ""));
    }
}
