package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a user sees when the application cannot start on LegoJ: one {@code [legoj] error:} line that
 * says why, a non-zero exit within a bound, no stack trace, and the application's main never runs.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StartFailureTest {
    private static final String SECRET = "start-secret";
    private static final String NOWHERE = "127.0.0.1:1";
    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void runWithAnUnreachableMemnodeNamesIt() {
        try (AppProcess app = AppProcess.viaRun(List.of("--memnodes", NOWHERE), SECRET, HelloApp.class)) {
            assertNotEquals(0, app.awaitExit(BOUND), app.describe());
            assertOneErrorLine(app, NOWHERE);
        }
    }

    @Test
    void agentWithAnUnreachableMemnodeNamesIt() {
        try (AppProcess app = AppProcess.withAgent("memnodes=" + NOWHERE, SECRET, HelloApp.class)) {
            assertNotEquals(0, app.awaitExit(BOUND), app.describe());
            assertOneErrorLine(app, NOWHERE);
        }
    }

    @Test
    void wrongSecretIsRefusedByTheMemnode() {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "16m")) {
            try (AppProcess app = AppProcess.withAgent("memnodes=" + node.address(), "not-" + SECRET, HelloApp.class)) {
                assertNotEquals(0, app.awaitExit(BOUND), app.describe());
                String line = assertOneErrorLine(app, "memnode " + node.address());
                assertTrue(line.contains("secret"), line);
            }
            try (AppProcess app = AppProcess.viaRun(List.of("--memnodes", node.address().toString()), "not-" + SECRET,
                    HelloApp.class)) {
                assertNotEquals(0, app.awaitExit(BOUND), app.describe());
                String line = assertOneErrorLine(app, "memnode " + node.address());
                assertTrue(line.contains("secret"), line);
            }
            assertTrue(node.isAlive(), node.process().describe());
        }
    }

    @Test
    void badCacheSizeIsAUsageError() {
        try (AppProcess app = AppProcess.withAgent("memnodes=" + NOWHERE + ",cache=lots", SECRET, HelloApp.class)) {
            assertEquals(2, app.awaitExit(BOUND), app.describe());
            assertOneErrorLine(app, "'lots'");
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        try (AppProcess app = AppProcess.withAgent("memnodes=" + NOWHERE + ",colour=blue", SECRET, HelloApp.class)) {
            assertEquals(2, app.awaitExit(BOUND), app.describe());
            assertOneErrorLine(app, "'colour'");
        }
    }

    @Test
    void badCacheSizeOfRunIsAUsageError() {
        try (AppProcess app = AppProcess.viaRun(List.of("--cache", "lots"), SECRET, HelloApp.class)) {
            assertEquals(2, app.awaitExit(BOUND), app.describe());
            List<String> err = Streams.nonBlank(app.stderr());
            assertTrue(err.get(0).startsWith("[legoj] error: ") && err.get(0).contains("lots"), app.describe());
            assertTrue(err.stream().allMatch(l -> l.startsWith("[legoj] ")), app.describe());
            assertEquals(List.of(), app.stdout(), app.describe());
        }
    }

    @Test
    void missingSecretIsAUsageError() {
        try (AppProcess app = AppProcess.withAgent("memnodes=" + NOWHERE, null, HelloApp.class)) {
            assertEquals(2, app.awaitExit(BOUND), app.describe());
            assertOneErrorLine(app, "LEGOJ_SECRET");
        }
    }

    /**
     * Exactly one non-blank stderr line, {@code [legoj] error: ...} containing {@code part}, besides the
     * address of the local storagenode {@code run} starts; nothing on stdout.
     */
    private static String assertOneErrorLine(AppProcess app, String part) {
        List<String> err = Streams.nonBlank(app.stderr()).stream()
                .filter(l -> !l.startsWith("[legoj] local storagenode ")).toList();
        assertEquals(1, err.size(), "stderr lines" + app.describe());
        String line = err.get(0);
        assertTrue(line.startsWith("[legoj] error: ") && line.contains(part), "expected '" + part + "'" + app.describe());
        assertEquals(List.of(), app.stdout(), "main must not run" + app.describe());
        return line;
    }
}
