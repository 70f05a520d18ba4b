package io.legoj.cli;

import io.legoj.storagenode.StorageNode;
import io.legoj.storagenode.StorageNodeConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code legoj storagenode}: serves the files of applications until SIGTERM or SIGINT. */
@Command(name = "storagenode", sortOptions = false,
        description = {"Run a storage node: it keeps the files of applications started with 'legoj run'.",
            "Files live under DIR/data/<application>/, the write-ahead journal under DIR/journal/; "
                    + "a restart on the same DIR recovers every acknowledged change.",
            "Prints 'legoj storagenode listening on HOST:PORT' on stdout once bound, then serves until SIGTERM/SIGINT.",
            "The cluster secret comes from the environment variable LEGOJ_SECRET."})
final class StoragenodeCommand implements Callable<Integer> {
    static final String LISTENING = "legoj storagenode listening on ";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port; 0 picks a free one.")
    private int port;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Data directory (created if missing).")
    private Path dir;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Context context;

    StoragenodeCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is outside 0..65535");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CliException(CliException.USAGE, "--dir " + dir + " is not a directory");
        }
        String secret = context.requireSecret("a storagenode");
        quietChronicle();
        quietIfEmbedded();
        StorageNode node = open(StorageNodeConfig.of(dir.toAbsolutePath(), secret).withHost(host).withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Processes.onShutdown("legoj-storagenode-stop", () -> {
            node.close();
            stopped.countDown();
        });
        int bound = node.start();
        PrintWriter out = spec.commandLine().getOut();
        out.println(LISTENING + host + ":" + bound);
        out.flush();
        stopped.await();
        return 0;
    }

    private static StorageNode open(StorageNodeConfig config) {
        try {
            return new StorageNode(config);
        } catch (UncheckedIOException e) {
            throw new CliException(CliException.FAILURE, e.getMessage() + ": " + e.getCause().getMessage());
        }
    }

    /** A node started by {@code run} for one application logs warnings and errors only. */
    static final String EMBEDDED = "legoj.storagenode.embedded";
    /** Held: the logging framework keeps its loggers (and their levels) only while someone does. */
    private static java.util.logging.Logger nodeLogger;

    private static void quietIfEmbedded() {
        if (Boolean.getBoolean(EMBEDDED)) {
            nodeLogger = java.util.logging.Logger.getLogger("io.legoj.storagenode");
            nodeLogger.setLevel(java.util.logging.Level.WARNING);
        }
    }

    /** Chronicle reports mappings and disk polls at INFO on stderr; a node only shows its warnings. */
    private static void quietChronicle() {
        if (System.getProperty("org.slf4j.simpleLogger.log.net.openhft") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.net.openhft", "warn");
        }
    }
}
