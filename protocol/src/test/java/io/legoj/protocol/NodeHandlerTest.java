package io.legoj.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodeHandlerTest {
    private static final String SECRET = "node-handler-secret";

    /** Opens a data session for page size 1, an admin one for 0; echoes requests. */
    private static final class Echoing extends NodeHandler {
        Echoing(NodeCounters counters) {
            super(counters, SECRET, 1 << 20, "testnode");
        }

        @Override
        protected void opened(ChannelHandlerContext ctx, Hello hello) {
            if (hello.pageSize() > 1) {
                reject(ctx, 0, ErrorCode.BAD_REQUEST, "no such session");
            } else {
                accept(ctx, hello.pageSize() == 1 ? Session.DATA : Session.ADMIN, new Welcome("testnode", 10, 0));
            }
        }

        @Override
        protected boolean serve(ChannelHandlerContext ctx, Message m) {
            ctx.write(new Echo(m.requestId(), ((Echo) m).payload().retain()));
            return false;
        }
    }

    private final NodeCounters counters = new NodeCounters();
    private final EmbeddedChannel channel = new EmbeddedChannel(new Echoing(counters));

    private Challenge challenge() {
        Challenge c = channel.readOutbound();
        assertEquals(Protocol.VERSION, c.protocolVersion());
        return c;
    }

    private Hello hello(Challenge c, String secret, int pageSize) {
        return new Hello(Protocol.VERSION, "app", pageSize, Auth.mac(secret, c.nonce(), "app", pageSize));
    }

    private static Echo echo(long id) {
        return new Echo(id, Unpooled.copiedBuffer("ping", StandardCharsets.US_ASCII));
    }

    @Test
    void aGoodHelloOpensTheSessionAndRequestsAreServedAndReleased() {
        Challenge c = challenge();
        channel.writeInbound(hello(c, SECRET, 1));
        Welcome w = channel.readOutbound();
        assertEquals("testnode", w.nodeId());
        Echo request = echo(7);
        channel.writeInbound(request);
        Echo reply = channel.readOutbound();
        assertEquals(7, reply.requestId());
        assertEquals(1, request.payload().refCnt(), "the request released, the reply holds the one reference left");
        reply.release();
        assertEquals(0, request.payload().refCnt());
        assertEquals(1, counters.requests.sum());
        assertEquals(1, counters.connections.get());
    }

    @Test
    void aWrongSecretIsRefusedAndTheConnectionClosed() {
        Challenge c = challenge();
        channel.writeInbound(hello(c, "not-the-secret", 1));
        ErrorMessage e = channel.readOutbound();
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
        assertFalse(channel.isOpen());
        assertEquals(1, counters.rejectedConnections.sum());
    }

    @Test
    void aFirstMessageOtherThanHelloIsRefusedAndReleased() {
        challenge();
        Echo first = echo(3);
        channel.writeInbound(first);
        ErrorMessage e = channel.readOutbound();
        assertEquals(ErrorCode.NOT_AUTHENTICATED, e.code());
        assertEquals(3, e.requestId());
        assertEquals(0, first.payload().refCnt());
        assertFalse(channel.isOpen());
    }

    @Test
    void aSessionTheSubclassRefusesIsClosedWithItsReason() {
        Challenge c = challenge();
        channel.writeInbound(hello(c, SECRET, 2));
        ErrorMessage e = channel.readOutbound();
        assertEquals("no such session", e.message());
        assertFalse(channel.isOpen());
    }

    @Test
    void anythingButAMessageIsReleasedAndMalformedInputClosesQuietly() {
        challenge();
        ByteBuf stray = Unpooled.buffer(4).writeInt(1);
        channel.writeInbound(stray);
        assertEquals(0, stray.refCnt());
        channel.pipeline().fireExceptionCaught(new DecoderException(new ProtocolException("bad frame")));
        assertFalse(channel.isOpen());
        assertNull(channel.readOutbound());
        assertEquals("bad frame", NodeHandler.reason(new DecoderException(new ProtocolException("bad\nframe"))));
        assertEquals("IllegalStateException", NodeHandler.reason(new IllegalStateException()));
        assertEquals(0, counters.connections.get());
    }
}
