package io.legoj.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static Message roundTrip(Message m) {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageEncoder());
        ch.writeOutbound(m);
        ByteBuf frame = ch.readOutbound();
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(Protocol.DEFAULT_MAX_FRAME), new MessageDecoder());
        in.writeInbound(frame);
        Message out = in.readInbound();
        assertFalse(ch.finish());
        assertFalse(in.finish());
        return out;
    }

    @Test
    void controlMessagesRoundTrip() {
        byte[] nonce = Auth.newNonce();
        Challenge c = (Challenge) roundTrip(new Challenge(nonce, 1, 1234));
        assertArrayEquals(nonce, c.nonce());
        assertEquals(1234, c.maxFrame());
        Hello h = (Hello) roundTrip(new Hello(1, "app-é", 4096, Auth.mac("s", nonce, "app-é", 4096)));
        assertEquals("app-é", h.appId());
        assertTrue(Auth.verify("s", nonce, h));
        assertFalse(Auth.verify("other", nonce, h));
        assertEquals(new Welcome("n1", 10, 5), roundTrip(new Welcome("n1", 10, 5)));
        assertEquals(new ErrorMessage(7, ErrorCode.FULL, "full"), roundTrip(new ErrorMessage(7, ErrorCode.FULL, "full")));
        assertEquals(new RegionAlloc(3, 1L << 30, 1L << 26), roundTrip(new RegionAlloc(3, 1L << 30, 1L << 26)));
        assertEquals(new RegionFree(4, 1L << 30), roundTrip(new RegionFree(4, 1L << 30)));
        assertEquals(new Ok(5), roundTrip(new Ok(5)));
        assertEquals(new Stats(6), roundTrip(new Stats(6)));
        assertEquals(new StatsReply(8, "a: 1\n"), roundTrip(new StatsReply(8, "a: 1\n")));
    }

    @Test
    void pageBatchCarriesRawPages() {
        int ps = 4096;
        ByteBuf data = Unpooled.buffer(2 * ps);
        for (int i = 0; i < 2 * ps; i++) {
            data.writeByte(i * 31);
        }
        PageBatch b = (PageBatch) roundTrip(new PageBatch(9, ps, new long[] {0x1000, 0x5000}, data, new long[] {0x2000}));
        assertEquals(9, b.requestId());
        assertArrayEquals(new long[] {0x1000, 0x5000}, b.writeAddrs());
        assertArrayEquals(new long[] {0x2000}, b.readAddrs());
        assertEquals((byte) (ps * 31), b.writePage(1).getByte(0));
        b.release();

        ByteBuf pages = Unpooled.buffer(ps).writeZero(ps);
        pages.setByte(10, 42);
        PageData d = (PageData) roundTrip(new PageData(10, ps, new boolean[] {false, true}, pages));
        assertFalse(d.present(0));
        assertTrue(d.present(1));
        assertEquals(42, d.data().getByte(10));
        d.release();
    }

    @Test
    void malformedFramesAreRejectedWithReason() {
        ByteBuf unknown = Unpooled.buffer().writeByte(99).writeLong(1);
        assertTrue(assertThrows(ProtocolException.class, () -> MessageDecoder.decode(unknown)).getMessage().contains("unknown message type 99"));
        unknown.release();
        ByteBuf shortBatch = Unpooled.buffer().writeByte(MessageType.PAGE_BATCH.code).writeLong(1).writeInt(4096).writeInt(3).writeInt(0);
        assertThrows(ProtocolException.class, () -> MessageDecoder.decode(shortBatch));
        shortBatch.release();
        ByteBuf badPage = Unpooled.buffer().writeByte(MessageType.PAGE_BATCH.code).writeLong(1).writeInt(1000).writeInt(0).writeInt(0);
        assertThrows(ProtocolException.class, () -> MessageDecoder.decode(badPage));
        badPage.release();
        ByteBuf wrapping = Unpooled.buffer().writeByte(MessageType.PAGE_BATCH.code).writeLong(1).writeInt(1 << 20)
                .writeInt(4096).writeInt(0).writeZero(8 * 4096);
        assertThrows(ProtocolException.class, () -> MessageDecoder.decode(wrapping));
        assertEquals(1, wrapping.refCnt());
        wrapping.release();
        ByteBuf trailing = Unpooled.buffer().writeByte(MessageType.OK.code).writeLong(1).writeByte(0);
        assertTrue(assertThrows(ProtocolException.class, () -> MessageDecoder.decode(trailing)).getMessage().contains("trailing"));
        trailing.release();
    }

    @Test
    void oversizedFrameFailsFast() {
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(1024), new MessageDecoder());
        ByteBuf big = Unpooled.buffer().writeInt(1 << 20).writeZero(16);
        assertThrows(TooLongFrameException.class, () -> in.writeInbound(big));
        in.finishAndReleaseAll();
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButProtocolErrors() {
        Random r = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[r.nextInt(64)];
            r.nextBytes(b);
            if (b.length > 0 && r.nextBoolean()) {
                b[0] = (byte) r.nextInt(14);
            }
            ByteBuf buf = Unpooled.wrappedBuffer(b);
            try {
                Message m = MessageDecoder.decode(buf);
                m.release();
            } catch (ProtocolException expected) {
                assertInstanceOf(ProtocolException.class, expected);
            } catch (IllegalArgumentException invalidValue) {
                assertTrue(invalidValue.getMessage().length() > 0);
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void statsAreYaml() {
        NodeStats s = new NodeStats();
        s.nodeId = "m1";
        s.capacity = 1 << 30;
        s.used = 4096;
        String yaml = s.toYaml();
        assertTrue(yaml.contains("capacity: 1073741824"), yaml);
        assertEquals(s, NodeStats.fromYaml(yaml));
    }

    @Test
    void sizesAndAddresses() {
        assertEquals(64L << 20, Sizes.parse("64m"));
        assertEquals(2L << 30, Sizes.parse("2G"));
        assertEquals(4096, Sizes.parse("4096"));
        assertEquals(1L << 10, Sizes.parse("1KiB"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("lots"));
        assertEquals("64m", Sizes.format(64L << 20));
        assertEquals(new HostPort("127.0.0.1", 7001), HostPort.parse("127.0.0.1:7001"));
        assertEquals(2, HostPort.parseList("a:1, b:2").size());
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("nohost"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:99999"));
    }
}
