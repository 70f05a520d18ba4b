package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.Protocol;
import io.legoj.protocol.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MemNodeConfigTest {
    @Test
    void defaults() {
        MemNodeConfig c = MemNodeConfig.of(1 << 20, "s");
        assertEquals("127.0.0.1", c.host());
        assertEquals(0, c.port());
        assertEquals(Duration.ofSeconds(30), c.lease());
        assertEquals(Protocol.DEFAULT_MAX_FRAME, c.maxFrame());
        assertEquals(Ticker.SYSTEM, c.ticker());
        assertEquals(2, c.ioThreads());
        assertFalse(c.withLease(Duration.ofDays(365L * 1000)).toString().contains("s,"), "secret in toString");
        assertEquals(Long.MAX_VALUE, c.withLease(Duration.ofDays(365L * 1000)).leaseNanos());
    }

    @Test
    void argumentsAreCheckedByName() {
        MemNodeConfig c = MemNodeConfig.of(1 << 20, "secret");
        assertNamed("port", () -> c.withPort(70000));
        assertNamed("port", () -> c.withPort(-1));
        assertNamed("capacity", () -> MemNodeConfig.of(0, "s"));
        assertNamed("secret", () -> MemNodeConfig.of(1, ""));
        assertNamed("secret", () -> MemNodeConfig.of(1, null));
        assertNamed("host", () -> c.withHost(""));
        assertNamed("lease", () -> c.withLease(Duration.ofSeconds(-1)));
        assertNamed("maxFrame", () -> c.withMaxFrame(8));
        assertNamed("ticker", () -> c.withTicker(null));
        assertNamed("ioThreads", () -> c.withIoThreads(0));
        assertFalse(c.toString().contains("secret="), c.toString());
    }

    @Test
    void journalSettings() {
        MemNodeConfig c = MemNodeConfig.of(1 << 20, "s");
        assertNull(c.journal());
        JournalConfig j = c.withJournal(Path.of("/tmp/j")).journal();
        assertEquals(Path.of("/tmp/j"), j.dir());
        assertEquals(64L << 20, j.compactBytes());
        assertEquals(Duration.ofMinutes(5), j.compactInterval());
        assertFalse(j.forceEachBatch());
        assertTrue(j.withForceEachBatch(true).forceEachBatch());
        assertEquals(j, c.withJournal(j).withPort(7).journal(), "kept by the other with... methods");
        assertNull(c.withJournal(j).withJournal((JournalConfig) null).journal());
        assertTrue(c.withJournal(j).toString().contains("/tmp/j"), c.withJournal(j).toString());
        assertNamed("dir", () -> c.withJournal((Path) null));
        assertNamed("compactBytes", () -> c.withJournal(j.withCompaction(0, Duration.ofSeconds(1))));
        assertNamed("compactInterval", () -> c.withJournal(j.withCompaction(1, Duration.ZERO)));
    }

    private static void assertNamed(String parameter, Supplier<MemNodeConfig> make) {
        RuntimeException e = assertThrows(RuntimeException.class, make::get);
        assertTrue(e.getMessage().startsWith(parameter + " "), e.getMessage());
    }
}
