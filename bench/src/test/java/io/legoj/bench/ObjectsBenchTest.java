package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workloads.objects.ObjectWork;

/**
 * The objects driver's report and its workload on a plain JVM (the full driver forks JMH JVMs with the
 * agent; it runs as {@code bin/legoj bench objects}).
 */
class ObjectsBenchTest {
    @Test
    void reportsNanosecondsPerRoundAndHopAndTheRatios() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectsBench.report(Map.of("fields", 500.0, "chase", 1000.0, "sharedReads", 400.0),
                Map.of("fields", 1500.0, "chase", 4000.0, "sharedReads", 600.0), 100_000, 1_000_000,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals("field_ratio=3.00 chase_ratio=4.00", lines[lines.length - 1]);
        assertEquals("shared_ratio=1.50", lines[lines.length - 2]);
        assertTrue(lines[1].startsWith("field round          0.500"), lines[1]);
        assertTrue(lines[3].startsWith("shared read x2       0.400      0.600          1.50"), lines[3]);
    }

    @Test
    void theWorkloadWalksTheWholeList() {
        ObjectWork.Node head = ObjectWork.list(1000, 7);
        assertEquals(999L * 1000 / 2, ObjectWork.chase(head));
        ObjectWork.Counter[] ring = ObjectWork.counters(4);
        assertEquals(6, ObjectWork.fields(ring, 8));
        assertEquals(8 * (6 + 3), ObjectWork.reads(ring, 8));
    }
}
