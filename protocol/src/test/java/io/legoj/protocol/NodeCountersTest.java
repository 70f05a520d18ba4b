package io.legoj.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class NodeCountersTest {
    @Test
    void countsTheBytesThatPassBothWaysWithoutTouchingThem() {
        NodeCounters c = new NodeCounters();
        EmbeddedChannel ch = new EmbeddedChannel(c.traffic);
        ch.writeInbound(Unpooled.buffer().writeZero(10));
        ch.writeOutbound(Unpooled.buffer().writeZero(3));
        assertEquals(10, c.bytesIn.sum());
        assertEquals(3, c.bytesOut.sum());
        ByteBuf in = ch.readInbound();
        ByteBuf out = ch.readOutbound();
        assertEquals(10, in.readableBytes());
        assertEquals(3, out.readableBytes());
        in.release();
        out.release();
        ch.finishAndReleaseAll();
    }
}
