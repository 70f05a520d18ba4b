package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The processor's memory stays bounded by its page cache, however much the application writes. */
class BoundedMemoryTest {
    private static final String SECRET = "bounded-secret";

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void smallHeapWritesEightTimesItsHeap() {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g");
                AppProcess app = AppProcess.withAgent("memnodes=" + node.address() + ",cache=1m", SECRET, "32m",
                        MmuLoopApp.class, Long.toString(256L << 20), "1")) {
            assertEquals(0, app.awaitExit(Duration.ofSeconds(120)), app.describe());
            assertTrue(app.stdout().contains("round 1 ok"), app.describe());
        }
    }
}
