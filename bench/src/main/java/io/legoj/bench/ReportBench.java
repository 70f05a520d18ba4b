package io.legoj.bench;

import static io.legoj.bench.Report.f2;

import io.legoj.protocol.Protocol;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code report}: measures, in one run, the kvstore example under a zipfian GET/SET load with the
 * agent ({@code objects=remote,arrays=remote}, a memnode and a storagenode child JVM)
 * at page caches of 100, 50, 25 and 10 % of its working set, against the same kvstore on a plain
 * JVM and against redis-server; redis-benchmark against each; and the kvstore JVM's RSS against the
 * dataset size. Writes {@code BENCHMARKS-report.md} and its charts, and ends with the targets'
 * {@code key=value} lines.
 */
final class ReportBench implements BenchMain.Driver {
    static final String AGENT = "kvstore + agent";
    static final String PLAIN = "kvstore, plain JVM";
    static final String REDIS = "redis-server";
    /** The storagenode holds the paths under it (the agent's {@code mount=}): the agent runs' AOFs. */
    static final String MOUNT = "/legoj-report";
    private static final List<Integer> CACHE_PERCENTS = List.of(100, 50, 25, 10);
    private static final int BENCHMARK_CACHE_PERCENT = 25;
    private static final List<Integer> RSS_MULTIPLES = List.of(1, 2, 4, 8);
    /** Holds any working set of the default sizes many times: the calibration run evicts nothing. */
    private static final long CALIBRATION_CACHE = 1L << 30;
    private static final long MEMNODE_CAPACITY = 4L << 30;
    private static final List<String> HEAP = List.of("-Xmx2g");
    private static final List<String> BENCHMARK_ARGS = List.of("-q", "-t", "set,get", "-n", "50000", "-d", "100", "-r",
            "20000", "-P", "16");

    @Override
    public String summary() {
        return "kvstore under zipfian load at 100/50/25/10% cache (agent) vs plain JVM and redis-server, RSS vs "
                + "dataset; writes docs/BENCHMARKS-report.md and charts";
    }

    @Override
    public List<String> help() {
        return List.of(
                "--keys N          keys of the zipfian load (default 30000)",
                "--value BYTES     value size of the zipfian load (default 512)",
                "--zipf S          zipfian exponent (default 0.99)",
                "--get PERCENT     share of GETs, the rest SETs (default 90)",
                "--ops N           measured operations per server (default 500000)",
                "--warmup N        operations before the measured ones (default 100000)",
                "--jvms N          fresh servers per zipfian figure, the median is reported (default 3)",
                "--connections N   client connections, one thread each (default 4)",
                "--pipeline N      requests in flight per connection (default 16)",
                "--seed N          seed of the load (default 42)",
                "--page SIZE       the agent's page size (default 4k)",
                "--rss-keys N      keys of the smallest RSS dataset, then 2x, 4x, 8x (default 20000)",
                "--rss-value BYTES value size of the RSS datasets (default 1024)",
                "--rss-cache SIZE  the agent's cache in the RSS runs (default 4m)",
                "--rss-heap SIZE   the agent's -Xmx in the RSS runs (default 128m; the plain JVM keeps -Xmx2g)",
                "--out DIR         where the report and charts go (default: docs of legoj.home)");
    }

    @Override
    public void run(Args args, PrintStream out, PrintStream err) throws Exception {
        long started = System.nanoTime();
        ZipfLoad.Settings load = new ZipfLoad.Settings(args.positive("keys", 30_000), args.positive("value", 512),
                exponent(args), percent(args), args.positive("connections", 4), args.positive("pipeline", 16),
                args.atLeastZero("seed", 42));
        long ops = args.positive("ops", 500_000);
        long warmup = args.atLeastZero("warmup", 100_000);
        int jvms = args.positive("jvms", 3);
        long page = args.size("page", 4096);
        int rssKeys = args.positive("rss-keys", 20_000);
        int rssValue = args.positive("rss-value", 1024);
        long rssCache = args.size("rss-cache", 4L << 20);
        String rssHeap = "-Xmx" + Math.max(1, args.size("rss-heap", 128L << 20) >> 20) + "m";
        String secret = System.getenv(Protocol.SECRET_ENV);
        if (secret == null || secret.isEmpty()) {
            throw new UsageException(Protocol.SECRET_ENV + " is not set: run it as bin/legoj bench report");
        }
        Path home = Path.of(System.getProperty("legoj.home", "."));
        Path agent = built(home.resolve("agent/target/legoj-agent.jar"));
        Path examples = built(home.resolve("examples/target/legoj-examples.jar"));
        Path dir = Path.of(args.string("out", home.resolve("docs").toString()));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--out " + dir + " is not a directory");
        }
        List<String> earlier = ReportDocument.summaryTable(home.resolve("docs/BENCHMARKS.md"));
        Optional<Path> redisServer = Programs.onPath("redis-server");
        Optional<Path> redisBenchmark = Programs.onPath("redis-benchmark");
        String serverMissing = redisServer.isPresent() ? null
                : "redis-server is not on PATH (install it with: apt-get install redis-server)";
        String benchmarkMissing = redisBenchmark.isPresent() ? null
                : "redis-benchmark is not on PATH (install it with: apt-get install redis-tools)";
        Stream.of(serverMissing, benchmarkMissing).filter(m -> m != null)
                .forEach(m -> out.println("report: " + m + "; its rows are n/a"));
        String loadBefore = loadAverage();
        Path work = Files.createTempDirectory("legoj-bench-report");
        try {
            // copies: a rebuild of the jars during the run must not change them under running JVMs
            Path agentCopy = Files.copy(agent, work.resolve("legoj-agent.jar"), StandardCopyOption.REPLACE_EXISTING);
            Path examplesCopy = Files.copy(examples, work.resolve("legoj-examples.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            Measured m;
            try (MemnodeProcess memnode = MemnodeProcess.start(MEMNODE_CAPACITY, secret, err);
                    StoragenodeProcess storage = StoragenodeProcess.start(Files.createDirectories(work.resolve("node")),
                            secret, err)) {
                out.println("report: " + memnode.describe() + ", " + storage.describe());
                ReportRun run = new ReportRun(agentCopy, examplesCopy, work, secret, "memnodes=" + memnode.address()
                        + ",storage=" + storage.address() + ",mount=" + MOUNT, page, HEAP, out, err);
                m = measure(new Plan(run, new ZipfLoad(load), ops, warmup, jvms, redisServer,
                        redisBenchmark.map(p -> new RedisBenchmark(p, BENCHMARK_ARGS)), rssKeys, rssValue, rssCache,
                        rssHeap),
                        out);
            }
            ReportResults results = new ReportResults(new ReportResults.Setup(
                    ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                    machine(), loadBefore, loadAverage(), load, ops, warmup, jvms, page, m.workingSet(),
                    ReportRun.agentOptions("memnodes=<memnode>,storage=<storagenode>,mount=" + MOUNT, page, "<size>",
                            "<run>"), String.join(" ", HEAP), "redis-benchmark " + String.join(" ", BENCHMARK_ARGS),
                    rssValue, rssCache, rssHeap, serverMissing, benchmarkMissing), m.zipf(), m.benchmark(), m.rss());
            for (Path p : ReportDocument.write(results, earlier, dir)) {
                out.println("report: wrote " + p);
            }
            printFigures(results, out);
            out.printf(Locale.ROOT, "report: done in %.1f min%n", (System.nanoTime() - started) / 60e9);
        } finally {
            deleteTree(work);
        }
    }

    /** What to measure, with what. */
    private record Plan(ReportRun run, ZipfLoad load, long ops, long warmup, int jvms, Optional<Path> redisServer,
            Optional<RedisBenchmark> benchmark, int rssKeys, int rssValue, long rssCache, String rssHeap) {
    }

    /** What {@link #measure} gathered. */
    private record Measured(long workingSet, List<ReportResults.Throughput> zipf,
            List<ReportResults.BenchmarkRow> benchmark, List<ReportResults.RssRow> rss) {
    }

    private static Measured measure(Plan plan, PrintStream out) throws Exception {
        out.println("report: zipfian load, " + plan.load() + "; " + plan.warmup() + " warm-up and " + plan.ops()
                + " measured ops per server, median of " + plan.jvms() + " servers");
        List<ReportResults.Throughput> zipf = new ArrayList<>();
        out.println("[1/5] calibration: kvstore under the agent with a cache of "
                + Report.size(CALIBRATION_CACHE));
        ReportResults.Throughput calibration = agentZipf(plan, "calibration", null, CALIBRATION_CACHE, 1, out);
        long workingSet = workingSet(calibration.agent(), plan.run().pageBytes());
        out.println("  working set: " + calibration.agent().get("resident_pages") + " pages of "
                + Report.size(plan.run().pageBytes()) + " = " + Report.size(workingSet));
        zipf.add(calibration);
        out.println("[2/5] kvstore under the agent at " + CACHE_PERCENTS + " % of the working set");
        for (int percent : CACHE_PERCENTS) {
            long cache = cacheOf(workingSet, percent, plan.run().pageBytes());
            zipf.add(agentZipf(plan, "zipf-" + percent, (double) percent, cache, plan.jvms(), out));
        }
        out.println("[3/5] kvstore on a plain JVM, redis-server");
        zipf.addAll(references(plan, out));
        out.println("[4/5] redis-benchmark");
        List<ReportResults.BenchmarkRow> bench = benchmarks(plan,
                cacheOf(workingSet, BENCHMARK_CACHE_PERCENT, plan.run().pageBytes()));
        out.println("[5/5] RSS after loading " + RSS_MULTIPLES + " x " + plan.rssKeys() + " keys of " + plan.rssValue()
                + " bytes");
        List<ReportResults.RssRow> rss = new ArrayList<>();
        for (int multiple : RSS_MULTIPLES) {
            rss.add(rss(plan, multiple));
        }
        return new Measured(workingSet, zipf, bench, rss);
    }

    /** Starts the {@code jvm}-th server of a measurement. */
    private interface Starter {
        ChildServer start(int jvm) throws IOException;
    }

    private static ReportResults.Throughput agentZipf(Plan plan, String run, Double percent, long cache, int jvms,
            PrintStream out) throws Exception {
        return zipf(plan, AGENT, percent, cache, jvms, jvm -> plan.run().agent(run + "-" + jvm, cache), out);
    }

    /** The plain JVM's and redis-server's throughput under the same load (redis-server n/a when missing). */
    private static List<ReportResults.Throughput> references(Plan plan, PrintStream out) throws Exception {
        List<ReportResults.Throughput> refs = new ArrayList<>();
        refs.add(zipf(plan, PLAIN, null, 0, plan.jvms(), jvm -> plan.run().plain("zipf-plain-" + jvm), out));
        if (plan.redisServer().isEmpty()) {
            refs.add(new ReportResults.Throughput(REDIS, null, 0, null, List.of(), Map.of()));
        } else {
            refs.add(zipf(plan, REDIS, null, 0, plan.jvms(),
                    jvm -> plan.run().redis(plan.redisServer().get(), "redis-zipf-" + jvm), out));
        }
        return refs;
    }

    /**
     * The zipfian load on {@code jvms} fresh servers, one after the other: the run of median
     * throughput (one JVM's compiled code runs faster than another's), with every run's figure.
     */
    private static ReportResults.Throughput zipf(Plan plan, String system, Double percent, long cache, int jvms,
            Starter starter, PrintStream out) throws Exception {
        List<Double> perJvm = new ArrayList<>();
        List<Map<String, String>> summaries = new ArrayList<>();
        for (int jvm = 0; jvm < jvms; jvm++) {
            try (ChildServer server = starter.start(jvm)) {
                perJvm.add(plan.run().zipf(server, plan.load(), plan.warmup(), plan.ops()).opsPerSecond());
                Map<String, String> summary = server instanceof KvStoreProcess kv && kv.underAgent()
                        ? kv.stopForSummary() : Map.of();
                if (!summary.isEmpty()) {
                    out.println("    cache " + Report.size(cache) + ": hit_ratio=" + summary.get("hit_ratio") + " faults="
                            + summary.get("faults") + " evictions=" + summary.get("evictions") + " resident_pages="
                            + summary.get("resident_pages"));
                }
                summaries.add(summary);
            }
        }
        int median = medianIndex(perJvm);
        return new ReportResults.Throughput(system, percent, cache, perJvm.get(median), List.copyOf(perJvm),
                summaries.get(median));
    }

    /** The index of the median value (the lower of the two middle ones for an even count). */
    static int medianIndex(List<Double> values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(values::get));
        return order.get((values.size() - 1) / 2);
    }

    /** redis-benchmark on fresh servers preloaded with the zipfian keys; rows n/a for what is missing. */
    private static List<ReportResults.BenchmarkRow> benchmarks(Plan plan, long agentCache) throws Exception {
        String agentRow = AGENT + ", cache " + BENCHMARK_CACHE_PERCENT + " %";
        if (plan.benchmark().isEmpty()) {
            return List.of(new ReportResults.BenchmarkRow(PLAIN, null), new ReportResults.BenchmarkRow(agentRow, null),
                    new ReportResults.BenchmarkRow(REDIS, null));
        }
        RedisBenchmark b = plan.benchmark().get();
        List<ReportResults.BenchmarkRow> rows = new ArrayList<>();
        try (KvStoreProcess kv = plan.run().plain("bench-plain")) {
            rows.add(new ReportResults.BenchmarkRow(PLAIN, plan.run().benchmark(kv, plan.load(), b)));
        }
        try (KvStoreProcess kv = plan.run().agent("bench-" + BENCHMARK_CACHE_PERCENT, agentCache)) {
            rows.add(new ReportResults.BenchmarkRow(agentRow, plan.run().benchmark(kv, plan.load(), b)));
        }
        if (plan.redisServer().isEmpty()) {
            rows.add(new ReportResults.BenchmarkRow(REDIS, null));
            return rows;
        }
        try (RedisServerProcess redis = plan.run().redis(plan.redisServer().get(), "redis-bench")) {
            rows.add(new ReportResults.BenchmarkRow(REDIS, plan.run().benchmark(redis, plan.load(), b)));
        }
        return rows;
    }

    /** The kvstore JVM's RSS with {@code multiple} times the smallest dataset, under the agent and plain. */
    private static ReportResults.RssRow rss(Plan plan, int multiple) throws Exception {
        ZipfLoad.Settings z = plan.load().settings();
        int keys = plan.rssKeys() * multiple;
        ZipfLoad data = new ZipfLoad(new ZipfLoad.Settings(keys, plan.rssValue(), z.exponent(), z.readPercent(),
                z.connections(), z.pipeline(), z.seed()));
        long agentRss;
        Map<String, String> summary;
        try (KvStoreProcess kv = plan.run().agent("rss-" + multiple + "x", plan.rssCache(), List.of(plan.rssHeap()))) {
            agentRss = plan.run().rssAfterLoading(kv, data);
            summary = kv.stopForSummary();
        }
        try (KvStoreProcess kv = plan.run().plain("rss-plain-" + multiple + "x")) {
            return new ReportResults.RssRow(keys, agentRss, plan.run().rssAfterLoading(kv, data), summary);
        }
    }

    /** The bytes of the pages the calibration run touched; its cache must have held them all. */
    static long workingSet(Map<String, String> summary, long pageBytes) {
        String pages = summary.get("resident_pages");
        if (pages == null) {
            throw new IllegalStateException("the agent's summary has no resident_pages=: " + summary);
        }
        if (!"0".equals(summary.get("evictions"))) {
            throw new IllegalStateException("the calibration run evicted pages (evictions=" + summary.get("evictions")
                    + "): its cache did not hold the working set; give fewer --keys or a smaller --value");
        }
        return Long.parseLong(pages) * pageBytes;
    }

    /** {@code percent} of the working set, in whole pages, at least the 2 pages a cache needs. */
    static long cacheOf(long workingSet, int percent, long pageBytes) {
        long pages = (workingSet / pageBytes * percent + 99) / 100;
        return Math.max(2, pages) * pageBytes;
    }

    private static void printFigures(ReportResults r, PrintStream out) {
        for (ReportResults.Throughput t : r.zipf()) {
            out.printf(Locale.ROOT, "%-20s %-26s %12s%n", t.system(), t.cacheLabel(),
                    t.opsPerSecond() == null ? "n/a" : Report.whole(t.opsPerSecond()) + " ops/s");
        }
        for (ReportResults.BenchmarkRow b : r.redisBenchmark()) {
            out.println("redis-benchmark " + b.system() + ": " + (b.requestsPerSecond() == null ? "n/a"
                    : b.requestsPerSecond()));
        }
        for (ReportResults.RssRow row : r.rss()) {
            out.printf(Locale.ROOT, "rss keys=%d agent=%.1fMiB plain=%.1fMiB%n", row.keys(), row.agentRss() / 1048576.0,
                    row.plainRss() / 1048576.0);
        }
        for (int percent : CACHE_PERCENTS) {
            out.println("zipf_" + percent + "_ratio=" + f2(r.agentOverPlain(percent)));
        }
        String zipf = "zipf_25_ratio=" + f2(r.agentOverPlain(25));
        String agent = "rss_growth_agent=" + f2(r.rssGrowth(true));
        String plain = "rss_growth_plain=" + f2(r.rssGrowth(false));
        out.println(agent);
        out.println(plain);
        out.println(zipf + " " + agent + " " + plain);
    }

    private static double exponent(Args args) {
        String v = args.string("zipf", "0.99");
        try {
            double s = Double.parseDouble(v.trim());
            if (s > 0 && s < 10) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--zipf must be an exponent in (0, 10), got '" + v + "'");
    }

    private static int percent(Args args) {
        int p = args.atLeastZero("get", 90);
        if (p > 100) {
            throw new UsageException("--get must be a percentage from 0 to 100, got " + p);
        }
        return p;
    }

    private static Path built(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new UsageException(jar + " is missing: build it with mvn -q -DskipTests install");
        }
        return jar;
    }

    private static String machine() throws IOException {
        String mem = "?";
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("\\D+", ""));
                mem = Math.round(kib / 1048576.0) + " GiB";
            }
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + mem + " of memory, " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + ", Java " + System.getProperty("java.runtime.version");
    }

    /** The 1-minute load average now. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
