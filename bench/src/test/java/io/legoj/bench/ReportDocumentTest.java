package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDocumentTest {
    @Test
    void quotesTheSummaryTableOfTheHandWrittenDocument(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("BENCHMARKS.md");
        Files.writeString(md, "# B\n\n## Summary\n\n| a | b |\n|---|---|\n| x | 1 |\n\n## Other\n\n| c |\n|---|\n");
        assertEquals(List.of("| a | b |", "|---|---|", "| x | 1 |"), ReportDocument.summaryTable(md));
        Files.writeString(md, "# B\n\n## Other\n\n| c |\n|---|\n| 1 |\n");
        assertThrows(UsageException.class, () -> ReportDocument.summaryTable(md));
        assertThrows(UsageException.class, () -> ReportDocument.summaryTable(dir.resolve("missing.md")));
    }

    @Test
    void writesTheReportWithMissingSystemsAsNotAvailable(@TempDir Path dir) throws IOException {
        ReportResults r = results();
        List<Path> files = ReportDocument.write(r, List.of("| earlier | figure |", "|---|---|", "| x | 1 |"), dir);
        assertEquals(List.of(dir.resolve(ReportDocument.FILE), dir.resolve(ReportDocument.THROUGHPUT_PNG),
                dir.resolve(ReportDocument.RSS_PNG)), files);
        String md = Files.readString(files.get(0));
        assertTrue(md.contains("| kvstore + agent | 25 % (40 KiB) | 6000 | 0.30 | 7000 / 6000 / 5000 | 900 | 0.950 | 800 | 100 |"), md);
        assertTrue(md.contains("| redis-server | - | n/a | n/a | n/a |"), md);
        assertTrue(md.contains("redis-server: n/a, redis-server is not on PATH"), md);
        assertTrue(md.contains("| `zipf_25_ratio`: agent at 25 % cache / plain JVM | 0.30 | >= 0.6 | missed |"), md);
        assertTrue(md.contains("| `rss_growth_agent`: RSS at 8x data / at 1x, agent | 1.10 | <= 1.15 | met |"), md);
        assertTrue(md.contains("| kvstore + agent, cache 25 % | 1000 | 2000 | 0.10 | 0.10 |"), md);
        assertTrue(md.endsWith("| earlier | figure |\n|---|---|\n| x | 1 |\n"), md);
        assertEquals(0.3, r.agentOverPlain(25), 1e-12);
        assertEquals(2.0, r.rssGrowth(false), 1e-12);
    }

    private static ReportResults results() {
        ZipfLoad.Settings load = new ZipfLoad.Settings(1000, 512, 0.99, 90, 4, 16, 42);
        ReportResults.Setup setup = new ReportResults.Setup("2026-01-01 00:00 UTC", "2 cores", "1.00", "2.00", load,
                10_000, 1000, 3, 4096, 160 * 1024, "memnodes=<memnode>,cache=<size>", "-Xmx2g", "redis-benchmark -q",
                1024, 4 << 20, "-Xmx128m", "redis-server is not on PATH (install it with: apt-get install redis-server)",
                null);
        Map<String, String> agent = Map.of("faults", "900", "hit_ratio", "0.950", "evictions", "800", "write_backs", "100",
                "local_heap_used", "1048576", "resident_pages", "10", "remote_array_bytes", "0");
        return new ReportResults(setup, List.of(
                new ReportResults.Throughput(ReportBench.AGENT, null, 1L << 30, 15_000.0, List.of(15_000.0), agent),
                new ReportResults.Throughput(ReportBench.AGENT, 100.0, 160 * 1024, 12_000.0,
                        List.of(11_000.0, 12_000.0, 13_000.0), agent),
                new ReportResults.Throughput(ReportBench.AGENT, 25.0, 40 * 1024, 6_000.0, List.of(7000.0, 6000.0, 5000.0),
                        agent),
                new ReportResults.Throughput(ReportBench.PLAIN, null, 0, 20_000.0, List.of(20_000.0), Map.of()),
                new ReportResults.Throughput(ReportBench.REDIS, null, 0, null, List.of(), Map.of())),
                List.of(new ReportResults.BenchmarkRow(ReportBench.PLAIN, Map.of("SET", 10_000.0, "GET", 20_000.0)),
                        new ReportResults.BenchmarkRow(ReportBench.AGENT + ", cache 25 %", Map.of("SET", 1000.0,
                                "GET", 2000.0)),
                        new ReportResults.BenchmarkRow(ReportBench.REDIS, null)),
                List.of(new ReportResults.RssRow(1000, 100 << 20, 50 << 20, agent),
                        new ReportResults.RssRow(8000, 110 << 20, 100 << 20, agent)));
    }
}
