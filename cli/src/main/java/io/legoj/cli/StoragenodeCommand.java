package io.legoj.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code legoj storagenode}: the options of the contract, the node itself comes with the storage issue. */
@Command(name = "storagenode", sortOptions = false,
        description = "Run a storage node serving the files of applications (not implemented yet).")
final class StoragenodeCommand implements Callable<Integer> {
    static final String NOT_YET = "storagenode is not implemented yet: it lands with the storage node";

    @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port; 0 picks a free one.")
    private int port;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Data directory.")
    private Path dir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        throw new CliException(CliException.USAGE, NOT_YET);
    }
}
