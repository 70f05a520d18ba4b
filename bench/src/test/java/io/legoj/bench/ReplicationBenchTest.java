package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The replication driver end to end with tiny parameters (three memnode child JVMs); checks the output only. */
class ReplicationBenchTest {
    @Test
    void comparesOneAndTwoReplicasAndMeasuresTheFailover() {
        DriverRun r = DriverRun.of("replication", "--mib", "4", "--cache-mib", "1", "--rounds", "1",
                "--failover-seconds", "2");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.lastLine().matches("replication_overhead=-?\\d+\\.\\d\\d failover_stall_ms=\\d+\\.\\d\\d"), r.all());
        assertTrue(r.hasLineMatching("failover: .* killed under a running workload; .*"), r.all());
    }
}
