package io.legoj.protocol;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * What every node's connection handler does the same way: the challenge on connect, the checked
 * {@code HELLO}, the session it opens ({@link #opened}: statistics only, or data), one
 * {@link #serve} per request, and closing on malformed input with a one-line logged reason, so that
 * the event loop and the node's other connections carry on.
 *
 * <p>Buffer ownership. Each decoded {@link Message} handed to {@link #channelRead} belongs to this
 * handler and is released once {@link #serve} returns, unless it says it handed the message over;
 * anything that is not a message is released at once. Replies are new messages written once, which
 * the {@code MessageEncoder} releases after encoding.
 */
public abstract class NodeHandler extends ChannelInboundHandlerAdapter {
    /** What an accepted {@code HELLO} opened. */
    protected enum Session { ADMIN, DATA }

    private enum State { AWAIT_HELLO, OPEN, CLOSING }

    private final Logger log = System.getLogger(getClass().getName());
    private final NodeCounters counters;
    private final String secret;
    private final int maxFrame;
    /** Names the node in refusals: "memnode", "storagenode". */
    private final String kind;
    private byte[] nonce;
    private State state = State.AWAIT_HELLO;
    private Session session;

    protected NodeHandler(NodeCounters counters, String secret, int maxFrame, String kind) {
        this.counters = counters;
        this.secret = secret;
        this.maxFrame = maxFrame;
        this.kind = kind;
    }

    /** Opens the session a checked {@code HELLO} asks for: {@link #accept} or {@link #reject}. */
    protected abstract void opened(ChannelHandlerContext ctx, Hello hello);

    /** Answers one request of an open session; true when the request was handed over (and will be released there). */
    protected abstract boolean serve(ChannelHandlerContext ctx, Message m);

    /** The connection is gone: release what the session holds. */
    protected void closed() {
    }

    /** Reads while the socket is writable; a handler with its own backlog adds its limits. */
    protected void updateAutoRead(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
    }

    protected final Session session() {
        return session;
    }

    protected final NodeCounters counters() {
        return counters;
    }

    protected final void accept(ChannelHandlerContext ctx, Session s, Welcome welcome) {
        state = State.OPEN;
        session = s;
        ctx.writeAndFlush(welcome);
    }

    protected final void reject(ChannelHandlerContext ctx, long requestId, ErrorCode code, String message) {
        state = State.CLOSING;
        counters.rejectedConnections.increment();
        log.log(Level.INFO, () -> "rejected " + ctx.channel().remoteAddress() + ": " + code + ": " + message);
        ctx.writeAndFlush(new ErrorMessage(requestId, code, message)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public final void channelActive(ChannelHandlerContext ctx) {
        counters.connections.incrementAndGet();
        nonce = Auth.newNonce();
        ctx.writeAndFlush(new Challenge(nonce, Protocol.VERSION, maxFrame));
        ctx.fireChannelActive();
    }

    @Override
    public final void channelInactive(ChannelHandlerContext ctx) {
        counters.connections.decrementAndGet();
        state = State.CLOSING;
        closed();
        ctx.fireChannelInactive();
    }

    @Override
    public final void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Message m)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        boolean handedOver = false;
        try {
            switch (state) {
                case AWAIT_HELLO -> handshake(ctx, m);
                case OPEN -> {
                    counters.requests.increment();
                    handedOver = serve(ctx, m);
                }
                case CLOSING -> { }
            }
        } finally {
            if (!handedOver) {
                m.release();
            }
        }
    }

    private void handshake(ChannelHandlerContext ctx, Message m) {
        if (!(m instanceof Hello hello)) {
            reject(ctx, m.requestId(), ErrorCode.NOT_AUTHENTICATED, "the first message must be HELLO, got " + m.type());
        } else if (hello.protocolVersion() != Protocol.VERSION) {
            reject(ctx, 0, ErrorCode.UNSUPPORTED_VERSION, "protocol version " + hello.protocolVersion()
                    + " is not supported, this " + kind + " speaks version " + Protocol.VERSION);
        } else if (!Auth.verify(secret, nonce, hello)) {
            reject(ctx, 0, ErrorCode.AUTH_FAILED, "wrong cluster secret");
        } else {
            opened(ctx, hello);
        }
    }

    @Override
    public final void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public final void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public final void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.CLOSING) {
            return;
        }
        state = State.CLOSING;
        Level level = cause instanceof IOException ? Level.DEBUG : Level.WARNING;
        log.log(level, () -> "closing " + ctx.channel().remoteAddress() + ": " + reason(cause));
        ctx.flush();
        ctx.close();
    }

    /** The root message of a pipeline exception, on one line. */
    public static String reason(Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        String message = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return message.replace('\n', ' ');
    }
}
