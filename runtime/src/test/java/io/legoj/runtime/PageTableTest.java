package io.legoj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageTableTest {
    @Test
    void behavesLikeAMapUnderRandomOperations() {
        PageTable t = new PageTable(16);
        Map<Long, Integer> model = new HashMap<>();
        Random r = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            long vpn = r.nextInt(5000);
            int op = r.nextInt(3);
            if (op == 0) {
                int frame = r.nextInt(1000);
                Integer before = model.putIfAbsent(vpn, frame);
                assertEquals(before == null ? -1 : before, t.putIfAbsent(vpn, frame));
            } else if (op == 1) {
                Integer f = model.get(vpn);
                if (f != null && r.nextBoolean()) {
                    model.remove(vpn);
                    t.remove(vpn, f);
                } else {
                    t.remove(vpn, -5);
                }
            } else {
                assertEquals(model.getOrDefault(vpn, -1), t.get(vpn));
            }
        }
        assertEquals(model.size(), t.size());
    }
}
