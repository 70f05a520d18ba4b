package io.legoj.cli;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeFailureException;
import io.legoj.protocol.RemoteException;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Ticker;
import io.netty.channel.EventLoopGroup;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code legoj stat H:P}: a node's statistics as YAML, over an admin (statistics-only) connection. */
@Command(name = "stat", description = {"Print the statistics of a node (memnode or storagenode) as YAML.",
    "The cluster secret comes from the environment variable LEGOJ_SECRET."})
final class StatCommand implements Callable<Integer> {
    static final String APP_ID = "legoj-stat";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "H:P", converter = Converters.Address.class, description = "The node.")
    private HostPort node;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Context context;

    StatCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String secret = context.requireSecret("stat");
        String yaml = fetch(node, secret);
        PrintWriter out = spec.commandLine().getOut();
        out.print(yaml.endsWith("\n") ? yaml : yaml + "\n");
        out.flush();
        return 0;
    }

    /** The node's statistics as YAML; a node that does not answer is a {@link CliException}. */
    static String fetch(HostPort node, String secret) {
        EventLoopGroup group = EventLoops.create("legoj-stat", 1);
        NodeConnection.Settings settings = new NodeConnection.Settings(secret, APP_ID, 0, TIMEOUT.toNanos(),
                Ticker.SYSTEM);
        try (NodeConnection c = NodeConnection.open(group, "memnode", node, settings)) {
            Message reply = c.call(new Stats(c.nextRequestId()));
            try {
                if (reply instanceof StatsReply stats) {
                    return stats.yaml();
                }
                throw unreachable(node, "answered " + reply.type() + " to STATS");
            } finally {
                reply.release();
            }
        } catch (NodeFailureException | RemoteException e) {
            throw unreachable(node, e.getMessage());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private static CliException unreachable(HostPort node, String reason) {
        String prefix = "memnode " + node + ": ";
        String r = reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
        return new CliException(CliException.FAILURE, "cannot reach memnode " + node + ": " + r);
    }
}
