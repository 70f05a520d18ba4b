package io.legoj.examples.kvstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteMapTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keysCompareByContent() {
        ByteMap<String> m = new ByteMap<>();
        assertNull(m.put(b("k"), "1"));
        assertEquals("1", m.put(b("k"), "2"));
        assertEquals("2", m.get(b("k")));
        assertEquals(1, m.size());
        assertEquals("2", m.remove(b("k")));
        assertNull(m.get(b("k")));
        assertEquals(0, m.size());
    }

    @Test
    void iteratesInInsertionOrderAcrossRemovalsAndGrowth() {
        ByteMap<Integer> m = new ByteMap<>();
        for (int i = 0; i < 100; i++) {
            m.put(b("k" + i), i);
        }
        for (int i = 0; i < 100; i += 3) {
            m.remove(b("k" + i));
        }
        m.put(b("k0"), -1);
        List<Integer> seen = new ArrayList<>();
        m.forEach((k, v) -> seen.add(v));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i % 3 != 0) {
                expected.add(i);
            }
        }
        expected.add(-1);
        assertEquals(expected, seen);
        assertEquals(expected.size(), m.keys().length);
    }

    @Test
    void agreesWithHashMapUnderRandomOperations() {
        ByteMap<Integer> m = new ByteMap<>();
        Map<String, Integer> model = new HashMap<>();
        Random r = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String k = "key" + r.nextInt(2000);
            switch (r.nextInt(3)) {
                case 0 -> assertEquals(model.put(k, i), m.put(b(k), i));
                case 1 -> assertEquals(model.remove(k), m.remove(b(k)));
                default -> assertEquals(model.get(k), m.get(b(k)));
            }
            assertEquals(model.size(), m.size());
        }
        m.clear();
        assertEquals(0, m.size());
        assertNull(m.get(b("key1")));
    }
}
