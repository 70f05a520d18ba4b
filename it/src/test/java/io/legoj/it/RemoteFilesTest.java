package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import programs.ConcurrentWriters;
import programs.FileCrash;
import programs.FileSemantics;
import programs.LargeFile;
import programs.MountedPaths;
import programs.UnclosedWriter;

/**
 * Unmodified programs whose files live on a storage node ({@code storage=}, every path mounted):
 * they print what they print on a local disk, their files are in the node's directory and not on
 * the local disk, and what they saw acknowledged survives a {@code kill -9} of the node.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RemoteFilesTest {
    private static final String SECRET = "files-secret";
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static StoragenodeProcess node;

    @TempDir
    Path dir;

    @BeforeAll
    static void startNode(@TempDir Path nodeDir) {
        node = StoragenodeProcess.start(SECRET, nodeDir);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** The program's stdout on a local disk (in {@code dir/local}) and with the agent (in {@code dir/remote}). */
    private List<List<String>> bothWays(String options, Class<?> main, String... args) throws IOException {
        Path local = Files.createDirectories(dir.resolve("local"));
        Path remote = Files.createDirectories(dir.resolve("remote"));
        try (AppProcess plain = AppProcess.plainIn(local, main, args);
                AppProcess app = AppProcess.withAgentIn(remote, options, SECRET, main, args)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, app.awaitExit(BOUND), app.describe());
            assertEquals(plain.stdout(), app.stdout(), app.describe());
            return List.of(plain.stdout(), app.stdout());
        }
    }

    private static Set<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new TreeSet<>(walk.map(p -> root.relativize(p).toString()).toList());
        }
    }

    @Test
    void fileSemanticsAreTheLocalOnesAndTheFilesAreOnTheNode() throws IOException {
        List<List<String>> out = bothWays("storage=" + node.address(), FileSemantics.class);
        assertTrue(out.get(0).size() > 40, out.get(0).toString());
        Path remote = dir.resolve("remote");
        assertEquals(Set.of(""), tree(remote), "nothing of the application on the local disk");
        Path onNode = node.fileOf(FileSemantics.class.getName(), remote.resolve("data"));
        assertEquals(tree(dir.resolve("local/data")), tree(onNode));
        assertEquals(Files.readString(dir.resolve("local/data/c.txt")), Files.readString(onNode.resolve("c.txt")));
    }

    @Test
    void largeFilesAndConcurrentWritersToo() throws IOException {
        String options = "storage=" + node.address();
        bothWays(options, LargeFile.class, "64");
        assertEquals(Set.of(""), tree(dir.resolve("remote")));
        assertEquals(32L << 20, Files.size(node.fileOf(LargeFile.class.getName(), dir.resolve("remote/large.bin"))));
        List<List<String>> out = bothWays(options, ConcurrentWriters.class, "4", "2048");
        assertEquals(12, out.get(1).size(), out.get(1).toString());
        assertEquals(Set.of(""), tree(dir.resolve("remote")));
    }

    @Test
    void pathsOutsideTheMountStayLocal() throws IOException {
        Path remote = Files.createDirectories(dir.resolve("remote/mnt"));
        try (AppProcess app = AppProcess.withAgentIn(remote.getParent(), "storage=" + node.address() + ",mount=" + remote,
                SECRET, MountedPaths.class)) {
            assertEquals(0, app.awaitExit(BOUND), app.describe());
            assertEquals(List.of("stays here / goes away / 9"), app.stdout(), app.describe());
        }
        assertEquals("stays here", Files.readString(dir.resolve("remote/local.txt")));
        assertFalse(Files.exists(remote.resolve("remote.txt")));
        assertEquals("goes away", Files.readString(node.fileOf(MountedPaths.class.getName(), remote.resolve("remote.txt"))));
    }

    @Test
    void runStartsALocalStoragenodeForTheApplication() throws IOException {
        Path local = Files.createDirectories(dir.resolve("local"));
        Path remote = Files.createDirectories(dir.resolve("remote"));
        try (AppProcess plain = AppProcess.plainIn(local, FileSemantics.class);
                AppProcess app = AppProcess.viaRunIn(remote, List.of("--capacity", "64m"), null, FileSemantics.class)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, app.awaitExit(BOUND), app.describe());
            assertEquals(plain.stdout(), app.stdout(), app.describe());
            assertTrue(app.stderr().stream().anyMatch(l -> l.startsWith("[legoj] local storagenode ")), app.describe());
        }
        assertEquals(Set.of(""), tree(remote));
    }

    @Test
    void anUnreachableStoragenodeIsOneClearLine() {
        try (AppProcess app = AppProcess.withAgent("storage=127.0.0.1:1", SECRET, FileSemantics.class)) {
            assertEquals(1, app.awaitExit(BOUND), app.describe());
            assertEquals(List.of(), app.stdout(), app.describe());
            List<String> err = Streams.nonBlank(app.stderr());
            assertEquals(1, err.size(), app.describe());
            assertTrue(err.get(0).startsWith("[legoj] error: cannot use storagenode 127.0.0.1:1: "), app.describe());
        }
    }

    @Test
    void acknowledgedWritesSurviveAKillOfTheNode(@TempDir Path nodeDir) throws IOException {
        Path work = Files.createDirectories(dir.resolve("crash-app"));
        List<String> written;
        try (StoragenodeProcess first = StoragenodeProcess.start(SECRET, nodeDir);
                AppProcess writer = AppProcess.withAgentIn(work, "storage=" + first.address(), SECRET, FileCrash.class,
                        "write")) {
            writer.awaitStdout(l -> l.equals("acked f40"), BOUND, "40 files acknowledged");
            first.kill();
            assertEquals(3, writer.awaitExit(BOUND), writer.describe());
            written = writer.stdout();
        }
        assertTrue(written.get(written.size() - 1).startsWith("failed: java.io."), written.toString());
        try (StoragenodeProcess second = StoragenodeProcess.start(SECRET, nodeDir);
                AppProcess checker = AppProcess.withAgentIn(work, "storage=" + second.address(), SECRET, FileCrash.class,
                        "check")) {
            assertEquals(0, checker.awaitExit(BOUND), checker.describe());
            List<String> seen = checker.stdout();
            long synced = 0;
            for (String line : written) {
                if (line.startsWith("acked ")) {
                    String file = line.substring("acked ".length());
                    assertTrue(seen.contains("ok " + file + " " + (256 << 10)), file + " was acknowledged: " + seen);
                } else if (line.startsWith("synced ")) {
                    synced = Long.parseLong(line.substring("synced ".length()));
                }
            }
            String log = seen.get(seen.size() - 1);
            assertTrue(log.startsWith("log ") && Long.parseLong(log.substring(4)) >= synced, log + " < synced " + synced);
            assertNotEquals(0, synced);
        }
        assertEquals(Set.of(""), tree(work));
    }

    /**
     * Locally, a write that returned survives a {@code kill -9} of its process. Remote files send
     * what they gather as soon as the node has answered the writes in flight, so the node gets
     * every byte without a close, flush or later write; then the application is killed.
     */
    @Test
    void writesThatReturnedReachTheNodeWithoutACloseAndSurviveAKillOfTheApplication() throws IOException {
        Path work = Files.createDirectories(dir.resolve("unclosed"));
        Path log = node.fileOf(UnclosedWriter.class.getName(), work.resolve("log.txt"));
        Path table = node.fileOf(UnclosedWriter.class.getName(), work.resolve("table.bin"));
        try (AppProcess app = AppProcess.withAgentIn(work, "storage=" + node.address(), SECRET, UnclosedWriter.class)) {
            app.awaitStdout(l -> l.equals("written"), BOUND, "the end of the writes");
            awaitContent(log, UnclosedWriter.log());
            awaitContent(table, UnclosedWriter.table());
            app.process().kill();
        }
        assertArrayEquals(UnclosedWriter.log(), Files.readAllBytes(log));
        assertArrayEquals(UnclosedWriter.table(), Files.readAllBytes(table));
        assertEquals(Set.of(""), tree(work));
    }

    /** Waits (within {@link #BOUND}) until the node's file holds {@code want}. */
    private static void awaitContent(Path onNode, byte[] want) throws IOException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!Files.exists(onNode) || !java.util.Arrays.equals(want, Files.readAllBytes(onNode))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(onNode + " on the node holds " + (Files.exists(onNode) ? Files.size(onNode) : -1)
                        + " bytes, not the " + want.length + " written, " + BOUND.toSeconds() + " s after the writes");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
