package io.legoj.bench;

import static io.legoj.bench.Report.f2;
import static io.legoj.bench.Report.f3;

import io.legoj.protocol.Sizes;
import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code resident}: JMH run of {@link ResidentBenchmarks}; prints runtime/plain ns per int for each
 * workload and ends with the geometric means of the sequential and of the random ratios.
 */
final class ResidentBench implements BenchMain.Driver {
    /** Workloads, each run as {@code <name>Plain} and {@code <name>Tlb}. */
    static final List<String> SEQUENTIAL = List.of("seqSum", "seqRmw");
    static final List<String> RANDOM = List.of("randSum", "randRmw");

    @Override
    public String summary() {
        return "JMH: typed int reads/writes on resident pages through a Tlb vs a plain int[] (sequential and random)";
    }

    @Override
    public List<String> help() {
        return List.of(
                "--forks N              JMH forks (default 1; 0 runs in this JVM)",
                "--warmup-iterations N  (default 4)",
                "--iterations N         measured iterations (default 10)",
                "--time S               seconds per warm-up iteration (default 1)",
                "--measure-time S       seconds per measured iteration (default 0.5; many short ones, so the "
                        + "fastest is seldom hit by other load)",
                "--ints N               working set in ints (default 1048576 = 4 MiB)",
                "--cache SIZE           page cache (default 64m, the runtime default: its TLB reaches 4 MiB)",
                "--include REGEX        only benchmark methods matching REGEX (default all)",
                "--verbose B            JMH output: true or false (default true)",
                "--jvm-args ARGS        extra JVM options of the forks, space-separated (default none)");
    }

    @Override
    public void run(Args args, PrintStream out, PrintStream err) throws Exception {
        int ints = args.positive("ints", 1 << 20);
        String cache = args.string("cache", "64m");
        checkSize(cache);
        TimeValue warmup = millis(args.seconds("time", 1));
        TimeValue measure = millis(args.seconds("measure-time", 0.5));
        OptionsBuilder builder = new OptionsBuilder();
        String jvmArgs = args.string("jvm-args", "").trim();
        if (!jvmArgs.isEmpty()) {
            builder.jvmArgsAppend(jvmArgs.split("\\s+"));
        }
        Options opt = builder
                .include(ResidentBenchmarks.class.getName() + "\\." + args.string("include", ".*"))
                .forks(args.atLeastZero("forks", 1))
                .warmupIterations(args.atLeastZero("warmup-iterations", 4))
                .warmupTime(warmup)
                .measurementIterations(args.positive("iterations", 10))
                .measurementTime(measure)
                .param("ints", Integer.toString(ints))
                .param("cache", cache)
                .shouldFailOnError(true)
                .build();
        out.println("resident: runtime with the default config (4 KiB pages, cache " + cache + ", TLB sized from it) "
                + "on an in-process MemNode; every page resident after set-up, so the backend does not matter; "
                + "working set " + ints + " ints (" + Sizes.format(4L * ints) + ")");
        VerboseMode mode = Boolean.parseBoolean(args.string("verbose", "true")) ? VerboseMode.NORMAL : VerboseMode.SILENT;
        Collection<RunResult> results = new Runner(opt, OutputFormatFactory.createFormatInstance(out, mode)).run();
        report(nsPerInt(results, ints), out);
    }

    private static TimeValue millis(double seconds) {
        return TimeValue.milliseconds(Math.max(1, Math.round(seconds * 1000)));
    }

    private static void checkSize(String cache) {
        try {
            Sizes.parse(cache);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cache: " + e.getMessage());
        }
    }

    /** ns per int of one benchmark method: JMH's average over the iterations, and the fastest iteration. */
    record Score(double avg, double best) {
    }

    /** Method name to its score in ns per int. */
    static Map<String, Score> nsPerInt(Collection<RunResult> results, int ints) {
        Map<String, Score> ns = new LinkedHashMap<>();
        for (RunResult r : results) {
            String b = r.getParams().getBenchmark();
            double best = Double.MAX_VALUE;
            for (BenchmarkResult br : r.getBenchmarkResults()) {
                for (IterationResult ir : br.getIterationResults()) {
                    best = Math.min(best, ir.getPrimaryResult().getScore());
                }
            }
            double perInt = 1000.0 / ints;
            ns.put(b.substring(b.lastIndexOf('.') + 1), new Score(r.getPrimaryResult().getScore() * perInt, best * perInt));
        }
        return ns;
    }

    static void report(Map<String, Score> ns, PrintStream out) {
        out.println("ns per int; best = fastest measured iteration (the machine is shared: other load only adds time), "
                + "avg = JMH's mean");
        out.println("workload    plain_best runtime_best  ratio_best    plain_avg  runtime_avg   ratio_avg");
        double seq = ratio(SEQUENTIAL, ns, out);
        double rand = ratio(RANDOM, ns, out);
        out.println("resident_seq_ratio and resident_rand_ratio: geometric mean of the best-iteration runtime/plain "
                + "ratios of the sequential (seqSum, seqRmw) and of the random (randSum, randRmw) workloads");
        out.println("resident_seq_ratio=" + show(seq) + " resident_rand_ratio=" + show(rand));
    }

    /** Prints each workload's row; returns the geometric mean of their best ratios, NaN if a side of one did not run. */
    private static double ratio(List<String> workloads, Map<String, Score> ns, PrintStream out) {
        double logSum = 0;
        for (String w : workloads) {
            Score plain = ns.get(w + "Plain");
            Score tlb = ns.get(w + "Tlb");
            boolean both = plain != null && tlb != null;
            double best = both ? tlb.best / plain.best : Double.NaN;
            double avg = both ? tlb.avg / plain.avg : Double.NaN;
            out.printf(java.util.Locale.ROOT, "%-10s %11s %12s %11s %12s %12s %11s%n", w,
                    plain == null ? "n/a" : f3(plain.best), tlb == null ? "n/a" : f3(tlb.best), show(best),
                    plain == null ? "n/a" : f3(plain.avg), tlb == null ? "n/a" : f3(tlb.avg), show(avg));
            logSum += Math.log(best);
        }
        return Math.exp(logSum / workloads.size());
    }

    private static String show(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : f2(ratio);
    }
}
