package io.legoj.bench;

import static io.legoj.bench.Report.f2;
import static io.legoj.bench.Report.whole;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generated report: {@code BENCHMARKS-report.md} and its two charts, written from the
 * measurements of one run, with the hand-written summary table of {@code BENCHMARKS.md} quoted at
 * the end so that the report stands alone.
 */
final class ReportDocument {
    static final String FILE = "BENCHMARKS-report.md";
    static final String THROUGHPUT_PNG = "report-throughput.png";
    static final String RSS_PNG = "report-rss.png";
    static final double ZIPF_TARGET = 0.6;
    static final double RSS_TARGET = 1.15;
    private static final Color AGENT = new Color(31, 119, 180);
    private static final Color PLAIN = new Color(255, 127, 14);
    private static final Color REDIS = new Color(214, 39, 40);
    private static final double MIB = 1 << 20;

    private ReportDocument() {
    }

    /** Writes the document and the charts into {@code dir}; returns the files written. */
    static List<Path> write(ReportResults r, List<String> earlierSummary, Path dir) throws IOException {
        Path doc = dir.resolve(FILE);
        Files.writeString(doc, markdown(r, earlierSummary), StandardCharsets.UTF_8);
        Path throughput = dir.resolve(THROUGHPUT_PNG);
        Charts.writePng(throughputChart(r), 800, 480, throughput);
        Path rss = dir.resolve(RSS_PNG);
        Charts.writePng(rssChart(r), 800, 480, rss);
        return List.of(doc, throughput, rss);
    }

    /**
     * The rows of the {@code ## Summary} table of a hand-written benchmarks document; fails when
     * there is none, before anything is measured.
     */
    static List<String> summaryTable(Path benchmarksMd) throws IOException {
        if (!Files.isRegularFile(benchmarksMd)) {
            throw new UsageException(benchmarksMd + " is missing: the report quotes its Summary table");
        }
        List<String> table = new ArrayList<>();
        boolean inSummary = false;
        for (String line : Files.readAllLines(benchmarksMd, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSummary = line.trim().equals("## Summary");
            } else if (inSummary && line.startsWith("|")) {
                table.add(line);
            }
        }
        if (table.size() < 3) {
            throw new UsageException(benchmarksMd + " has no table under '## Summary' for the report to quote");
        }
        return table;
    }

    static String markdown(ReportResults r, List<String> earlierSummary) {
        ReportResults.Setup s = r.setup();
        StringBuilder md = new StringBuilder();
        md.append("# LegoJ benchmark report (generated)\n\n")
                .append("Written by `bin/legoj bench report` on ").append(s.date())
                .append(" from the measurements of that run; rerun the command rather than editing this file. ")
                .append("Hand-written notes on each benchmark: [BENCHMARKS.md](BENCHMARKS.md).\n\n")
                .append("Machine: ").append(s.machine()).append("; load average ").append(s.loadBefore())
                .append(" at the start, ").append(s.loadAfter()).append(" at the end. The load generator, the ")
                .append("servers and LegoJ's nodes share these cores, so figures are compared within one run.\n\n");
        zipfSection(md, r);
        benchmarkSection(md, r);
        rssSection(md, r);
        targetsSection(md, r);
        md.append("## Earlier figures\n\n")
                .append("The Summary table of [BENCHMARKS.md](BENCHMARKS.md) at the time of this run (not measured ")
                .append("by this command; each section there gives the command that measures it):\n\n");
        earlierSummary.forEach(line -> md.append(line).append('\n'));
        return md.toString();
    }

    private static void zipfSection(StringBuilder md, ReportResults r) {
        ReportResults.Setup s = r.setup();
        md.append("## kvstore under a zipfian GET/SET load\n\n")
                .append("Load: ").append(describe(s)).append(". Each server gets every key SET once (preload), then ")
                .append(String.format(Locale.ROOT, "%,d", s.warmup())).append(" operations of warm-up and ")
                .append(String.format(Locale.ROOT, "%,d", s.ops())).append(" measured ones; throughput is the ")
                .append("measured operations over their wall time, and every reply is checked (a GET must return a ")
                .append("whole value). Each figure is the median of ").append(s.jvms()).append(" fresh servers run ")
                .append("one after the other (all of them under \"per server\"; one JVM's compiled code can be much ")
                .append("faster than the next one's); the agent's counts are those of the median server.\n\n")
                .append("Systems: the kvstore example on a plain JVM (`").append(s.jvmFlags()).append("`, its AOF on ")
                .append("the local disk); the same under the agent (`-Xshare:off ").append(s.jvmFlags())
                .append(" -javaagent:legoj-agent.jar=").append(s.agentOptions()).append("`, with a memnode and a ")
                .append("storagenode child JVM on this machine, the AOF on the storagenode); Debian's `redis-server` ")
                .append("(`--appendonly yes --appendfsync no --save \"\"`: like kvstore, an AOF written without ")
                .append("fsync).\n\n")
                .append("Working set: the pages the agent's run touches, read from the `resident_pages=` of its ")
                .append("`[legoj] summary:` in a first run whose cache holds everything: ")
                .append(s.workingSetBytes() / s.pageBytes()).append(" pages of ").append(Report.size(s.pageBytes()))
                .append(" = ").append(mib(s.workingSetBytes())).append(" MiB. The cache sizes below are fractions of ")
                .append("it.\n\n")
                .append("| system | cache | ops/s | vs plain JVM | per server | faults | hit ratio | evictions | ")
                .append("write-backs |\n|---|---|---|---|---|---|---|---|---|\n");
        double plain = r.system(ReportBench.PLAIN).opsPerSecond();
        for (ReportResults.Throughput t : r.zipf()) {
            Map<String, String> a = t.agent();
            md.append("| ").append(t.system()).append(" | ").append(t.cacheLabel()).append(" | ")
                    .append(t.opsPerSecond() == null ? "n/a" : whole(t.opsPerSecond())).append(" | ")
                    .append(t.opsPerSecond() == null ? "n/a" : f2(t.opsPerSecond() / plain)).append(" | ")
                    .append(t.perJvm().isEmpty() ? "n/a" : t.perJvm().stream().map(Report::whole)
                            .collect(Collectors.joining(" / "))).append(" | ")
                    .append(a.getOrDefault("faults", "-")).append(" | ").append(a.getOrDefault("hit_ratio", "-"))
                    .append(" | ").append(a.getOrDefault("evictions", "-")).append(" | ")
                    .append(a.getOrDefault("write_backs", "-")).append(" |\n");
        }
        md.append("\nFaults, hit ratio, evictions and write-backs are the agent's counts over the whole process ")
                .append("(preload, warm-up and measured operations); the calibration run is one server.");
        if (s.redisServerMissing() != null) {
            md.append(" redis-server: n/a, ").append(s.redisServerMissing()).append('.');
        }
        md.append("\n\n![throughput against cache size](").append(THROUGHPUT_PNG).append(")\n\n");
    }

    private static void benchmarkSection(StringBuilder md, ReportResults r) {
        ReportResults.Setup s = r.setup();
        md.append("## redis-benchmark\n\n")
                .append("`").append(s.benchmarkCommand()).append("` against a fresh server of each kind, first ")
                .append("preloaded with the zipfian load's keys; kvstore under the agent has a cache of 25 % of the ")
                .append("working set.");
        if (s.redisBenchmarkMissing() != null) {
            md.append(" n/a: ").append(s.redisBenchmarkMissing()).append('.');
        }
        md.append("\n\n| system | SET req/s | GET req/s | SET vs plain JVM | GET vs plain JVM |\n|---|---|---|---|---|\n");
        Map<String, Double> plain = r.redisBenchmark().stream().filter(b -> b.system().equals(ReportBench.PLAIN))
                .findFirst().map(ReportResults.BenchmarkRow::requestsPerSecond).orElse(null);
        for (ReportResults.BenchmarkRow b : r.redisBenchmark()) {
            Map<String, Double> rps = b.requestsPerSecond();
            md.append("| ").append(b.system()).append(" | ").append(rate(rps, "SET")).append(" | ")
                    .append(rate(rps, "GET")).append(" | ").append(ratio(rps, plain, "SET")).append(" | ")
                    .append(ratio(rps, plain, "GET")).append(" |\n");
        }
        md.append('\n');
    }

    private static void rssSection(StringBuilder md, ReportResults r) {
        ReportResults.Setup s = r.setup();
        md.append("## Processor RSS against dataset size\n\n")
                .append("The kvstore JVM's `VmRSS` (from `/proc/<pid>/status`) 2 s after the last reply of SETting ")
                .append("every key once with values of ").append(s.rssValueBytes()).append(" bytes; a fresh JVM per ")
                .append("size and side; the plain JVM with `").append(s.jvmFlags()).append("`, the agent's with `")
                .append(s.rssAgentHeap()).append("` (its heap does not have to grow with the data), a fixed cache of ")
                .append(Report.size(s.rssCacheBytes())).append(" and the options above. ")
                .append("The agent's columns come from its summary at exit: `local_heap_used=`, `resident_pages=` and ")
                .append("`remote_array_bytes=` (the live arrays it holds in remote memory).\n\n")
                .append("| keys | values MiB | agent RSS MiB | plain RSS MiB | agent/plain | agent local heap MiB | ")
                .append("agent resident pages | agent remote array MiB |\n|---|---|---|---|---|---|---|---|\n");
        for (ReportResults.RssRow row : r.rss()) {
            md.append("| ").append(row.keys()).append(" | ").append(mib((long) row.keys() * s.rssValueBytes()))
                    .append(" | ").append(mib(row.agentRss())).append(" | ").append(mib(row.plainRss())).append(" | ")
                    .append(f2((double) row.agentRss() / row.plainRss())).append(" | ")
                    .append(mib(Long.parseLong(row.agent().getOrDefault("local_heap_used", "0")))).append(" | ")
                    .append(row.agent().getOrDefault("resident_pages", "-")).append(" | ")
                    .append(mib(Long.parseLong(row.agent().getOrDefault("remote_array_bytes", "0")))).append(" |\n");
        }
        int n = r.rss().size();
        md.append("\nGrowth from ").append(r.rss().get(0).keys()).append(" to ").append(r.rss().get(n - 1).keys())
                .append(" keys: ").append(f2(r.rssGrowth(true))).append("x under the agent, ")
                .append(f2(r.rssGrowth(false))).append("x on the plain JVM.\n\n")
                .append("![RSS against dataset size](").append(RSS_PNG).append(")\n\n");
    }

    private static void targetsSection(StringBuilder md, ReportResults r) {
        double zipf = r.agentOverPlain(25);
        double agent = r.rssGrowth(true);
        md.append("## Targets\n\n| figure | value | target | status |\n|---|---|---|---|\n")
                .append("| `zipf_25_ratio`: agent at 25 % cache / plain JVM | ").append(f2(zipf)).append(" | >= ")
                .append(ZIPF_TARGET).append(" | ").append(zipf >= ZIPF_TARGET ? "met" : "missed").append(" |\n")
                .append("| `rss_growth_agent`: RSS at 8x data / at 1x, agent | ").append(f2(agent)).append(" | <= ")
                .append(RSS_TARGET).append(" | ").append(agent <= RSS_TARGET ? "met" : "missed").append(" |\n")
                .append("| `rss_growth_plain`: the same on the plain JVM | ").append(f2(r.rssGrowth(false)))
                .append(" | reference | - |\n\n");
    }

    static Charts.Chart throughputChart(ReportResults r) {
        List<ReportResults.Throughput> agent = r.zipf().stream().filter(t -> t.cachePercent() != null).toList();
        double[] x = agent.stream().mapToDouble(ReportResults.Throughput::cachePercent).toArray();
        double[] y = agent.stream().mapToDouble(t -> t.opsPerSecond() / 1000).toArray();
        List<Charts.Level> levels = new ArrayList<>();
        for (ReportResults.Throughput t : r.zipf()) {
            if (t.cachePercent() == null && t.cacheBytes() == 0 && t.opsPerSecond() != null) {
                levels.add(new Charts.Level(t.system(), t.system().equals(ReportBench.REDIS) ? REDIS : PLAIN,
                        t.opsPerSecond() / 1000));
            }
        }
        return new Charts.Chart("kvstore, zipfian " + r.setup().load().readPercent() + "% GET: throughput against cache",
                "page cache, % of the working set (" + mib(r.setup().workingSetBytes()) + " MiB)", "thousand ops/s",
                List.of(new Charts.Series(ReportBench.AGENT, AGENT, x, y)), levels);
    }

    static Charts.Chart rssChart(ReportResults r) {
        double[] keys = r.rss().stream().mapToDouble(ReportResults.RssRow::keys).toArray();
        double[] agent = r.rss().stream().mapToDouble(row -> row.agentRss() / MIB).toArray();
        double[] plain = r.rss().stream().mapToDouble(row -> row.plainRss() / MIB).toArray();
        return new Charts.Chart("kvstore JVM RSS against dataset size", "keys stored (values of "
                + r.setup().rssValueBytes() + " bytes)", "RSS, MiB", List.of(new Charts.Series(ReportBench.AGENT
                + ", cache " + Report.size(r.setup().rssCacheBytes()), AGENT, keys, agent),
                new Charts.Series(ReportBench.PLAIN, PLAIN, keys, plain)), List.of());
    }

    private static String describe(ReportResults.Setup s) {
        ZipfLoad.Settings l = s.load();
        return String.format(Locale.ROOT, "%,d keys with values of %d bytes; keys drawn from a zipfian distribution "
                + "with s = %s (ranks scattered over the keys by a seeded permutation); %d %% GET, %d %% SET; %d "
                + "connections, each pipelining %d requests; seed %d", l.keys(), l.valueBytes(), l.exponent(),
                l.readPercent(), 100 - l.readPercent(), l.connections(), l.pipeline(), l.seed());
    }

    private static String rate(Map<String, Double> rps, String test) {
        return rps == null || !rps.containsKey(test) ? "n/a" : whole(rps.get(test));
    }

    private static String ratio(Map<String, Double> rps, Map<String, Double> plain, String test) {
        if (rps == null || plain == null || !rps.containsKey(test) || !plain.containsKey(test)) {
            return "n/a";
        }
        return f2(rps.get(test) / plain.get(test));
    }

    private static String mib(long bytes) {
        return Report.f1(bytes / MIB);
    }
}
