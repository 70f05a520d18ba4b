package io.legoj.bench;

import static io.legoj.bench.Report.f2;
import static io.legoj.bench.Report.f3;

import io.legoj.protocol.Protocol;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code arrays}: {@link ArraysBenchmarks} on a plain JVM and under the agent with
 * {@code arrays=remote} against a memnode child JVM, with a cache that holds the arrays, in one run;
 * then the small-array benchmark again with {@code arraylocal=0} (every array remote). Prints the
 * time per element, operation or array of each side and the ratios agent/plain (above 1: slower
 * under the agent), one {@code key=value} line each, and last
 * {@code seq_ratio=<x> rand_ratio=<y> copy_ratio=<z>} (geometric means of the int and long ratios).
 */
final class ArraysBench implements BenchMain.Driver {
    static final List<Integer> SMALL_SIZES = List.of(16, 64, 256, 1024);

    @Override
    public String summary() {
        return "JMH: sequential/random access and arraycopy on resident remote arrays (agent, arrays=remote) vs a plain JVM";
    }

    @Override
    public List<String> help() {
        return List.of(
                "--forks N              JVMs per side and benchmark, whose iterations JMH averages (default 1)",
                "--warmup-iterations N  (default 3)",
                "--iterations N         measured iterations (default 4)",
                "--time S               seconds per iteration (default 1)",
                "--ints N               int[] length (default 16777216: 64 MiB)",
                "--longs N              long[] length (default 8388608: 64 MiB)",
                "--rand-ops N           random read-modify-writes per invocation (default 1048576)",
                "--copy SIZE            bytes of each byte[] of the arraycopy (default 64m)",
                "--small-sizes LIST     bytes of the small int[], comma-separated multiples of 4 (default 16,64,256,1024)",
                "--cache SIZE           the agent's page cache, which must hold the arrays (default 512m)",
                "--memnode SIZE         the memnode's capacity (default 2g)",
                "--verbose B            JMH output: true or false (default false)");
    }

    @Override
    public void run(Args args, PrintStream out, PrintStream err) throws Exception {
        Shape s = Shape.of(args);
        long cache = args.size("cache", 512L << 20);
        long capacity = args.size("memnode", 2L << 30);
        String secret = System.getenv(Protocol.SECRET_ENV);
        if (secret == null || secret.isEmpty()) {
            throw new UsageException(Protocol.SECRET_ENV + " is not set: run it as bin/legoj bench arrays");
        }
        Path agent = Path.of(System.getProperty("legoj.home", "."), "agent", "target", "legoj-agent.jar");
        if (!Files.exists(agent)) {
            throw new UsageException(agent + " is missing: build it with mvn -q -DskipTests install");
        }
        long largest = Math.max(4L * s.ints + 8L * s.longs, 2L * s.copyBytes);
        if (largest > cache) {
            throw new UsageException("--cache " + cache + " cannot hold the arrays of one benchmark (" + largest
                    + " bytes): give a larger --cache or smaller arrays");
        }
        if (largest > capacity) {
            throw new UsageException("--memnode " + capacity + " cannot hold the arrays of one benchmark (" + largest
                    + " bytes)");
        }
        try (MemnodeProcess node = MemnodeProcess.start(capacity, secret, err)) {
            // JMH itself (and the libraries it calls with arrays) stays as it is: only the workload is application code
            String options = "memnodes=" + node.address() + ",cache=" + args.string("cache", "512m").trim()
                    + ",arrays=remote,exclude=org.openjdk.jmh.**,joptsimple.**,org.apache.commons.math3.**";
            out.println("arrays: int[" + s.ints + "], long[" + s.longs + "], " + s.randOps + " random updates, 2 x byte["
                    + s.copyBytes + "], small int[] of " + s.small + " bytes; remote run: -javaagent with " + options
                    + " against " + node.describe());
            String all = ArraysBenchmarks.class.getName() + "\\..*";
            String small = ArraysBenchmarks.class.getName() + "\\.small";
            Map<String, Double> plain = measure(args, s, all, List.of("-D" + ArraysBenchmarks.MODE + "=plain"), out);
            Map<String, Double> remote = measure(args, s, all, List.of("-D" + ArraysBenchmarks.MODE + "=remote",
                    "-javaagent:" + agent + "=" + options, "-Xshare:off"), out);
            Map<String, Double> allRemote = measure(args, s, small, List.of("-D" + ArraysBenchmarks.MODE + "=remote",
                    "-javaagent:" + agent + "=" + options + ",arraylocal=0", "-Xshare:off"), out);
            report(plain, remote, allRemote, s, out);
        }
    }

    /** The sizes of one run. */
    record Shape(int ints, int longs, int randOps, int copyBytes, List<Integer> small) {
        static Shape of(Args args) {
            long copy = args.size("copy", 64L << 20);
            if (copy > Integer.MAX_VALUE - 8) {
                throw new UsageException("--copy " + copy + " is larger than a byte[] can be");
            }
            List<Integer> small = new ArrayList<>();
            for (String v : args.string("small-sizes", "16,64,256,1024").split(",")) {
                int b;
                try {
                    b = Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    b = -1;
                }
                if (b < 4 || b % 4 != 0) {
                    throw new UsageException("--small-sizes: '" + v.trim() + "' is not a positive multiple of 4");
                }
                small.add(b);
            }
            return new Shape(args.positive("ints", 1 << 24), args.positive("longs", 1 << 23),
                    args.positive("rand-ops", 1 << 20), (int) copy, List.copyOf(small));
        }
    }

    /** JMH's scores in us/op by benchmark method, {@code small/<bytes>} for the small arrays. */
    private static Map<String, Double> measure(Args args, Shape s, String include, List<String> jvmArgs, PrintStream out)
            throws Exception {
        TimeValue t = TimeValue.milliseconds(Math.max(1, Math.round(args.seconds("time", 1) * 1000)));
        ChainedOptionsBuilder b = new OptionsBuilder().jvmArgsAppend(jvmArgs.toArray(String[]::new));
        Options opt = b.include(include)
                .forks(args.positive("forks", 1))
                .warmupIterations(args.atLeastZero("warmup-iterations", 3))
                .warmupTime(t)
                .measurementIterations(args.positive("iterations", 4))
                .measurementTime(t)
                .param("ints", Integer.toString(s.ints))
                .param("longs", Integer.toString(s.longs))
                .param("randOps", Integer.toString(s.randOps))
                .param("copyBytes", Integer.toString(s.copyBytes))
                .param("smallBytes", s.small.stream().map(String::valueOf).toArray(String[]::new))
                .shouldFailOnError(true)
                .build();
        VerboseMode mode = Boolean.parseBoolean(args.string("verbose", "false")) ? VerboseMode.NORMAL : VerboseMode.SILENT;
        Map<String, Double> us = new HashMap<>();
        for (RunResult r : new Runner(opt, OutputFormatFactory.createFormatInstance(out, mode)).run()) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            if (name.equals("small")) {
                name += "/" + r.getParams().getParam("smallBytes");
            }
            us.put(name, r.getPrimaryResult().getScore());
        }
        return us;
    }

    static void report(Map<String, Double> plain, Map<String, Double> remote, Map<String, Double> allRemote, Shape s,
            PrintStream out) {
        double seqInt = ratio(plain, remote, "seqInt");
        double seqLong = ratio(plain, remote, "seqLong");
        double randInt = ratio(plain, remote, "randInt");
        double randLong = ratio(plain, remote, "randLong");
        double copy = ratio(plain, remote, "copy");
        out.printf(Locale.ROOT, "%-26s %-7s %8s %10s %13s%n", "workload", "unit", "plain", "remote", "remote/plain");
        row(out, "seq sum int[]", "ns/elem", plain, remote, "seqInt", s.ints);
        row(out, "seq sum long[]", "ns/elem", plain, remote, "seqLong", s.longs);
        row(out, "seq sum Math.abs(int[])", "ns/elem", plain, remote, "absInt", s.ints);
        row(out, "seq sum own method(int[])", "ns/elem", plain, remote, "callInt", s.ints);
        row(out, "seq sum long[] backwards", "ns/elem", plain, remote, "downLong", s.longs);
        row(out, "rows sum long[start + i]", "ns/elem", plain, remote, "rowsLong",
                s.longs / ArraysBenchmarks.ROW_WIDTH * ArraysBenchmarks.ROW_WIDTH);
        row(out, "random rmw int[]", "ns/op", plain, remote, "randInt", s.randOps);
        row(out, "random rmw long[]", "ns/op", plain, remote, "randLong", s.randOps);
        row(out, "arraycopy byte[]", "ns/KiB", plain, remote, "copy", s.copyBytes / 1024.0);
        out.printf(Locale.ROOT, "%-26s %-7s %8s %10s %13s %13s %13s%n", "small int[] alloc+fill+sum", "ns/arr", "plain",
                "default", "arraylocal=0", "default/plain", "local=0/plain");
        for (int bytes : s.small) {
            String key = "small/" + bytes;
            double p = score(plain, key) * 1000 / ArraysBenchmarks.SMALL_COUNT;
            double d = score(remote, key) * 1000 / ArraysBenchmarks.SMALL_COUNT;
            double r = score(allRemote, key) * 1000 / ArraysBenchmarks.SMALL_COUNT;
            out.printf(Locale.ROOT, "%-26s %-7s %8s %10s %13s %13s %13s%n", "  " + bytes + " bytes", "", f3(p), f3(d),
                    f3(r), f2(d / p), f2(r / p));
        }
        out.println("seq_int_ratio=" + f2(seqInt));
        out.println("seq_long_ratio=" + f2(seqLong));
        out.println("abs_int_ratio=" + f2(ratio(plain, remote, "absInt")));
        out.println("call_int_ratio=" + f2(ratio(plain, remote, "callInt")));
        out.println("down_long_ratio=" + f2(ratio(plain, remote, "downLong")));
        out.println("rows_long_ratio=" + f2(ratio(plain, remote, "rowsLong")));
        out.println("rand_int_ratio=" + f2(randInt));
        out.println("rand_long_ratio=" + f2(randLong));
        out.println("copy_ratio=" + f2(copy));
        for (int bytes : s.small) {
            out.println("small_" + bytes + "_default_ratio=" + f2(ratio(plain, remote, "small/" + bytes)));
        }
        for (int bytes : s.small) {
            out.println("small_" + bytes + "_remote_ratio=" + f2(ratio(plain, allRemote, "small/" + bytes)));
        }
        out.println("seq_ratio=" + f2(Math.sqrt(seqInt * seqLong)) + " rand_ratio=" + f2(Math.sqrt(randInt * randLong))
                + " copy_ratio=" + f2(copy));
    }

    private static void row(PrintStream out, String what, String unit, Map<String, Double> plain,
            Map<String, Double> remote, String key, double per) {
        double p = score(plain, key) * 1000 / per;
        double r = score(remote, key) * 1000 / per;
        out.printf(Locale.ROOT, "%-26s %-7s %8s %10s %13s%n", what, unit, f3(p), f3(r), f2(r / p));
    }

    private static double ratio(Map<String, Double> plain, Map<String, Double> remote, String key) {
        return score(remote, key) / score(plain, key);
    }

    private static double score(Map<String, Double> results, String key) {
        Double v = results.get(key);
        if (v == null || !(v > 0)) {
            throw new IllegalStateException("JMH reported no score for " + key + " (got " + results.keySet() + ")");
        }
        return v;
    }
}
