package io.legoj.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NodeServerTest {
    private static final class Sink extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.fireChannelRead(msg);
        }
    }

    @Test
    void connectionsGetCountersFramesMessagesAndTheNodesHandler() {
        NodeServer s = new NodeServer("testnode", 1, 1 << 20, Sink::new);
        EmbeddedChannel ch = new EmbeddedChannel(s.initializer());
        io.netty.buffer.ByteBuf frame = io.netty.buffer.Unpooled.buffer();
        MessageEncoder.encode(new Stats(3), frame);
        int bytes = frame.readableBytes();
        ch.writeInbound(frame);
        assertEquals(new Stats(3), assertInstanceOf(Stats.class, ch.readInbound()));
        assertEquals(bytes, s.counters().bytesIn.sum());
        ch.finishAndReleaseAll();
    }

    @Test
    void aTakenPortIsAOneLineErrorNamingIt() throws IOException {
        NodeServer first = new NodeServer("testnode", 1, 1 << 20, Sink::new);
        int port = first.bind("127.0.0.1", 0);
        try (Socket client = new Socket("127.0.0.1", port)) {
            assertTrue(client.isConnected());
            NodeServer second = new NodeServer("testnode", 1, 1 << 20, Sink::new);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> second.bind("127.0.0.1", port));
            assertTrue(e.getMessage().startsWith("testnode cannot listen on 127.0.0.1:" + port + ": "), e.getMessage());
        } finally {
            first.disconnect();
            first.shutdown();
        }
    }
}
