package io.legoj.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        assertEquals(before, LocalObjects.size());
        assertSame(o, LocalObjects.get(id), "kept a while: a thread may have read the reference just before");
        for (int i = 0; i < LocalObjects.QUARANTINE; i++) {
            LocalObjects.release(LocalObjects.idOf(new Object()));
        }
        assertNull(LocalObjects.get(id), "gone after as many other entries went");
        Object other = new Object();
        long reused = LocalObjects.idOf(other);
        assertSame(other, LocalObjects.get(reused));
        LocalObjects.release(reused);
        assertEquals(before, LocalObjects.size());
    }

    @Test
    void anEntryInQuarantineComesBackWithItsId() {
        Object o = new Object();
        int before = LocalObjects.size();
        long id = LocalObjects.idOf(o);
        LocalObjects.release(id);
        assertEquals(before, LocalObjects.size());
        assertEquals(id, LocalObjects.idOf(o), "stored again");
        LocalObjects.retain(id);
        assertEquals(before + 1, LocalObjects.size());
        for (int i = 0; i < 2 * LocalObjects.QUARANTINE; i++) {
            LocalObjects.release(LocalObjects.idOf(new Object()));
        }
        assertSame(o, LocalObjects.get(id), "counted twice, so never dropped");
        LocalObjects.release(id);
        LocalObjects.release(id);
        assertEquals(before, LocalObjects.size());
        long copied = LocalObjects.idOf(o);
        LocalObjects.release(copied);
        LocalObjects.retain(copied); // a copy that read the reference before it was overwritten
        assertEquals(before + 1, LocalObjects.size());
        LocalObjects.release(copied);
    }

    @Test
    void releasingMoreThanWasStoredFailsLoudly() {
        long id = LocalObjects.idOf(new Object());
        LocalObjects.release(id);
        assertThrows(IllegalStateException.class, () -> LocalObjects.release(id));
        assertThrows(IllegalStateException.class, () -> LocalObjects.retain(Integer.MAX_VALUE), "never stored");
    }

    /** A quarter of a million stores and releases of 20,000 objects, against a map of what they should be. */
    @Test
    void manyObjectsComeAndGoAsAMapOfTheirCountsSays() {
        int before = LocalObjects.size();
        Random random = new Random(7);
        List<Object> pool = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            pool.add(i % 3 == 0 ? new Object() : Integer.valueOf(i)); // boxed values as well: identity, not equals
        }
        Map<Object, Integer> counts = new IdentityHashMap<>();
        Map<Object, Long> ids = new IdentityHashMap<>();
        for (int step = 0; step < 250_000; step++) {
            Object o = pool.get(random.nextInt(pool.size()));
            Integer c = counts.get(o);
            if (c != null && random.nextInt(5) < 2) {
                LocalObjects.release(ids.get(o));
                if (c == 1) {
                    counts.remove(o);
                    ids.remove(o);
                } else {
                    counts.put(o, c - 1);
                }
            } else {
                long id = LocalObjects.idOf(o);
                if (c != null) {
                    assertEquals(ids.get(o), id, "a live entry keeps its id");
                }
                assertSame(o, LocalObjects.get(id));
                counts.merge(o, 1, Integer::sum);
                ids.put(o, id);
            }
            if (step % 10_000 == 0) {
                assertEquals(before + counts.size(), LocalObjects.size(), "at step " + step);
            }
        }
        for (Map.Entry<Object, Integer> e : counts.entrySet()) {
            assertEquals(ids.get(e.getKey()), LocalObjects.idOf(e.getKey()), "still found after all the moves");
            for (int k = 0; k <= e.getValue(); k++) {
                LocalObjects.release(ids.get(e.getKey()));
            }
        }
        assertEquals(before, LocalObjects.size());
    }
}
