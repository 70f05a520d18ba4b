package io.legoj.cli;

import io.legoj.protocol.HostPort;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.Sizes;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code legoj run [options] -- <java args>}: starts the application under the agent, with local
 * memnodes unless {@code --memnodes} names running ones and a local storagenode unless
 * {@code --storage} names a running one, and exits with the application's exit code.
 */
@Command(name = "run", sortOptions = false, customSynopsis = "legoj run [OPTIONS] -- <java args>...",
        description = {"Run a Java application with its heap on memory nodes and its files on a storage node.",
            "Without --memnodes, local memnodes are started for the run and stopped after it;",
            "without --storage, a local storagenode (its files are removed after the run).",
            "Java options such as -Xmx and the class path go after --."})
final class RunCommand implements Callable<Integer> {
    /** The agent's default page size (RuntimeConfig.DEFAULT_PAGE_SIZE). */
    static final long DEFAULT_PAGE = 16384;
    static final long MIN_PAGE = 512;
    static final long MAX_PAGE = 1L << 20;
    static final int DEFAULT_LOCAL_MEMNODES = 2;
    static final int MAX_LOCAL_MEMNODES = 16;
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Spec
    private CommandSpec spec;

    @Option(names = "--memnodes", paramLabel = "H:P", split = ",", converter = Converters.Address.class,
            description = "Running memnodes to use (comma separated); none are started locally.")
    private List<HostPort> memnodes;

    @Option(names = "--replicas", paramLabel = "N", description = "Copies of each region, at most one per memnode.")
    private Integer replicas;

    @Option(names = "--storage", paramLabel = "H:P", converter = Converters.Address.class,
            description = "Running storagenode for the application's files.")
    private HostPort storage;

    @Option(names = "--mount", paramLabel = "PREFIX", split = ",",
            description = "Paths whose files live on the storagenode (comma separated; default: all paths).")
    private List<String> mount;

    @Option(names = "--cache", paramLabel = "SIZE", converter = Converters.Size.class,
            description = "Page cache of the application JVM, e.g. 64m.")
    private Long cache;

    @Option(names = "--page", paramLabel = "SIZE", converter = Converters.Size.class,
            description = "Page size, a power of two from 512 to 1m (default 16k).")
    private Long page;

    @Option(names = "--capacity", paramLabel = "SIZE", converter = Converters.Size.class,
            description = "Capacity of the local memnodes together (default: half of the free memory).")
    private Long capacity;

    @Option(names = "--local-memnodes", paramLabel = "N",
            description = "How many local memnodes to start (default: " + DEFAULT_LOCAL_MEMNODES + ").")
    private Integer localMemnodes;

    @Option(names = "--appid", paramLabel = "NAME", description = "Application id on the nodes.")
    private String appId;

    @Option(names = "--objects", paramLabel = "remote|local",
            description = "remote: the application's objects keep their fields on the memnodes (experimental).")
    private String objects;

    @Option(names = "--arrays", paramLabel = "remote|local",
            description = "remote: the application's primitive arrays live on the memnodes (small ones stay local).")
    private String arrays;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(paramLabel = "<java args>", description = "Arguments of the application JVM.")
    private List<String> javaArgs = new ArrayList<>();

    private final Context context;

    RunCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        validate();
        String secret = memnodes != null ? context.requireSecret("--memnodes")
                : context.secret().orElseGet(RunCommand::newSecret);
        Optional<Path> agent = context.agentJar().get();
        boolean localStorage = storage == null && startsLocalStorage();
        if (memnodes != null && !localStorage) {
            return launch(agent, memnodes, storage, secret);
        }
        try (LocalCluster cluster = new LocalCluster(clusterSpec(secret), spec.commandLine().getErr())) {
            List<HostPort> nodes = memnodes;
            if (nodes == null) {
                nodes = cluster.start();
                message("local memnodes " + nodes.stream().map(HostPort::toString).collect(Collectors.joining(", "))
                        + " (" + Sizes.format(capacityPerNode()) + " each)");
            }
            HostPort files = storage;
            if (localStorage) {
                files = cluster.startStorage(Jvm.storagenodeCommand(context.classpath(), context.jars().home()));
                message("local storagenode " + files);
            }
            return launch(agent, nodes, files, secret);
        }
    }

    /**
     * Whether {@code run} without {@code --storage} starts a local storagenode for the application's
     * files ({@link LocalCluster#startStorage}, on a temporary data directory removed after the run).
     */
    boolean startsLocalStorage() {
        return true;
    }

    private int launch(Optional<Path> agent, List<HostPort> nodes, HostPort files, String secret) {
        List<String> args = new ArrayList<>();
        agent.ifPresent(jar -> {
            args.add("-javaagent:" + jar + "=" + agentOptions(nodes, files));
            args.add("-Xshare:off");
        });
        args.addAll(javaArgs);
        ProcessBuilder pb = new ProcessBuilder(Jvm.command(args));
        pb.environment().put(Protocol.SECRET_ENV, secret);
        return Foreground.run(pb, context);
    }

    String agentOptions(List<HostPort> nodes) {
        return agentOptions(nodes, storage);
    }

    String agentOptions(List<HostPort> nodes, HostPort files) {
        return new AgentOptions().memnodes(nodes).storage(files).mount(mount).cache(cache).page(page).replicas(replicas)
                .appId(appId).objects(objects).arrays(arrays).build();
    }

    private LocalCluster.Spec clusterSpec(String secret) {
        return new LocalCluster.Spec(Jvm.memnodeCommand(context.classpath(), context.jars().home()), localCount(),
                capacityPerNode(), secret, context.startTimeout(), context.stopTimeout());
    }

    private int localCount() {
        return localMemnodes == null ? DEFAULT_LOCAL_MEMNODES : localMemnodes;
    }

    private long capacityPerNode() {
        long total = capacity != null ? capacity : context.memAvailable().getAsLong() / 2;
        long perNode = total / localCount();
        return perNode >= (1L << 20) ? perNode & -(1L << 20) : perNode;
    }

    private void validate() {
        if (javaArgs.isEmpty()) {
            throw usage("nothing to run: give the application's java arguments after --, "
                    + "e.g. bin/legoj run -- -cp app.jar Main");
        }
        long pageSize = page == null ? DEFAULT_PAGE : page;
        if (Long.bitCount(pageSize) != 1 || pageSize < MIN_PAGE || pageSize > MAX_PAGE) {
            throw usage("--page " + Sizes.format(pageSize) + " is not a power of two from 512 to 1m");
        }
        if (cache != null && cache < pageSize) {
            throw usage("--cache " + Sizes.format(cache) + " is smaller than one page (" + Sizes.format(pageSize) + ")");
        }
        int count = memnodes != null ? validateRemote() : validateLocal(pageSize);
        if (replicas != null && (replicas < 1 || replicas > count)) {
            throw usage("--replicas " + replicas + " must be from 1 to the number of memnodes (" + count + ")");
        }
        if (objects != null && !objects.equals("remote") && !objects.equals("local")) {
            throw usage("--objects " + objects + " must be remote or local");
        }
        if (arrays != null && !arrays.equals("remote") && !arrays.equals("local")) {
            throw usage("--arrays " + arrays + " must be remote or local");
        }
        if (appId != null && !APP_ID.matcher(appId).matches()) {
            throw usage("--appid '" + appId + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    private int validateRemote() {
        if (capacity != null || localMemnodes != null) {
            throw usage((capacity != null ? "--capacity" : "--local-memnodes")
                    + " is about local memnodes: it cannot be used with --memnodes");
        }
        HashSet<HostPort> seen = new HashSet<>();
        for (HostPort node : memnodes) {
            if (!seen.add(node)) {
                throw usage("--memnodes names " + node + " twice");
            }
        }
        return memnodes.size();
    }

    private int validateLocal(long pageSize) {
        if (localMemnodes != null && (localMemnodes < 1 || localMemnodes > MAX_LOCAL_MEMNODES)) {
            throw usage("--local-memnodes " + localMemnodes + " must be from 1 to " + MAX_LOCAL_MEMNODES);
        }
        if (capacity != null && capacity / localCount() < pageSize) {
            throw usage("--capacity " + Sizes.format(capacity) + " gives less than one page to each of the "
                    + localCount() + " local memnodes");
        }
        return localCount();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void message(String text) {
        spec.commandLine().getErr().println("[legoj] " + text);
        spec.commandLine().getErr().flush();
    }

    static String newSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
