package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workloads.arrays.ArrayWork;

/**
 * The arrays driver's report and its workload on a plain JVM (the full driver forks JMH JVMs with the
 * agent; it runs as {@code bin/legoj bench arrays}).
 */
class ArraysBenchTest {
    @Test
    void reportsEachRatioAndEndsWithTheGeometricMeans() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Double> plain = Map.ofEntries(Map.entry("seqInt", 1000.0), Map.entry("seqLong", 1000.0),
                Map.entry("absInt", 1000.0), Map.entry("callInt", 1000.0), Map.entry("downLong", 1000.0),
                Map.entry("rowsLong", 1000.0), Map.entry("randInt", 100.0), Map.entry("randLong", 100.0),
                Map.entry("copy", 50.0), Map.entry("small/16", 10.0), Map.entry("small/64", 20.0));
        Map<String, Double> remote = Map.ofEntries(Map.entry("seqInt", 2000.0), Map.entry("seqLong", 8000.0),
                Map.entry("absInt", 1250.0), Map.entry("callInt", 1750.0), Map.entry("downLong", 2500.0),
                Map.entry("rowsLong", 1500.0), Map.entry("randInt", 300.0), Map.entry("randLong", 1200.0),
                Map.entry("copy", 150.0), Map.entry("small/16", 15.0), Map.entry("small/64", 30.0));
        Map<String, Double> allRemote = Map.of("small/16", 40.0, "small/64", 50.0);
        ArraysBench.Shape shape = new ArraysBench.Shape(1 << 20, 1 << 19, 1000, 1 << 20, List.of(16, 64));
        ArraysBench.report(plain, remote, allRemote, shape, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertEquals("seq_ratio=4.00 rand_ratio=6.00 copy_ratio=3.00", lines.get(lines.size() - 1));
        assertTrue(lines.contains("seq_int_ratio=2.00"), lines.toString());
        assertTrue(lines.contains("rows_long_ratio=1.50"), lines.toString());
        assertTrue(lines.contains("down_long_ratio=2.50"), lines.toString());
        assertTrue(lines.contains("abs_int_ratio=1.25"), lines.toString());
        assertTrue(lines.contains("call_int_ratio=1.75"), lines.toString());
        assertTrue(lines.contains("rand_long_ratio=12.00"), lines.toString());
        assertTrue(lines.contains("small_16_default_ratio=1.50"), lines.toString());
        assertTrue(lines.contains("small_16_remote_ratio=4.00"), lines.toString());
        assertTrue(lines.contains("small_64_remote_ratio=2.50"), lines.toString());
    }

    @Test
    void theWorkloadKeepsItsSumsThroughRandomUpdatesAndCopies() {
        ArrayWork.Scan scan = new ArrayWork.Scan(1000, 500);
        assertEquals(999L * 1000 / 2, scan.sumInts());
        assertEquals(3 * (499L * 500 / 2), scan.sumLongs());
        assertEquals(3 * (479L * 480 / 2), scan.sumRows(32), "the 15 whole rows of 32");
        assertEquals(scan.sumLongs(), scan.sumLongsDown());
        assertEquals(1000 + 3L * (255 * 256 / 2) + 231L * 232 / 2, scan.sumWeights(), "each low byte plus one");
        assertEquals(1000L * 1001 / 2, scan.sumAbsInts(), "the distances of 0 to 999 from 1000");
        long first = scan.randInts(10_000);
        scan.randInts(10_000);
        scan.randLongs(7);
        assertEquals(999L * 1000 / 2 + 20_000, scan.sumInts());
        assertTrue(first > 0);
        assertNull(scan.check());

        ArrayWork.Copy copy = new ArrayWork.Copy(100_000);
        assertEquals("no copy ran", copy.check());
        copy.copy();
        assertNull(copy.check());

        ArrayWork.Small small = new ArrayWork.Small(64);
        assertEquals(small.expected(300), small.run(300));
    }

    @Test
    void badSmallSizesAreUsageErrors() {
        DriverRun r = DriverRun.of("arrays", "--small-sizes", "16,6");
        assertTrue(r.err().contains("--small-sizes"), r.all());
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("legoj bench arrays: "), r.all());
    }
}
