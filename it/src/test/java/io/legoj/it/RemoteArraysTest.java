package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import programs.ArrayLoops;
import programs.ArraysCorpus;
import programs.ManyArrays;
import programs.ShortLivedArrays;

/**
 * Unmodified programs whose primitive arrays keep their elements on a memnode ({@code arrays=remote})
 * print what they print on a plain JVM, with a page cache far smaller than their data.
 */
class RemoteArraysTest {
    private static final String SECRET = "arrays-secret";
    private static final Duration BOUND = Duration.ofSeconds(240);

    private static String options(MemnodeProcess node, String cache) {
        return "memnodes=" + node.address() + ",cache=" + cache + ",arrays=remote";
    }

    /** Also with remote objects: their array fields refer to arrays by address (local-mode ones move). */
    @ParameterizedTest(name = "options [{0}]")
    @ValueSource(strings = {"", ",objects=remote"})
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void corpusPrintsTheSameUnderEviction(String extra) {
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g");
                AppProcess plain = AppProcess.plain("512m", ArraysCorpus.class);
                AppProcess remote = AppProcess.withAgent(options(node, "1m") + extra, SECRET, ArraysCorpus.class)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, remote.awaitExit(BOUND), remote.describe());
            assertEquals(plain.stdout(), remote.stdout(), remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "evictions", remote.describe()) > 0, remote.describe());
        }
    }

    /** Counted loops read and write a page at a time without a lookup: other threads' faults must not take it away. */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void countedLoopsKeepTheirPagesWhileOtherThreadsEvict() {
        String[] args = {"200000", "12", "4"};
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g");
                AppProcess plain = AppProcess.plain("512m", ArrayLoops.class, args);
                AppProcess remote = AppProcess.withAgent(options(node, "256k"), SECRET, ArrayLoops.class, args)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, remote.awaitExit(BOUND), remote.describe());
            assertEquals(plain.stdout(), remote.stdout(), remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "evictions", remote.describe()) > 10_000, remote.describe());
        }
    }

    /**
     * 300 MB of arrays that die young, through a 4 MiB cache: their blocks are reclaimed and reused
     * while resident, instead of pages of dead arrays being written back to the memnode.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void deadArraysAreReclaimedBeforeTheyCrowdTheCache() {
        String[] args = {"300000", "250"};
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "1g");
                AppProcess plain = AppProcess.plain("512m", ShortLivedArrays.class, args);
                AppProcess remote = AppProcess.withAgent(options(node, "4m"), SECRET, ShortLivedArrays.class, args)) {
            assertEquals(0, plain.awaitExit(BOUND), plain.describe());
            assertEquals(0, remote.awaitExit(BOUND), remote.describe());
            assertEquals(plain.stdout(), remote.stdout(), remote.describe());
            long pagesAllocated = 300_000L * 1016 / (16 << 10);
            long writeBacks = AgentSummary.value(remote.stderr(), "write_backs", remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "gc_requests", remote.describe()) >= 10, remote.describe());
            assertTrue(writeBacks < pagesAllocated / 4, writeBacks + " write-backs for " + pagesAllocated
                    + " pages of arrays: " + remote.describe());
        }
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void oneGibibyteOfArraysFitsIn128MegabytesOfHeap() {
        String mib = "1024";
        try (AppProcess small = AppProcess.plain("128m", ManyArrays.class, mib)) {
            assertNotEquals(0, small.awaitExit(BOUND), small.describe());
            assertTrue(String.join("\n", small.stderr()).contains("OutOfMemoryError"), small.describe());
        }
        String expected;
        try (AppProcess large = AppProcess.plain("2g", ManyArrays.class, mib)) {
            assertEquals(0, large.awaitExit(BOUND), large.describe());
            expected = String.join("\n", large.stdout());
        }
        assertTrue(expected.contains("MiB=1024 mismatches=0"), expected);
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "2g");
                AppProcess remote = AppProcess.withAgent(options(node, "32m"), SECRET, "128m", ManyArrays.class, mib)) {
            assertEquals(0, remote.awaitExit(Duration.ofSeconds(500)), remote.describe());
            assertEquals(expected, String.join("\n", remote.stdout()), remote.describe());
            assertTrue(AgentSummary.value(remote.stderr(), "evictions", remote.describe()) > 0, remote.describe());
        }
    }

}
