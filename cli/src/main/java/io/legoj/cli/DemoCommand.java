package io.legoj.cli;

import io.legoj.protocol.HostPort;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.Sizes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code legoj demo}: starts an embedded cluster (local memnodes and a storagenode), runs the kvstore
 * example under the agent with its objects and arrays on the memnodes and its append-only file on the
 * storagenode, drives it with KvLoad, stops it and prints where things lived.
 */
@Command(name = "demo", sortOptions = false,
        description = {"Run the kvstore example (a Redis-protocol server in plain Java) on an embedded cluster:",
            "its objects and arrays on local memnodes, its append-only file on a local storagenode, driven by a",
            "deterministic workload (KvLoad); then print where things lived."})
final class DemoCommand implements Callable<Integer> {
    static final String KVSTORE = "io.legoj.examples.kvstore.KvStore";
    static final String KVLOAD = "io.legoj.examples.kvstore.KvLoad";
    static final String LISTENING = "kvstore listening on ";
    /** The storagenode holds every path under it (the agent's {@code mount=}). */
    static final String MOUNT = "/legoj-demo";
    static final String AOF = MOUNT + "/kvstore.aof";
    static final String APP_ID = "kvstore-demo";
    private static final long CAPACITY_PER_NODE = 128L << 20;
    private static final long REGION = 1L << 20;
    private static final Duration WORKLOAD_BOUND = Duration.ofSeconds(120);

    @Spec
    private CommandSpec spec;

    @Option(names = "--ops", paramLabel = "N", description = "Commands KvLoad sends (default: ${DEFAULT-VALUE}).")
    private int ops = 20_000;

    @Option(names = "--keys", paramLabel = "K", description = "Keys of each type in the workload (default: ${DEFAULT-VALUE}).")
    private int keys = 2_000;

    @Option(names = "--cache", paramLabel = "SIZE", converter = Converters.Size.class,
            description = "Page cache of the kvstore JVM, smaller than its data so that pages move (default: 512k).")
    private long cache = 512L << 10;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Context context;

    DemoCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        validate();
        long start = System.nanoTime();
        Path examples = context.jars().requireExamples(KVSTORE);
        Path agent = context.agentJar().get().orElseThrow(() -> new CliException(CliException.USAGE,
                "demo needs the agent jar: build it with " + context.jars().buildCommand()));
        String secret = context.secret().orElseGet(RunCommand::newSecret);
        PrintWriter out = spec.commandLine().getOut();
        out.println("LegoJ demo: the kvstore example (a Redis-protocol server in plain Java) on an embedded cluster");
        out.flush();
        try (LocalCluster cluster = new LocalCluster(clusterSpec(secret), spec.commandLine().getErr())) {
            List<HostPort> memnodes = cluster.start();
            HostPort storage = cluster.startStorage(Jvm.storagenodeCommand(context.classpath(), context.jars().home()));
            row(out, "memnodes", memnodes.stream().map(HostPort::toString).collect(Collectors.joining(", "))
                    + " (" + Sizes.format(CAPACITY_PER_NODE) + " each)");
            row(out, "storagenode", storage.toString());
            List<String> summary = runKvStore(out, agent, examples, memnodes, storage, secret);
            out.println("Where things lived:");
            summary.forEach(line -> row(out, "kvstore JVM", line));
            for (HostPort node : memnodes) {
                Map<String, Long> s = stats(node, secret);
                row(out, "memnode " + node, bytes(s.get("used")) + " of pages (" + s.get("pages") + " pages)");
            }
            Map<String, Long> s = stats(storage, secret);
            row(out, "storagenode " + storage, s.get("files") + " file(s), " + bytes(s.get("used"))
                    + " (the AOF " + AOF + ")");
        }
        out.printf("Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }

    /** Runs kvstore under the agent and KvLoad against it; returns the agent's summary lines. */
    private List<String> runKvStore(PrintWriter out, Path agent, Path examples, List<HostPort> memnodes,
                                    HostPort storage, String secret) {
        String options = new AgentOptions().memnodes(memnodes).storage(storage).mount(MOUNT).cache(cache)
                .region(REGION).appId(APP_ID).objects("remote").arrays("remote").include("io.legoj.examples.**").build();
        List<String> args = new ArrayList<>(List.of("-javaagent:" + agent + "=" + options, "-Xshare:off", "-Xmx256m",
                "-cp", examples.toString(), KVSTORE, "--port", "0", "--aof", AOF));
        Map<String, String> env = Map.of(Protocol.SECRET_ENV, secret);
        try (CapturedChild kv = CapturedChild.start("kvstore", Jvm.command(args), env, context.stopTimeout())) {
            String listening = kv.awaitStdout(LISTENING, context.startTimeout());
            int port = HostPort.parse(listening.substring(LISTENING.length()).trim()).port();
            row(out, "kvstore", "127.0.0.1:" + port + " under the agent: objects=remote, arrays=remote (its entries, "
                    + "lists, hashes, bucket array and the byte arrays of keys and values live on the memnodes), cache="
                    + Sizes.format(cache)
                    + ", AOF " + AOF + " on the storagenode");
            runLoad(out, examples, port, kv);
            kv.stop();
            List<String> summary = kv.stderr().stream()
                    .filter(l -> l.startsWith("[legoj] summary:") || l.startsWith("[legoj] files:"))
                    .collect(Collectors.toList());
            if (summary.isEmpty()) {
                throw kv.failure("printed no '[legoj] summary:' line when stopped");
            }
            return summary;
        }
    }

    private void runLoad(PrintWriter out, Path examples, int port, CapturedChild kv) {
        List<String> args = List.of("-cp", examples.toString(), KVLOAD, "--port", Integer.toString(port),
                "--ops", Integer.toString(ops), "--keys", Integer.toString(keys), "--seed", "1");
        try (CapturedChild load = CapturedChild.start("kvload", Jvm.command(args), Map.of(), context.stopTimeout())) {
            int code = load.awaitExit(WORKLOAD_BOUND);
            if (code != 0 || load.stdout().isEmpty()) {
                throw kv.isAlive() ? load.failure("exited with code " + code)
                        : kv.failure("exited during the workload");
            }
            String rate = load.stderr().stream().filter(l -> l.startsWith("kvload: ")).findFirst()
                    .map(l -> l.substring("kvload: ".length())).orElse("");
            row(out, "workload", "KvLoad, " + ops + " mixed commands over " + keys + " keys of each type: " + rate);
            row(out, "", load.stdout().get(0) + " (any correct server gives this digest)");
        }
    }

    private static Map<String, Long> stats(HostPort node, String secret) {
        String yaml = StatCommand.fetch(node, secret);
        Matcher m = Pattern.compile("(?m)^\\s*(\\w+):\\s*(-?\\d+),?\\s*$").matcher(yaml);
        Map<String, Long> values = new java.util.HashMap<>();
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }

    static String bytes(Long n) {
        if (n == null) {
            return "?";
        }
        if (n < 1024) {
            return n + " B";
        }
        return n < (1 << 20) ? String.format("%.1f KiB", n / 1024.0) : String.format("%.1f MiB", n / 1048576.0);
    }

    private static void row(PrintWriter out, String label, String text) {
        out.printf("  %-28s %s%n", label, text);
        out.flush();
    }

    private LocalCluster.Spec clusterSpec(String secret) {
        return new LocalCluster.Spec(Jvm.memnodeCommand(context.classpath(), context.jars().home()),
                RunCommand.DEFAULT_LOCAL_MEMNODES, CAPACITY_PER_NODE, secret, context.startTimeout(),
                context.stopTimeout());
    }

    private void validate() {
        if (ops < 1) {
            throw new ParameterException(spec.commandLine(), "--ops " + ops + " must be at least 1");
        }
        if (keys < 1) {
            throw new ParameterException(spec.commandLine(), "--keys " + keys + " must be at least 1");
        }
        if (cache < RunCommand.DEFAULT_PAGE) {
            throw new ParameterException(spec.commandLine(), "--cache " + Sizes.format(cache)
                    + " is smaller than one page (" + Sizes.format(RunCommand.DEFAULT_PAGE) + ")");
        }
    }
}
