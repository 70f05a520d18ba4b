package io.legoj.cli;

import io.legoj.protocol.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code legoj bench <name> [args]}: runs a benchmark of the bench jar; IO and exit code pass through.
 * The benchmark JVM (and the JVMs it forks) get the cluster secret, made up when none is set.
 */
@Command(name = "bench", description = "Run a LegoJ benchmark (io.legoj.bench.BenchMain <name> [args]).")
final class BenchCommand implements Callable<Integer> {
    static final String MAIN = "io.legoj.bench.BenchMain";

    @Parameters(index = "0", paramLabel = "<name>", description = "The benchmark.")
    private String name;

    @Parameters(index = "1..*", paramLabel = "<args>", description = "Its arguments.")
    private List<String> args = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Context context;

    BenchCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path jar = context.jars().requireBench(MAIN);
        List<String> cmd = new ArrayList<>(List.of("-Dlegoj.home=" + context.jars().home(), "-cp", jar.toString(),
                MAIN, name));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(Jvm.command(cmd));
        pb.environment().put(Protocol.SECRET_ENV, context.secret().orElseGet(RunCommand::newSecret));
        return Foreground.run(pb, context);
    }
}
