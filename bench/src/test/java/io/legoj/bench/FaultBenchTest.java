package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fault driver end to end with tiny parameters on an in-process memnode; checks the output format only. */
class FaultBenchTest {
    private static final String NUM = "\\d+\\.\\d";

    @Test
    void printsLatencyAndThroughputLinesAndEndsWithTheRatio() {
        DriverRun r = DriverRun.of("fault", "--memnode", "inprocess", "--pages", "256", "--samples", "300",
                "--warmup", "50", "--round", "40", "--cache-pages", "8", "--cold-pages", "32", "--trials", "2");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.lastLine().matches("fault_p50_us=" + NUM + " rtt_p50_us=" + NUM + " ratio=\\d+\\.\\d\\d"), r.all());
        assertTrue(r.hasLineMatching("fault_p99_us=" + NUM + " rtt_p99_us=" + NUM), r.all());
        assertTrue(r.hasLineMatching("cold_faults_per_s_1t=\\d+ cold_faults_per_s_4t=\\d+ scaling=\\d+\\.\\d\\d"), r.all());
        assertTrue(r.hasLineMatching("fault: 300 faults and 300 echoes measured .*"), r.all());
    }
}
