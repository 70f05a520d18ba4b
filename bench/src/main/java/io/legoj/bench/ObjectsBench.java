package io.legoj.bench;

import static io.legoj.bench.Report.f2;
import static io.legoj.bench.Report.f3;

import io.legoj.protocol.Protocol;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code objects}: {@link ObjectsBenchmarks} on a plain JVM and under the agent with
 * {@code objects=remote} against a memnode child JVM, in one run; prints ns per field round, per
 * hop and per round of two threads reading shared objects, and the ratios.
 */
final class ObjectsBench implements BenchMain.Driver {
    @Override
    public String summary() {
        return "JMH: field access and pointer chasing on remote objects (agent, objects=remote) vs a plain JVM";
    }

    @Override
    public List<String> help() {
        return List.of(
                "--forks N              JVMs per side, whose iterations JMH averages (default 3: the remote side's compiled code differs from one JVM to the next)",
                "--warmup-iterations N  (default 10: the agent's JVM reaches its steady code some 8 s after start)",
                "--iterations N         measured iterations (default 5)",
                "--time S               seconds per iteration (default 1)",
                "--nodes N              list length (default 100000)",
                "--verbose B            JMH output: true or false (default false)");
    }

    @Override
    public void run(Args args, PrintStream out, PrintStream err) throws Exception {
        String secret = System.getenv(Protocol.SECRET_ENV);
        if (secret == null || secret.isEmpty()) {
            throw new UsageException(Protocol.SECRET_ENV + " is not set: run it as bin/legoj bench objects");
        }
        Path agent = Path.of(System.getProperty("legoj.home", "."), "agent", "target", "legoj-agent.jar");
        if (!Files.exists(agent)) {
            throw new UsageException(agent + " is missing: build it with mvn -q -DskipTests install");
        }
        int nodes = args.positive("nodes", 100_000);
        try (MemnodeProcess node = MemnodeProcess.start(1L << 30, secret, err)) {
            String options = "memnodes=" + node.address() + ",cache=64m,objects=remote,exclude=org.openjdk.jmh.**";
            out.println("objects: " + nodes + " nodes; remote run: -javaagent with " + options + " against "
                    + node.describe());
            Map<String, Double> plain = measure(args, nodes, List.of(), out);
            Map<String, Double> remote = measure(args, nodes, List.of("-javaagent:" + agent + "=" + options,
                    "-Xshare:off"), out);
            report(plain, remote, nodes, ObjectsBenchmarks.ROUNDS, out);
        }
    }

    private static Map<String, Double> measure(Args args, int nodes, List<String> jvmArgs, PrintStream out)
            throws Exception {
        TimeValue t = TimeValue.milliseconds(Math.max(1, Math.round(args.seconds("time", 1) * 1000)));
        OptionsBuilder b = new OptionsBuilder();
        if (!jvmArgs.isEmpty()) {
            b.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        }
        Options opt = b.include(ObjectsBenchmarks.class.getName() + "\\..*")
                .forks(args.positive("forks", 3))
                .warmupIterations(args.atLeastZero("warmup-iterations", 10))
                .warmupTime(t)
                .measurementIterations(args.positive("iterations", 5))
                .measurementTime(t)
                .param("nodes", Integer.toString(nodes))
                .shouldFailOnError(true)
                .build();
        VerboseMode mode = Boolean.parseBoolean(args.string("verbose", "false")) ? VerboseMode.NORMAL : VerboseMode.SILENT;
        Map<String, Double> us = new HashMap<>();
        for (RunResult r : new Runner(opt, OutputFormatFactory.createFormatInstance(out, mode)).run()) {
            String name = r.getParams().getBenchmark();
            us.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        return us;
    }

    static void report(Map<String, Double> plain, Map<String, Double> remote, int nodes, int rounds, PrintStream out) {
        double fieldPlain = plain.get("fields") * 1000 / rounds;
        double fieldRemote = remote.get("fields") * 1000 / rounds;
        double hopPlain = plain.get("chase") * 1000 / nodes;
        double hopRemote = remote.get("chase") * 1000 / nodes;
        double sharedPlain = plain.get("sharedReads") * 1000 / rounds;
        double sharedRemote = remote.get("sharedReads") * 1000 / rounds;
        out.println("workload          plain_ns  remote_ns  remote/plain");
        out.printf(Locale.ROOT, "field round       %8s  %9s  %12s%n", f3(fieldPlain), f3(fieldRemote),
                f2(fieldRemote / fieldPlain));
        out.printf(Locale.ROOT, "hop               %8s  %9s  %12s%n", f3(hopPlain), f3(hopRemote),
                f2(hopRemote / hopPlain));
        out.printf(Locale.ROOT, "shared read x2    %8s  %9s  %12s%n", f3(sharedPlain), f3(sharedRemote),
                f2(sharedRemote / sharedPlain));
        out.println("shared_ratio=" + f2(sharedRemote / sharedPlain));
        out.println("field_ratio=" + f2(fieldRemote / fieldPlain) + " chase_ratio=" + f2(hopRemote / hopPlain));
    }
}
