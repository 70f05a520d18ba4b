package io.legoj.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code legoj demo}: comes with the examples. */
@Command(name = "demo", description = "Start an embedded cluster and run the kvstore example (not implemented yet).")
final class DemoCommand implements Callable<Integer> {
    static final String NOT_YET = "demo is not implemented yet: it lands with the examples";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        throw new CliException(CliException.USAGE, NOT_YET);
    }
}
