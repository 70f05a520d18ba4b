package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import programs.FieldRuns;
import programs.ManyObjects;
import programs.ObjectsCorpus;
import programs.TransientObjects;
import programs.Walks;

/**
 * Unmodified programs whose objects keep their fields on a memnode ({@code objects=remote}) print
 * what they print on a plain JVM, with a page cache far smaller than their data.
 */
class RemoteObjectsTest {
    private static final String SECRET = "objects-secret";
    private static final Duration BOUND = Duration.ofSeconds(240);
    private static final Pattern HEAP = Pattern.compile("heap_used_after_gc=(\\d+)");

    private static String options(MemnodeProcess node, String cache) {
        return "memnodes=" + node.address() + ",cache=" + cache + ",objects=remote";
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void corpusPrintsTheSameUnderEviction() {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g");
                AppProcess plain = AppProcess.plain("512m", ObjectsCorpus.class);
                AppProcess remote = AppProcess.withAgent(options(node, "1m"), SECRET, ObjectsCorpus.class)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, remote.awaitExit(BOUND), remote.describe());
            assertEquals(plain.stdout(), remote.stdout(), remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "evictions", remote.describe()) > 0, remote.describe());
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void localClassesAreLoggedWithTheirReasonAndExcludesWin() {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g")) {
            try (AppProcess logged = AppProcess.withAgent(options(node, "8m") + ",log=classes", SECRET,
                    ObjectsCorpus.class, "1000")) {
                assertEquals(0, logged.awaitExit(BOUND), logged.describe());
                assertTrue(logged.stderr().contains("[legoj] class programs.ObjectsCorpus$Color kept local: enum"),
                        logged.describe());
                assertTrue(logged.stderr().contains("[legoj] class programs.ObjectsCorpus$Greeter kept local: interface"),
                        logged.describe());
                assertTrue(AgentSummary.value(logged.stderr(), "remote_objects", logged.describe()) > 1000, logged.describe());
            }
            try (AppProcess excluded = AppProcess.withAgent(options(node, "8m") + ",exclude=programs.**", SECRET,
                    ObjectsCorpus.class, "1000")) {
                assertEquals(0, excluded.awaitExit(BOUND), excluded.describe());
                assertEquals(0, AgentSummary.value(excluded.stderr(), "remote_objects", excluded.describe()), excluded.describe());
            }
        }
    }


    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void tenMillionObjectsFitIn128MegabytesOfHeap() {
        String ten = "10000000";
        try (AppProcess small = AppProcess.plain("128m", ManyObjects.class, ten)) {
            assertNotEquals(0, small.awaitExit(BOUND), small.describe());
            assertTrue(String.join("\n", small.stderr()).contains("OutOfMemoryError"), small.describe());
        }
        String expected;
        try (AppProcess large = AppProcess.plain("2g", ManyObjects.class, ten)) {
            assertEquals(0, large.awaitExit(BOUND), large.describe());
            expected = String.join("\n", large.stdout());
        }
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "2g")) {
            long oneMillion = heapAfterGc(node, "1000000");
            long tenMillion;
            try (AppProcess remote = AppProcess.withAgent(options(node, "32m"), SECRET, "128m", ManyObjects.class, ten)) {
                assertEquals(0, remote.awaitExit(Duration.ofSeconds(500)), remote.describe());
                assertEquals(expected, String.join("\n", remote.stdout()), remote.describe());
                tenMillion = heap(remote);
            }
            System.out.println("heap_used_after_gc 1M=" + oneMillion + " 10M=" + tenMillion);
            assertTrue(tenMillion < 2 * oneMillion + (16L << 20),
                    "heap after GC grows with the object count: 1M " + oneMillion + ", 10M " + tenMillion);
        }
    }

    /**
     * Objects that die before their address was stored in remote memory give back the JDK objects they
     * held: a request loop that would need some 400 MB of local table for 1.5 million argument lists
     * runs in 64 MB, while the requests it kept stay readable. In a 2 GB heap, which would not collect
     * before the dead requests crowded the 8 MiB cache (evicted, they would never be reclaimed), LegoJ
     * asks for collections.
     */
    @ParameterizedTest(name = "-Xmx{0}")
    @ValueSource(strings = {"64m", "2g"})
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void transientObjectsGiveBackWhatTheyHeld(String heap) {
        String n = "1500000";
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g");
                AppProcess plain = AppProcess.plain("512m", TransientObjects.class, n);
                AppProcess remote = AppProcess.withAgent(options(node, "8m"), SECRET, heap, TransientObjects.class, n)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, remote.awaitExit(BOUND), remote.describe());
            assertEquals(plain.stdout(), remote.stdout(), remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "reclaimed_objects", remote.describe()) > 1_400_000,
                    remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "local_refs", remote.describe()) < 200_000, remote.describe());
        }
    }

    /** The same with four threads allocating, dropping and reclaiming at once. */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void transientObjectsOfFourThreadsGiveBackWhatTheyHeld() {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g");
                AppProcess plain = AppProcess.plain("512m", TransientObjects.class, "400000", "4");
                AppProcess remote = AppProcess.withAgent(options(node, "8m"), SECRET, "64m", TransientObjects.class,
                        "400000", "4")) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, remote.awaitExit(BOUND), remote.describe());
            assertEquals(plain.stdout(), remote.stdout(), remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "reclaimed_objects", remote.describe()) > 1_000_000,
                    remote.describe());
        }
    }

    /**
     * Runs of field accesses translate their object once and rely on its page staying pinned:
     * four threads update their own objects in runs while each other's faults evict pages.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void runsOfFieldAccessesKeepTheirObjectsUnderEvictionByOtherThreads() {
        List<String> out = samePrintedUnderEviction(FieldRuns.class, "20000", "20", "4");
        assertTrue(out.stream().allMatch(l -> l.endsWith("broken=0")), String.join("\n", out));
    }

    /**
     * Walks keep addresses instead of handles and rely on the TLB for each hop: four threads walk
     * their own lists and update what they find while each other's faults evict pages.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void walksAlongListsSeeTheirNodesUnderEvictionByOtherThreads() {
        samePrintedUnderEviction(Walks.class, "3000", "20", "4");
    }

    /**
     * Runs {@code program} on a plain JVM and under the agent with a 256 KiB cache, which must evict
     * more than 10,000 pages; both print the same, which is returned.
     */
    private static List<String> samePrintedUnderEviction(Class<?> program, String... args) {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g");
                AppProcess plain = AppProcess.plain("512m", program, args);
                AppProcess remote = AppProcess.withAgent(options(node, "256k"), SECRET, program, args)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, remote.awaitExit(BOUND), remote.describe());
            assertEquals(plain.stdout(), remote.stdout(), remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "evictions", remote.describe()) > 10_000, remote.describe());
            return plain.stdout();
        }
    }

    private static long heapAfterGc(MemnodeProcess node, String n) {
        try (AppProcess remote = AppProcess.withAgent(options(node, "32m"), SECRET, "128m", ManyObjects.class, n)) {
            assertEquals(0, remote.awaitExit(BOUND), remote.describe());
            return heap(remote);
        }
    }

    private static long heap(AppProcess app) {
        for (String line : app.stderr()) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no heap line: " + app.describe());
    }

}
