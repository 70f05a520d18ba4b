package io.legoj.cli;

import io.legoj.memnode.JournalConfig;
import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code legoj memnode}: serves pages until SIGTERM or SIGINT. */
@Command(name = "memnode", sortOptions = false,
        description = {"Run a memory node: it holds the pages of applications started with 'legoj run'.",
            "With --journal DIR every region and page change is journaled before it is acknowledged, and a node "
                    + "restarted on the same DIR (also after kill -9) comes back with every application's pages.",
            "Prints 'legoj memnode listening on HOST:PORT' on stdout once bound, then serves until SIGTERM/SIGINT.",
            "The cluster secret comes from the environment variable LEGOJ_SECRET."})
final class MemnodeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port; 0 picks a free one.")
    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--capacity", paramLabel = "SIZE", defaultValue = "1g", converter = Converters.Size.class,
            description = "Most page memory this node holds over all applications (default: ${DEFAULT-VALUE}).")
    private long capacity;

    @Option(names = "--lease", paramLabel = "DURATION", converter = Converters.Time.class,
            description = "How long an application's pages outlive its last connection, e.g. 500ms, 30s, 5m "
                    + "(default: 30s).")
    private Duration lease;

    @Option(names = "--journal", paramLabel = "DIR",
            description = "Journal the pages in DIR (created if missing): a restart on the same DIR brings back every "
                    + "acknowledged page; applications get a fresh lease from the restart.")
    private Path journal;

    @Option(names = "--journal-fsync",
            description = "Also force every journaled request to the disk before acknowledging it, so that it survives "
                    + "a crash of the machine, not only of the process (much slower).")
    private boolean journalFsync;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Context context;

    MemnodeCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        validate();
        String secret = context.requireSecret("a memnode");
        MemNodeConfig config = MemNodeConfig.of(capacity, secret).withHost(host).withPort(port);
        if (lease != null) {
            config = config.withLease(lease);
        }
        if (journal != null) {
            quietChronicle();
            config = config.withJournal(JournalConfig.of(journal.toAbsolutePath()).withForceEachBatch(journalFsync));
        }
        MemNode node = open(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Processes.onShutdown("legoj-memnode-stop", () -> {
            node.close();
            stopped.countDown();
        });
        int bound = node.start();
        PrintWriter out = spec.commandLine().getOut();
        out.println(ChildNode.LISTENING + host + ":" + bound);
        out.flush();
        stopped.await();
        return 0;
    }

    private void validate() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is outside 0..65535");
        }
        if (capacity <= 0) {
            throw new ParameterException(spec.commandLine(), "--capacity must be positive");
        }
        if (journalFsync && journal == null) {
            throw new ParameterException(spec.commandLine(), "--journal-fsync needs --journal");
        }
        if (journal != null && Files.exists(journal) && !Files.isDirectory(journal)) {
            throw new CliException(CliException.USAGE, "--journal " + journal + " is not a directory");
        }
    }

    /** The node, its journal replayed; a journal that does not fit or cannot be read is a one-line error. */
    private static MemNode open(MemNodeConfig config) {
        try {
            return new MemNode(config);
        } catch (UncheckedIOException e) {
            throw new CliException(CliException.FAILURE, e.getMessage() + ": " + e.getCause().getMessage());
        }
    }

    /** Chronicle (the journal) reports mappings at INFO on stderr; a node only shows its warnings. */
    private static void quietChronicle() {
        if (System.getProperty("org.slf4j.simpleLogger.log.net.openhft") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.net.openhft", "warn");
        }
    }
}
