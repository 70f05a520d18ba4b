package io.legoj.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LocalObjectsTest {
    @Test
    void anEntryLivesUntilEveryStoreOfItIsGivenBackAndItsIdIsUsedAgain() {
        Object o = new Object();
        int before = LocalObjects.size();
        long id = LocalObjects.idOf(o);
        assertEquals(id, LocalObjects.idOf(o));
        LocalObjects.retain(id);
        assertEquals(before + 1, LocalObjects.size());
        LocalObjects.release(id);
        LocalObjects.release(id);
        assertSame(o, LocalObjects.get(id));
        LocalObjects.release(id);
        assertNull(LocalObjects.get(id));
        assertEquals(before, LocalObjects.size());
        Object other = new Object();
        assertEquals(id, LocalObjects.idOf(other));
        assertSame(other, LocalObjects.get(id));
        LocalObjects.release(id);
    }

    @Test
    void releasingMoreThanWasStoredFailsLoudly() {
        long id = LocalObjects.idOf(new Object());
        LocalObjects.release(id);
        assertThrows(IllegalStateException.class, () -> LocalObjects.release(id));
        assertThrows(IllegalStateException.class, () -> LocalObjects.retain(id));
    }
}
