package io.legoj.memnode;

import static io.legoj.memnode.Pages.assertPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.Auth;
import io.legoj.protocol.Echo;
import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.Hello;
import io.legoj.protocol.Message;
import io.legoj.protocol.MessageType;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RegionFree;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Welcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemNodeHandlerTest {
    private static final String SECRET = "s3cret";
    private static final int PS = 4096;
    private static final long BASE = 1L << 20;
    private static final long[] NONE = {};

    private final ManualTicker ticker = new ManualTicker();
    private MemNode node = node(16 * PS);

    private MemNode node(long capacity) {
        return new MemNode(MemNodeConfig.of(capacity, SECRET).withTicker(ticker).withLease(Duration.ofSeconds(30)));
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void handshakeWelcomesWithNodeIdAndCapacity() {
        try (EmbeddedClient c = new EmbeddedClient(node)) {
            assertEquals(Protocol.VERSION, c.challenge.protocolVersion());
            assertEquals(Protocol.DEFAULT_MAX_FRAME, c.challenge.maxFrame());
            Welcome w = assertInstanceOf(Welcome.class, c.hello(SECRET, "app", PS));
            assertEquals(new Welcome("memnode 127.0.0.1:0", 16 * PS, 0), w);
            assertTrue(c.isOpen());
            assertEquals(1, node.stats().connections);
            assertEquals(1, node.stats().applications);
        }
        assertEquals(0, node.stats().connections);
    }

    @Test
    void wrongSecretIsRejectedClosedAndCounted() {
        try (EmbeddedClient c = new EmbeddedClient(node)) {
            ErrorMessage e = c.expectError(ErrorCode.AUTH_FAILED, c.hello("guess", "app", PS));
            assertEquals(new ErrorMessage(0, ErrorCode.AUTH_FAILED, "wrong cluster secret"), e);
            assertFalse(c.isOpen());
            assertEquals(1, node.stats().rejectedConnections);
            assertEquals(0, node.stats().applications);
        }
    }

    @Test
    void macOfAnotherNonceIsRejected() {
        try (EmbeddedClient c = new EmbeddedClient(node)) {
            byte[] stale = Auth.mac(SECRET, Auth.newNonce(), "app", PS);
            c.expectError(ErrorCode.AUTH_FAILED, c.call(new Hello(Protocol.VERSION, "app", PS, stale)));
            assertFalse(c.isOpen());
        }
    }

    @Test
    void firstMessageMustBeHello() {
        try (EmbeddedClient c = new EmbeddedClient(node)) {
            ErrorMessage e = c.expectError(ErrorCode.NOT_AUTHENTICATED, c.call(new Stats(5)));
            assertEquals(5, e.requestId());
            assertFalse(c.isOpen());
            assertEquals(0, node.stats().requests);
        }
    }

    @Test
    void requestsAfterARejectedHelloAreIgnored() {
        try (EmbeddedClient c = new EmbeddedClient(node)) {
            ByteBuf both = EmbeddedClient.frame(new Stats(1)).writeBytes(EmbeddedClient.frame(new Stats(2)));
            c.channel.writeInbound(both);
            c.expectError(ErrorCode.NOT_AUTHENTICATED, c.read());
            assertNull(c.read());
        }
    }

    @Test
    void otherProtocolVersionIsRejected() {
        try (EmbeddedClient c = new EmbeddedClient(node)) {
            byte[] mac = Auth.mac(SECRET, c.challenge.nonce(), "app", PS);
            ErrorMessage e = c.expectError(ErrorCode.UNSUPPORTED_VERSION, c.call(new Hello(99, "app", PS, mac)));
            assertTrue(e.message().contains("99"), e.message());
            assertFalse(c.isOpen());
        }
    }

    @Test
    void invalidPageSizeInHelloIsRejected() {
        try (EmbeddedClient c = new EmbeddedClient(node)) {
            ErrorMessage e = c.expectError(ErrorCode.BAD_REQUEST, c.hello(SECRET, "app", 1000));
            assertTrue(e.message().contains("1000"), e.message());
            assertFalse(c.isOpen());
        }
    }

    @Test
    void anApplicationKeepsThePageSizeOfItsFirstHello() {
        try (EmbeddedClient first = EmbeddedClient.open(node, "app", PS); EmbeddedClient second = new EmbeddedClient(node)) {
            ErrorMessage e = second.expectError(ErrorCode.PAGE_SIZE_MISMATCH, second.hello(SECRET, "app", 2 * PS));
            assertTrue(e.message().contains("4096") && e.message().contains("8192"), e.message());
            assertFalse(second.isOpen());
            assertTrue(first.isOpen());
            try (EmbeddedClient other = EmbeddedClient.open(node, "other", 2 * PS)) {
                assertTrue(other.isOpen());
            }
        }
    }

    @Test
    void regionRules() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            badRegion(c, BASE + 1, PS, "multiples of the page size");
            badRegion(c, BASE, PS + 1, "multiples of the page size");
            badRegion(c, BASE, 0, "positive");
            badRegion(c, 0, PS, "positive");
            badRegion(c, -PS, PS, "positive");
            badRegion(c, Long.MAX_VALUE - PS + 1, 2 * PS, "beyond the address space");
            c.alloc(BASE, 4 * PS);
            c.alloc(BASE, 4 * PS);
            badRegion(c, BASE + PS, PS, "overlaps");
            badRegion(c, BASE - PS, 2 * PS, "overlaps");
            badRegion(c, BASE, 8 * PS, "overlaps");
            c.alloc(BASE + 4 * PS, PS);
            c.alloc(BASE - PS, PS);
            ErrorMessage e = c.expectError(ErrorCode.NO_SUCH_REGION, c.call(new RegionFree(c.nextId(), BASE + PS)));
            assertTrue(e.message().contains("0x" + Long.toHexString(BASE + PS)), e.message());
            c.free(BASE);
            c.expectError(ErrorCode.NO_SUCH_REGION, c.call(new RegionFree(c.nextId(), BASE)));
            c.alloc(BASE, 2 * PS);
            assertTrue(c.isOpen());
        }
    }

    private static void badRegion(EmbeddedClient c, long base, long size, String why) {
        ErrorMessage e = c.expectError(ErrorCode.BAD_REQUEST, c.call(new RegionAlloc(c.nextId(), base, size)));
        assertTrue(e.message().contains(why), e.message());
    }

    @Test
    void writtenPagesReadBackAndUnwrittenPagesAreAbsent() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, 8 * PS);
            long[] writes = {BASE, BASE + 3 * PS, BASE};
            PageData d = assertInstanceOf(PageData.class, c.batch(PS, writes, Pages.of(PS, 1, 2, 3), BASE + PS, BASE, BASE + 3 * PS));
            assertEquals(3, d.count());
            assertFalse(d.present(0));
            assertTrue(d.present(1) && d.present(2));
            assertEquals(2 * PS, d.data().readableBytes());
            assertPage(d, 0, 3);
            assertPage(d, 1, 2);
            d.release();
            assertEquals(2 * PS, node.stats().used);
            assertEquals(2, node.stats().pages);
        }
    }

    @Test
    void emptyBatchesAndZeroFilledPages() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, 2 * PS);
            PageData empty = assertInstanceOf(PageData.class, c.batch(PS, NONE, null));
            assertEquals(0, empty.count());
            empty.release();
            assertInstanceOf(PageData.class, c.batch(PS, new long[] {BASE}, Unpooled.buffer(PS).writeZero(PS))).release();
            PageData d = c.read(PS, BASE, BASE + PS);
            assertTrue(d.present(0));
            assertFalse(d.present(1));
            assertEquals(PS, d.data().readableBytes());
            for (int i = 0; i < PS; i++) {
                assertEquals(0, d.data().getByte(i));
            }
            d.release();
        }
    }

    @Test
    void addressesOutsideTheRegionsFailTheWholeBatch() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, 2 * PS);
            ErrorMessage e = c.expectError(ErrorCode.OUT_OF_REGION,
                    c.batch(PS, new long[] {BASE, BASE + 2 * PS}, Pages.of(PS, 1, 2)));
            assertTrue(e.message().contains("0x" + Long.toHexString(BASE + 2 * PS)), e.message());
            c.expectError(ErrorCode.OUT_OF_REGION, c.batch(PS, new long[] {BASE}, Pages.of(PS, 1), BASE - PS));
            e = c.expectError(ErrorCode.OUT_OF_REGION, c.batch(PS, new long[] {BASE + 8}, Pages.of(PS, 1)));
            assertTrue(e.message().contains("aligned"), e.message());
            PageData d = c.read(PS, BASE);
            assertFalse(d.present(0));
            d.release();
            assertEquals(0, node.stats().used);
            assertTrue(c.isOpen());
        }
    }

    @Test
    void aBatchThatDoesNotFitAppliesNothing() {
        node.close();
        node = node(4 * PS);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, 16 * PS);
            assertInstanceOf(PageData.class, c.batch(PS, new long[] {BASE, BASE + PS, BASE + 2 * PS}, Pages.of(PS, 1, 2, 3))).release();
            long[] tooMany = {BASE, BASE + 3 * PS, BASE + 4 * PS};
            ErrorMessage e = c.expectError(ErrorCode.FULL, c.batch(PS, tooMany, Pages.of(PS, 9, 9, 9)));
            assertTrue(e.message().startsWith("memnode 127.0.0.1:0 is full: capacity 16 KiB, used 12 KiB"), e.message());
            PageData d = c.read(PS, BASE, BASE + 3 * PS, BASE + 4 * PS);
            assertTrue(d.present(0));
            assertFalse(d.present(1) || d.present(2));
            assertPage(d, 0, 1);
            d.release();
            assertEquals(3 * PS, node.stats().used);
            long[] samePageTwice = {BASE + 3 * PS, BASE + 3 * PS};
            assertInstanceOf(PageData.class, c.batch(PS, samePageTwice, Pages.of(PS, 4, 5))).release();
            d = c.read(PS, BASE + 3 * PS);
            assertPage(d, 0, 5);
            d.release();
            ErrorMessage full = c.expectError(ErrorCode.FULL, c.call(new RegionAlloc(c.nextId(), 1L << 40, PS)));
            assertEquals("memnode 127.0.0.1:0 is full: capacity 16 KiB, used 16 KiB", full.message());
            c.alloc(BASE, 16 * PS);
            c.free(BASE);
            assertEquals(0, node.stats().used);
            c.alloc(1L << 40, PS);
        }
    }

    @Test
    void aBatchOfAnotherPageSizeIsRefused() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, 4 * PS);
            ErrorMessage e = c.expectError(ErrorCode.PAGE_SIZE_MISMATCH, c.batch(2 * PS, new long[] {BASE}, Pages.of(2 * PS, 1)));
            assertTrue(e.message().contains("8192"), e.message());
            assertTrue(c.isOpen());
            assertEquals(0, node.stats().used);
        }
    }

    @Test
    void aReplyLargerThanAFrameIsRefused() {
        node.close();
        node = new MemNode(MemNodeConfig.of(16 * PS, SECRET).withMaxFrame(2 * PS));
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, 4 * PS);
            ErrorMessage e = c.expectError(ErrorCode.BAD_REQUEST, c.batch(PS, NONE, null, BASE, BASE + PS));
            assertTrue(e.message().contains("frame limit 8192"), e.message());
            c.read(PS, BASE).release();
        }
    }

    @Test
    void applicationsSeeOnlyTheirOwnPages() {
        try (EmbeddedClient a = EmbeddedClient.open(node, "a", PS); EmbeddedClient b = EmbeddedClient.open(node, "b", PS)) {
            a.alloc(BASE, 2 * PS);
            b.expectError(ErrorCode.OUT_OF_REGION, b.batch(PS, NONE, null, BASE));
            b.expectError(ErrorCode.NO_SUCH_REGION, b.call(new RegionFree(b.nextId(), BASE)));
            b.alloc(BASE, 2 * PS);
            a.batch(PS, new long[] {BASE}, Pages.of(PS, 1)).release();
            b.batch(PS, new long[] {BASE + PS}, Pages.of(PS, 2)).release();
            PageData da = a.read(PS, BASE, BASE + PS);
            PageData db = b.read(PS, BASE, BASE + PS);
            assertTrue(da.present(0) && !da.present(1));
            assertTrue(!db.present(0) && db.present(1));
            assertPage(da, 0, 1);
            assertPage(db, 0, 2);
            da.release();
            db.release();
            b.free(BASE);
            PageData again = a.read(PS, BASE);
            assertPage(again, 0, 1);
            again.release();
        }
    }

    @Test
    void adminSessionsServeOnlyStatsAndEcho() {
        try (EmbeddedClient app = EmbeddedClient.open(node, "app", PS); EmbeddedClient admin = EmbeddedClient.open(node, "legoj-stat", 0)) {
            app.alloc(BASE, PS);
            app.batch(PS, new long[] {BASE}, Pages.of(PS, 1)).release();
            StatsReply r = assertInstanceOf(StatsReply.class, admin.call(new Stats(7)));
            assertEquals(7, r.requestId());
            NodeStats s = NodeStats.fromYaml(r.yaml());
            assertEquals("memnode", s.kind);
            assertEquals("memnode 127.0.0.1:0", s.nodeId);
            assertEquals(16 * PS, s.capacity);
            assertEquals(PS, s.used);
            assertEquals(1, s.pages);
            assertEquals(1, s.applications);
            assertEquals(2, s.connections);
            assertTrue(s.bytesIn > PS && s.bytesOut > 0, s.toString());
            ByteBuf payload = Unpooled.copiedBuffer("ping", StandardCharsets.UTF_8);
            Echo echo = assertInstanceOf(Echo.class, admin.call(new Echo(8, payload)));
            assertEquals(8, echo.requestId());
            assertEquals("ping", echo.payload().toString(StandardCharsets.UTF_8));
            echo.release();
            admin.expectError(ErrorCode.BAD_REQUEST, admin.call(new RegionAlloc(9, 2 * BASE, PS)));
            admin.expectError(ErrorCode.BAD_REQUEST, admin.batch(PS, NONE, null, BASE));
            admin.expectError(ErrorCode.BAD_REQUEST, admin.call(new Ok(10)));
            assertTrue(admin.isOpen());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            ByteBuf frames = Unpooled.buffer();
            frames.writeBytes(EmbeddedClient.frame(new RegionAlloc(11, BASE, PS)));
            frames.writeBytes(EmbeddedClient.frame(new RegionAlloc(12, BASE + 1, PS)));
            frames.writeBytes(EmbeddedClient.frame(new PageBatch(13, PS, new long[] {BASE}, Pages.of(PS, 1), NONE)));
            frames.writeBytes(EmbeddedClient.frame(new Stats(14)));
            frames.writeBytes(EmbeddedClient.frame(new RegionFree(15, BASE)));
            c.channel.writeInbound(frames);
            long[] ids = {11, 12, 13, 14, 15};
            Class<?>[] kinds = {Ok.class, ErrorMessage.class, PageData.class, StatsReply.class, Ok.class};
            for (int i = 0; i < ids.length; i++) {
                Message m = c.read();
                assertInstanceOf(kinds[i], m);
                assertEquals(ids[i], m.requestId());
                m.release();
            }
            assertNull(c.read());
            assertEquals(5, node.stats().requests);
        }
    }

    @Test
    void malformedInputClosesOnlyItsConnection() {
        try (EmbeddedClient good = EmbeddedClient.open(node, "app", PS); EmbeddedClient bad = EmbeddedClient.open(node, "app", PS)) {
            good.alloc(BASE, PS);
            bad.channel.writeInbound(Unpooled.buffer().writeInt(9).writeByte(99).writeLong(1));
            assertFalse(bad.isOpen());
            try (EmbeddedClient huge = new EmbeddedClient(node)) {
                huge.channel.writeInbound(Unpooled.buffer().writeInt(Integer.MAX_VALUE).writeByte(2));
                assertFalse(huge.isOpen());
            }
            try (EmbeddedClient trailing = EmbeddedClient.open(node, "app", PS)) {
                trailing.channel.writeInbound(Unpooled.buffer().writeInt(10).writeByte(10).writeLong(3).writeByte(0));
                assertFalse(trailing.isOpen());
            }
            good.batch(PS, new long[] {BASE}, Pages.of(PS, 1)).release();
            assertTrue(good.isOpen());
        }
    }

    @Test
    void aBatchWhosePageBytesOverflowAnIntIsRefusedWithoutALeak() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            ByteBuf frame = overflowingBatch();
            frame.retain();
            c.channel.writeInbound(frame);
            assertFalse(c.isOpen());
            assertEquals(1, frame.refCnt());
            frame.release();
        }
    }

    /** 4096 writes of 1 MiB pages: {@code nWrites * pageSize} is 2^32, which is 0 as an int. */
    static ByteBuf overflowingBatch() {
        int writes = 4096;
        ByteBuf f = Unpooled.buffer();
        f.writeInt(1 + 8 + 12 + 8 * writes).writeByte(MessageType.PAGE_BATCH.code).writeLong(1);
        f.writeInt(1 << 20).writeInt(writes).writeInt(0);
        for (int i = 1; i <= writes; i++) {
            f.writeLong((long) i << 20);
        }
        return f;
    }

    @Test
    void pagesOutliveTheirConnectionsForTheLease() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, 2 * PS);
            c.batch(PS, new long[] {BASE}, Pages.of(PS, 1)).release();
        }
        ticker.advance(Duration.ofSeconds(29));
        assertEquals(0, node.expireLeases());
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            ticker.advance(Duration.ofSeconds(60));
            assertEquals(0, node.expireLeases());
            PageData d = c.read(PS, BASE);
            assertPage(d, 0, 1);
            d.release();
        }
        ticker.advance(Duration.ofSeconds(29));
        assertEquals(0, node.expireLeases());
        ticker.advance(Duration.ofSeconds(1));
        assertEquals(1, node.expireLeases());
        assertEquals(0, node.stats().used);
        assertEquals(0, node.stats().applications);
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", 2 * PS)) {
            c.expectError(ErrorCode.OUT_OF_REGION, c.batch(2 * PS, NONE, null, BASE));
        }
    }

    @Test
    void theLeaseStartsWhenTheLastConnectionCloses() {
        EmbeddedClient first = EmbeddedClient.open(node, "app", PS);
        try (EmbeddedClient second = EmbeddedClient.open(node, "app", PS)) {
            second.alloc(BASE, PS);
            first.close();
            ticker.advance(Duration.ofMinutes(5));
            assertEquals(0, node.expireLeases());
        }
        assertEquals(1, node.stats().applications);
        ticker.advance(Duration.ofSeconds(30));
        assertEquals(1, node.expireLeases());
    }

    @Test
    void closingTheNodeClosesItsConnectionsAndFreesItsMemory() {
        try (EmbeddedClient c = EmbeddedClient.open(node, "app", PS)) {
            c.alloc(BASE, PS);
            c.batch(PS, new long[] {BASE}, Pages.of(PS, 1)).release();
            node.close();
            assertFalse(c.isOpen());
            assertEquals(0, node.stats().used);
            assertEquals(0, node.store().chunks());
        }
    }
}
