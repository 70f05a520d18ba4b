package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One replica and a journal: the memnode is killed with {@code kill -9} and started again on its
 * journal; the application waits ({@code reconnect=}), then goes on checking every word it reads.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MemnodeRestartTest {
    private static final String SECRET = "restart-secret";
    private static final Duration BOUND = Duration.ofSeconds(120);

    @TempDir
    Path journal;

    @Test
    void theApplicationWaitsForItsRestartedMemnodeAndLosesNothing() throws Exception {
        MemnodeProcess first = MemnodeProcess.start(SECRET, "256m", "--journal", journal.toString());
        int port = first.port();
        try (AppProcess app = AppProcess.withAgent("memnodes=" + first.address() + ",cache=1m,timeout=5s,reconnect=60s,"
                + "appid=restart", SECRET, MmuLoopApp.class, Long.toString(4L << 20), "200")) {
            app.awaitStdout(l -> l.equals("round 2 ok"), BOUND, "progress before the restart");
            first.kill();
            first.close();
            try (MemnodeProcess again = MemnodeProcess.startOn(port, SECRET, "256m", "--journal", journal.toString())) {
                int seen = app.stdout().size();
                app.awaitStdout(l -> l.equals("round " + (seen + 3) + " ok"), BOUND, "progress after the restart");
                assertTrue(app.stdout().stream().noneMatch(l -> l.contains("offset")), app.describe());
                assertTrue(app.stderr().stream().noneMatch(l -> l.startsWith("[legoj] fatal")), app.describe());
                assertTrue(Files.list(journal).findAny().isPresent());
            }
        }
    }
}
