package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A memory node killed under a running application: the application stops, soon, and says which node. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class MemnodeFailureTest {
    private static final String SECRET = "failure-secret";
    /** Four times the cache: every round faults pages in from the node. */
    private static final long BYTES = 4L << 20;
    private static final Duration PROGRESS_BOUND = Duration.ofSeconds(90);
    private static final Duration EXIT_BOUND = Duration.ofSeconds(20);
    /** The agent's exit status when remote memory is lost and the application does not stop by itself. */
    private static final int EXIT_REMOTE_MEMORY_LOST = 70;

    @Test
    void appExitsNonZeroNamingTheKilledNode() {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "64m");
                AppProcess app = startLoop(node)) {
            app.awaitStdout(l -> l.equals("round 2 ok"), PROGRESS_BOUND, "progress");
            node.kill();
            assertNotEquals(0, app.awaitExit(EXIT_BOUND), app.describe());
            assertFatalLineNames(app, node);
            assertTrue(app.stdout().stream().noneMatch(l -> l.equals("time is up") || l.contains("offset")),
                    app.describe());
        }
    }

    @Test
    void agentStopsAnAppThatSwallowsTheError() {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "64m");
                AppProcess app = startLoop(node, "stubborn")) {
            app.awaitStdout(l -> l.equals("round 2 ok"), PROGRESS_BOUND, "progress");
            node.kill();
            assertEquals(EXIT_REMOTE_MEMORY_LOST, app.awaitExit(EXIT_BOUND), app.describe());
            assertFatalLineNames(app, node);
            assertTrue(app.stdout().stream().noneMatch(l -> l.equals("time is up")), app.describe());
        }
    }

    private static AppProcess startLoop(MemnodeProcess node, String... mode) {
        String[] args = new String[2 + mode.length];
        args[0] = Long.toString(BYTES);
        args[1] = "300";
        System.arraycopy(mode, 0, args, 2, mode.length);
        return AppProcess.withAgent("memnodes=" + node.address() + ",cache=1m,timeout=5s", SECRET, MmuLoopApp.class,
                args);
    }

    private static void assertFatalLineNames(AppProcess app, MemnodeProcess node) {
        String prefix = "[legoj] fatal: memnode " + node.address() + ":";
        assertTrue(app.stderr().stream().anyMatch(l -> l.startsWith(prefix)), "expected '" + prefix + "'" + app.describe());
    }
}
