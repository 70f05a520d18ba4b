package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The JMH driver in this JVM (no fork), one short iteration per benchmark; checks the ratio lines only. */
class ResidentBenchTest {
    @Test
    void runsEveryBenchmarkAndEndsWithBothRatios() {
        DriverRun r = DriverRun.of("resident", "--forks", "0", "--warmup-iterations", "0", "--iterations", "1",
                "--time", "0.05", "--measure-time", "0.05", "--ints", "65536", "--cache", "1m", "--verbose", "false");
        assertEquals(0, r.exitCode(), r.all());
        for (String w : new String[] {"seqSum", "seqRmw", "randSum", "randRmw"}) {
            assertTrue(r.hasLineMatching(w + "(\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d\\d){2}"), r.all());
        }
        assertTrue(r.lastLine().matches("resident_seq_ratio=\\d+\\.\\d\\d resident_rand_ratio=\\d+\\.\\d\\d"), r.all());
    }
}
