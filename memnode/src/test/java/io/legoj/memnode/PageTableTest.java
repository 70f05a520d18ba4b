package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageTableTest {
    @Test
    void behavesLikeAHashMapUnderRandomOperations() {
        Random random = new Random(42);
        PageTable table = new PageTable();
        Map<Long, Long> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long key = (1 + random.nextInt(3000)) * 4096L;
            switch (random.nextInt(3)) {
                case 0 -> {
                    long value = random.nextLong() | 1;
                    table.put(key, value);
                    model.put(key, value);
                }
                case 1 -> assertEquals(model.containsKey(key) ? model.remove(key) : 0L, table.remove(key), "remove " + key);
                default -> assertEquals(model.getOrDefault(key, 0L), table.get(key), "get " + key);
            }
            assertEquals(model.size(), table.size());
        }
        long[] keys = table.keys();
        Arrays.sort(keys);
        assertEquals(model.keySet().stream().sorted().toList(), Arrays.stream(keys).boxed().toList());
    }

    @Test
    void shrinksWhenEmptiedAndRefusesKeyZero() {
        PageTable table = new PageTable();
        for (long k = 1; k <= 1000; k++) {
            table.put(k << 12, k);
        }
        for (long k = 1; k <= 1000; k++) {
            assertEquals(k, table.remove(k << 12));
        }
        assertEquals(0, table.size());
        assertEquals(0, table.get(5 << 12));
        assertThrows(IllegalArgumentException.class, () -> table.put(0, 1));
    }
}
