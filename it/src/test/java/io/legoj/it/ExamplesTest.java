package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Every batch example of {@code legoj-examples.jar} prints under the agent ({@code objects=remote},
 * {@code arrays=remote} with every non-empty array remote, files on a storage node) what it prints on
 * a plain JVM: once with a page cache that holds all the pages the run touches, then with a cache of a
 * quarter of them (at least 2 frames), which must evict.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExamplesTest {
    private static final String SECRET = "examples-secret";
    private static final Duration BOUND = Duration.ofSeconds(90);
    /** Pages of 4 KiB, so that a quarter of a small working set is still several frames. */
    private static final long PAGE = 4096;
    private static final String FULL_CACHE = "64m";
    private static MemnodeProcess memnode;
    private static StoragenodeProcess storage;

    @TempDir
    Path dir;

    @BeforeAll
    static void startNodes(@TempDir Path nodeDir) {
        memnode = MemnodeProcess.start(SECRET, "512m");
        storage = StoragenodeProcess.start(SECRET, nodeDir);
    }

    @AfterAll
    static void stopNodes() {
        try (MemnodeProcess m = memnode; StoragenodeProcess s = storage) {
            // closed in reverse order
        }
    }

    private static String options(String appId, String cache) {
        return "memnodes=" + memnode.address() + ",storage=" + storage.address() + ",cache=" + cache
                + ",page=" + PAGE + ",objects=remote,arrays=remote,arraylocal=0,appid=" + appId;
    }

    /**
     * Runs {@code main} plain in {@code dir/plain}, under the agent with the full cache in
     * {@code dir/full} and with a quarter of the pages the full run touched in {@code dir/quarter};
     * asserts one stdout for all three and returns it.
     */
    private List<String> sameEverywhere(String main, String... args) throws IOException {
        String id = main.replace('.', '-');
        List<String> expected;
        try (ChildProcess plain = ExampleProcess.plain(Files.createDirectories(dir.resolve("plain")), main, args)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            expected = plain.stdout();
        }
        long touched;
        try (ChildProcess full = ExampleProcess.withAgent(Files.createDirectories(dir.resolve("full")),
                options(id + "-full", FULL_CACHE), SECRET, main, args)) {
            assertEquals(0, full.awaitExit(BOUND), full.describe());
            assertEquals(expected, full.stdout(), full.describe());
            assertEquals(0, ExampleProcess.summary(full, "evictions"), "the full cache holds every page" + full.describe());
            touched = ExampleProcess.summary(full, "resident_pages");
        }
        long frames = Math.max(2, (touched + 3) / 4);
        try (ChildProcess quarter = ExampleProcess.withAgent(Files.createDirectories(dir.resolve("quarter")),
                options(id + "-quarter", Long.toString(frames * PAGE)), SECRET, main, args)) {
            assertEquals(0, quarter.awaitExit(BOUND), quarter.describe());
            assertEquals(expected, quarter.stdout(), quarter.describe());
            System.out.println(main + ": " + touched + " pages touched, cache of " + frames + " frames, evictions "
                    + ExampleProcess.summary(quarter, "evictions"));
            if (touched > 2) {
                assertTrue(ExampleProcess.summary(quarter, "evictions") > 0, quarter.describe());
            }
        }
        return expected;
    }

    @Test
    void binaryTrees() throws IOException {
        List<String> out = sameEverywhere("trees.BinaryTrees", "12");
        assertEquals("long lived tree of depth 12\t check: 8191", out.get(out.size() - 2));
    }

    @Test
    void pageRank() throws IOException {
        List<String> out = sameEverywhere("graph.PageRank", "5000", "4", "5");
        assertEquals(7, out.size(), out.toString());
        assertTrue(out.get(1).matches("bfs reached \\d+ depth \\d+"), out.toString());
    }

    @Test
    void matMul() throws IOException {
        List<String> out = sameEverywhere("matrix.MatMul", "120");
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0).startsWith("matmul n=120 trace="), out.toString());
    }

    @Test
    void wordCountsFilesLiveOnTheStorageNode() throws IOException {
        List<String> out = sameEverywhere("text.WordCount", "in.txt", "counts.txt", "--generate", "3000");
        assertTrue(out.get(0).startsWith("generated in.txt "), out.toString());
        assertTrue(out.get(out.size() - 1).startsWith("wrote counts.txt "), out.toString());
        String counts = Files.readString(dir.resolve("plain/counts.txt"));
        for (String run : List.of("full", "quarter")) {
            Path local = dir.resolve(run);
            assertEquals(Set.of(""), tree(local), "nothing of the " + run + " run on the local disk");
            String appId = "text-WordCount-" + run;
            assertEquals(counts, Files.readString(storage.fileOf(appId, local.resolve("counts.txt"))), run);
            assertEquals(Files.readString(dir.resolve("plain/in.txt")),
                    Files.readString(storage.fileOf(appId, local.resolve("in.txt"))), run);
        }
    }

    private static Set<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new TreeSet<>(walk.map(p -> root.relativize(p).toString()).toList());
        }
    }
}
