package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report driver's arithmetic and parsing; the measurements themselves start nodes and servers
 * and run as {@code bin/legoj bench report}.
 */
class ReportBenchTest {
    @Test
    void theAgentSummaryIsKeyValuePairs() {
        assertEquals(Map.of("faults", "610", "hit_ratio", "0.869", "resident_pages", "610"),
                KvStoreProcess.parseSummary(" faults=610 hit_ratio=0.869  resident_pages=610 "));
    }

    @Test
    void theWorkingSetIsTheCalibrationRunsResidentPages() {
        assertEquals(610L * 4096, ReportBench.workingSet(Map.of("resident_pages", "610", "evictions", "0"), 4096));
        assertThrows(IllegalStateException.class, () -> ReportBench.workingSet(Map.of("resident_pages", "610",
                "evictions", "3"), 4096), "a cache that evicted did not hold the working set");
        assertThrows(IllegalStateException.class, () -> ReportBench.workingSet(Map.of("evictions", "0"), 4096));
    }

    @Test
    void cacheSizesAreWholePagesOfTheWorkingSet() {
        long page = 4096;
        assertEquals(1000 * page, ReportBench.cacheOf(1000 * page, 100, page));
        assertEquals(250 * page, ReportBench.cacheOf(1000 * page, 25, page));
        assertEquals(101 * page, ReportBench.cacheOf(1001 * page, 10, page), "rounded up");
        assertEquals(2 * page, ReportBench.cacheOf(5 * page, 10, page), "never below the 2 pages a cache needs");
    }

    @Test
    void theMedianRunIsTheMiddleOneInOrder() {
        assertEquals(2, ReportBench.medianIndex(List.of(30.0, 10.0, 20.0)));
        assertEquals(2, ReportBench.medianIndex(List.of(40.0, 10.0, 20.0, 30.0)), "the lower middle of an even count");
        assertEquals(0, ReportBench.medianIndex(List.of(5.0)));
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (String[] args : new String[][] {{"report", "--zipf", "0"}, {"report", "--get", "101"},
                {"report", "--keys", "-1"}, {"report", "--nope", "1"}}) {
            DriverRun r = DriverRun.of(args);
            assertEquals(2, r.exitCode(), r.all());
        }
    }
}
