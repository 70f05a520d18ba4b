package io.legoj.memnode;

import static io.legoj.memnode.Pages.assertPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.PageData;
import io.legoj.protocol.RegionAlloc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node with a journal, closed and started again on the same directory, in this JVM. */
class JournalTest {
    private static final String SECRET = "s3cret";
    private static final int PS = 4096;
    private static final long BASE = 1L << 20;
    private static final long REGION = 64L * PS;
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final ManualTicker ticker = new ManualTicker();
    private final List<MemNode> nodes = new ArrayList<>();

    private MemNode node(long capacity) {
        MemNode n = new MemNode(MemNodeConfig.of(capacity, SECRET).withTicker(ticker).withLease(LEASE).withJournal(dir));
        nodes.add(n);
        return n;
    }

    private MemNode node() {
        return node(256 * PS);
    }

    /** Closes the node and starts another on the same journal. */
    private MemNode restart(MemNode old) {
        old.close();
        return node();
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(MemNode::close);
    }

    private static void write(EmbeddedClient c, int pageSize, long address, int seed) {
        assertInstanceOf(PageData.class, c.batch(pageSize, new long[] {address}, Pages.of(pageSize, seed))).release();
    }

    /** Asserts that page {@code address} holds the page made from {@code seed}, or is absent for -1. */
    private static void assertHolds(EmbeddedClient c, int pageSize, long address, int seed) {
        PageData d = c.read(pageSize, address);
        try {
            assertEquals(seed >= 0, d.present(0), "page 0x" + Long.toHexString(address) + " present");
            if (seed >= 0) {
                assertPage(d, 0, seed);
            }
        } finally {
            d.release();
        }
    }

    @Test
    void regionsAndPagesOfEveryApplicationComeBack() {
        MemNode node = node();
        try (EmbeddedClient a = EmbeddedClient.open(node, "a", PS); EmbeddedClient b = EmbeddedClient.open(node, "b", 2 * PS)) {
            a.alloc(BASE, REGION);
            b.alloc(BASE, REGION);
            for (int i = 0; i < 10; i++) {
                write(a, PS, BASE + i * PS, i);
                write(b, 2 * PS, BASE + i * 2L * PS, 100 + i);
            }
            write(a, PS, BASE, 42);
            assertInstanceOf(PageData.class, a.batch(PS, new long[] {BASE + 20 * PS, BASE + 21 * PS}, Pages.of(PS, 20, 21))).release();
        }
        NodeStats before = node.stats();
        node = restart(node);
        NodeStats after = node.stats();
        assertEquals(2, after.applications);
        assertEquals(before.pages, after.pages);
        assertEquals(before.used, after.used);
        assertTrue(after.recoveredEntries >= 24, "entries replayed: " + after.recoveredEntries);
        try (EmbeddedClient a = EmbeddedClient.open(node, "a", PS); EmbeddedClient b = EmbeddedClient.open(node, "b", 2 * PS)) {
            assertHolds(a, PS, BASE, 42);
            for (int i = 1; i < 10; i++) {
                assertHolds(a, PS, BASE + i * PS, i);
                assertHolds(b, 2 * PS, BASE + i * 2L * PS, 100 + i);
            }
            assertHolds(a, PS, BASE + 20 * PS, 20);
            assertHolds(a, PS, BASE + 21 * PS, 21);
            assertHolds(a, PS, BASE + 30 * PS, -1);
            a.alloc(BASE, REGION);
            a.expectError(ErrorCode.BAD_REQUEST, a.call(new RegionAlloc(a.nextId(), BASE + PS, PS)));
            a.expectError(ErrorCode.PAGE_SIZE_MISMATCH, new EmbeddedClient(node).hello(SECRET, "a", 2 * PS));
        }
    }

    @Test
    void freedRegionsStayFreed() {
        MemNode node = node();
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, REGION);
            c.alloc(BASE + REGION, REGION);
            write(c, PS, BASE, 1);
            write(c, PS, BASE + REGION, 2);
            c.free(BASE);
        }
        node = restart(node);
        assertEquals(1, node.stats().pages);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.expectError(ErrorCode.OUT_OF_REGION, c.batch(PS, new long[0], null, BASE));
            assertHolds(c, PS, BASE + REGION, 2);
            c.alloc(BASE, REGION);
            assertHolds(c, PS, BASE, -1);
        }
        node = restart(node);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            assertHolds(c, PS, BASE, -1);
            assertHolds(c, PS, BASE + REGION, 2);
        }
    }

    @Test
    void replayIsIdempotent() {
        MemNode node = node();
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, REGION);
            for (int i = 0; i < 5; i++) {
                write(c, PS, BASE + i * PS, i);
            }
        }
        NodeStats first = node.stats();
        for (int restart = 0; restart < 3; restart++) {
            node = restart(node);
            assertEquals(first.pages, node.stats().pages, "restart " + restart);
            assertEquals(first.used, node.stats().used, "restart " + restart);
        }
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            for (int i = 0; i < 5; i++) {
                assertHolds(c, PS, BASE + i * PS, i);
            }
            write(c, PS, BASE, 7);
        }
        node = restart(node);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            assertHolds(c, PS, BASE, 7);
            assertHolds(c, PS, BASE + PS, 1);
        }
    }

    @Test
    void restoredApplicationsGetAFreshLeaseFromTheRestart() {
        MemNode node = node();
        try (EmbeddedClient c = EmbeddedClient.open(node, "kept", PS); EmbeddedClient d = EmbeddedClient.open(node, "dropped", PS)) {
            c.alloc(BASE, REGION);
            d.alloc(BASE, REGION);
            write(c, PS, BASE, 1);
            write(d, PS, BASE, 2);
        }
        ticker.advance(LEASE.minusSeconds(1));
        node = restart(node);
        ticker.advance(LEASE.minusSeconds(1));
        assertEquals(0, node.expireLeases(), "the lease runs from the restart, not from the last connection");
        try (EmbeddedClient c = EmbeddedClient.open(node, "kept", PS)) {
            assertHolds(c, PS, BASE, 1);
            ticker.advance(Duration.ofSeconds(2));
            assertEquals(1, node.expireLeases(), "the application that did not reconnect is released");
            assertEquals(1, node.stats().applications);
        }
        node = restart(node);
        assertEquals(1, node.stats().applications, "the release was journaled");
        try (EmbeddedClient d = EmbeddedClient.open(node, "dropped", PS)) {
            d.expectError(ErrorCode.OUT_OF_REGION, d.batch(PS, new long[0], null, BASE));
        }
        try (EmbeddedClient c = EmbeddedClient.open(node, "kept", PS)) {
            assertHolds(c, PS, BASE, 1);
        }
    }

    @Test
    void aReleasedIdMayComeBackWithAnotherPageSize() {
        MemNode node = node();
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, REGION);
            write(c, PS, BASE, 1);
        }
        ticker.advance(LEASE);
        assertEquals(1, node.expireLeases());
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", 2 * PS)) {
            c.alloc(BASE, REGION);
            write(c, 2 * PS, BASE + 2 * PS, 3);
        }
        node = restart(node);
        assertEquals(1, node.stats().pages);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", 2 * PS)) {
            assertHolds(c, 2 * PS, BASE, -1);
            assertHolds(c, 2 * PS, BASE + 2 * PS, 3);
        }
    }

    @Test
    void aJournalLargerThanTheCapacityRefusesToStart() {
        MemNode node = node(16 * PS);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, REGION);
            for (int i = 0; i < 12; i++) {
                write(c, PS, BASE + i * PS, i);
            }
            c.free(BASE);
            c.alloc(BASE, REGION);
            for (int i = 0; i < 10; i++) {
                write(c, PS, BASE + i * PS, i);
            }
        }
        node.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> node(8 * PS));
        String m = e.getMessage();
        assertTrue(m.contains(dir.toString()) && m.contains(Long.toString(10L * PS)) && m.contains(Long.toString(8L * PS)), m);
        assertFalse(m.contains("\n"), m);
        MemNode fits = node(10 * PS);
        assertEquals(10, fits.stats().pages, "the pages of the freed region do not count");
    }

    @Test
    void readOnlyBatchesAndRetriedAllocationsAreNotJournaled() {
        MemNode node = node();
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, REGION);
            long afterAlloc = node.stats().journalBytes;
            c.alloc(BASE, REGION);
            c.read(PS, BASE).release();
            assertEquals(afterAlloc, node.stats().journalBytes);
            write(c, PS, BASE, 1);
            assertTrue(node.stats().journalBytes > afterAlloc + PS);
        }
    }

    @Test
    void aNodeWithoutJournalKeepsNothing() {
        try (MemNode plain = new MemNode(MemNodeConfig.of(16 * PS, SECRET))) {
            assertFalse(plain.maybeCompact());
            assertEquals(0, plain.stats().journalBytes);
        }
    }
}
