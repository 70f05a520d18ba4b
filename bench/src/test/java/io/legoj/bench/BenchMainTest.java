package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchMainTest {
    @Test
    void anUnknownNameIsOneLineListingTheNamesAndExitTwo() {
        DriverRun r = DriverRun.of("nope");
        assertEquals(2, r.exitCode(), r.all());
        assertEquals(1, r.err().lines().count(), r.all());
        assertTrue(r.err().startsWith("legoj bench: unknown benchmark 'nope' (benchmarks: "), r.all());
        for (String name : new String[] {"fault", "resident", "pagesize"}) {
            assertTrue(r.err().contains(name), r.all());
        }
    }

    @Test
    void helpListsEveryBenchmark() {
        DriverRun r = DriverRun.of("--help");
        assertEquals(0, r.exitCode(), r.all());
        for (String name : new String[] {"fault", "resident", "pagesize"}) {
            assertTrue(r.hasLineMatching("\\s+" + name + "\\s+\\S.*"), r.all());
        }
    }

    @Test
    void noArgumentsIsUsageOnStderr() {
        DriverRun r = DriverRun.of();
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().startsWith("usage: legoj bench <name>"), r.all());
    }

    @Test
    void aDriverHelpListsItsOptions() {
        DriverRun r = DriverRun.of("pagesize", "--help");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.hasLineMatching("\\s+--sizes LIST .*"), r.all());
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"fault", "--bogus", "1"}, {"fault", "--pages", "-3"},
                {"pagesize", "--sizes", "3k"}, {"resident", "--cache", "lots"}, {"fault", "--pages"}}) {
            DriverRun r = DriverRun.of(args);
            assertEquals(2, r.exitCode(), r.all());
            assertEquals(1, r.err().lines().count(), r.all());
            assertTrue(r.err().startsWith("legoj bench " + args[0] + ": "), r.all());
        }
    }
}
