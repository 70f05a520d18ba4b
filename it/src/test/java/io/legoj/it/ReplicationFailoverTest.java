package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Ticker;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failure independence with real processes: regions on two of three memnodes, one memnode killed
 * with {@code kill -9} under a write-heavy application that checks every word it reads back.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReplicationFailoverTest {
    private static final String SECRET = "failover-secret";
    private static final long BYTES = 4L << 20;
    private static final Duration BOUND = Duration.ofSeconds(120);

    private static AppProcess loop(List<MemnodeProcess> nodes, String appId) {
        String memnodes = String.join(",", nodes.stream().map(n -> n.address().toString()).toList());
        return AppProcess.withAgent("memnodes=" + memnodes + ",replicas=2,cache=1m,timeout=5s,appid=" + appId, SECRET,
                MmuLoopApp.class, Long.toString(BYTES), "200");
    }

    private static void assertCleanRounds(AppProcess app) {
        assertTrue(app.stdout().stream().noneMatch(l -> l.contains("offset")), app.describe());
        assertTrue(app.stderr().stream().noneMatch(l -> l.startsWith("[legoj] fatal")), app.describe());
    }

    @ParameterizedTest(name = "memnode {0} killed")
    @ValueSource(ints = {0, 1, 2})
    void theApplicationSurvivesTheDeathOfAnyMemnode(int victim) {
        try (MemnodeProcess a = MemnodeProcess.start(SECRET, "256m");
                MemnodeProcess b = MemnodeProcess.start(SECRET, "256m");
                MemnodeProcess c = MemnodeProcess.start(SECRET, "256m");
                AppProcess app = loop(List.of(a, b, c), "survivor")) {
            app.awaitStdout(l -> l.equals("round 2 ok"), BOUND, "progress before the failure");
            List.of(a, b, c).get(victim).kill();
            app.awaitStdout(l -> l.equals("round 6 ok"), BOUND, "progress after the failure");
            assertCleanRounds(app);
            assertTrue(app.process().isAlive(), app.describe());
        }
    }

    @Test
    void aKilledApplicationLeavesTheOtherAloneAndItsPagesGoAfterTheLease() throws Exception {
        try (MemnodeProcess a = MemnodeProcess.start(SECRET, "256m", "--lease", "1s");
                MemnodeProcess b = MemnodeProcess.start(SECRET, "256m", "--lease", "1s");
                AppProcess victim = loop(List.of(a, b), "victim");
                AppProcess other = loop(List.of(a, b), "other")) {
            victim.awaitStdout(l -> l.equals("round 2 ok"), BOUND, "victim progress");
            other.awaitStdout(l -> l.equals("round 2 ok"), BOUND, "other progress");
            victim.process().kill();
            for (MemnodeProcess node : List.of(a, b)) {
                awaitApplications(node, 1);
            }
            int rounds = other.stdout().size();
            other.awaitStdout(l -> l.equals("round " + (rounds + 3) + " ok"), BOUND, "other goes on");
            assertCleanRounds(other);
        }
    }

    /** Polls the node's statistics until it holds {@code n} applications, within a bound. */
    private static void awaitApplications(MemnodeProcess node, int n) throws InterruptedException {
        EventLoopGroup group = EventLoops.create("stat", 1);
        try (NodeConnection c = NodeConnection.open(group, "memnode", node.address(),
                new NodeConnection.Settings(SECRET, "stat", 0, TimeUnit.SECONDS.toNanos(5), Ticker.SYSTEM))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int apps = -1;
            while (System.nanoTime() < deadline) {
                StatsReply r = (StatsReply) c.call(new Stats(c.nextRequestId()));
                apps = NodeStats.fromYaml(r.yaml()).applications;
                if (apps == n) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError(node.address() + " still holds " + apps + " applications");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
