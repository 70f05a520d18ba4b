package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pagesize driver with a tiny data set on an in-process memnode; checks the table and the last line. */
class PageSizeBenchTest {
    @Test
    void printsATableRowPerSizeAndARecommendation() {
        DriverRun r = DriverRun.of("pagesize", "--memnode", "inprocess", "--cache", "512k", "--passes", "1",
                "--rand-seconds", "0.2", "--rand-warmup", "0.05", "--rounds", "1", "--warmup-rounds", "0");
        assertEquals(0, r.exitCode(), r.all());
        for (String size : new String[] {"4k", "16k", "64k"}) {
            assertTrue(r.hasLineMatching(size + "\\s+\\d+\\.\\d\\s+\\d+\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d"), r.all());
        }
        assertTrue(r.lastLine().matches("recommendation: page=(4k|16k|64k) \\(score \\d\\.\\d\\d .*\\)"), r.all());
    }
}
