package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/legoj run} (and the agent alone) with an application whose data is four times the page
 * cache: exit code and both streams pass through, the summary shows faults and write-backs, and the
 * result is the one computed without LegoJ.
 */
class LegojRunTest {
    private static final long BYTES = 4L << 20;
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Pattern SUMMARY = Pattern.compile("\\[legoj] summary: faults=(\\d+) .*write_backs=(\\d+) .*");

    private static String expectedStdout() {
        long words = BYTES / 8;
        long[] memory = new long[(int) words];
        long sum = MmuChecksumApp.checksum(new MmuChecksumApp.Words() {
            @Override
            public long get(long i) {
                return memory[(int) i];
            }

            @Override
            public void put(long i, long v) {
                memory[(int) i] = v;
            }
        }, words);
        return "checksum=" + Long.toHexString(sum);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void runWithLocalMemnodesPassesExitCodeAndStreamsThrough() {
        try (AppProcess app = AppProcess.viaRun(List.of("--cache", "1m", "--capacity", "64m"), null,
                MmuChecksumApp.class, Long.toString(BYTES), "3")) {
            assertEquals(3, app.awaitExit(BOUND), app.describe());
            assertEquals(List.of(expectedStdout()), app.stdout(), app.describe());
            assertTrue(app.stderr().contains("mmu-app: " + BYTES + " bytes done, exiting with 3"), app.describe());
            assertSummary(app);
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void agentAloneAgainstAMemnodeProcess() {
        try (MemnodeProcess node = MemnodeProcess.start("direct-secret", "64m");
                AppProcess app = AppProcess.withAgent("memnodes=" + node.address() + ",cache=1m", "direct-secret",
                        MmuChecksumApp.class, Long.toString(BYTES), "0")) {
            assertEquals(0, app.awaitExit(BOUND), app.describe());
            assertEquals(List.of(expectedStdout()), app.stdout(), app.describe());
            assertSummary(app);
            assertTrue(node.isAlive(), node.process().describe());
        }
    }

    private static void assertSummary(AppProcess app) {
        List<String> summaries = app.stderr().stream().filter(l -> l.startsWith("[legoj] summary:")).toList();
        assertEquals(1, summaries.size(), app.describe());
        Matcher m = SUMMARY.matcher(summaries.get(0));
        assertTrue(m.matches(), summaries.get(0));
        assertTrue(Long.parseLong(m.group(1)) > 0, summaries.get(0));
        assertTrue(Long.parseLong(m.group(2)) > 0, summaries.get(0));
        Streams.assertNoStackTrace(app.stderr(), app.describe());
        assertEquals(List.of(), app.process().leakReports());
    }
}
