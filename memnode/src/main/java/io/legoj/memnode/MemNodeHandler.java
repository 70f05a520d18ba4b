package io.legoj.memnode;

import io.legoj.protocol.NodeCounters;
import io.legoj.protocol.Auth;
import io.legoj.protocol.Challenge;
import io.legoj.protocol.Echo;
import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.Hello;
import io.legoj.protocol.Message;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.ProtocolException;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RegionFree;
import io.legoj.protocol.ServerHandshake;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Welcome;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Serves one connection: the handshake, then one reply per request, in request order.
 *
 * <p>Buffer ownership. Inbound: each decoded {@link Message} handed to {@link #channelRead} belongs
 * to this handler, which releases it in a {@code finally} once the request is served; the pages of a
 * {@link PageBatch} are copied into the off-heap store, never kept. Anything that is not a message is
 * released at once. Outbound: every reply is a new message written once; the {@code MessageEncoder}
 * releases it after encoding. A {@code PageData} reply owns a buffer allocated here from the
 * channel's allocator; an {@link Echo} reply owns a retained reference to the request's payload
 * (no copy), so the request's own release leaves it alive.
 *
 * <p>Failures. A request the store refuses gets an {@code ERROR} reply and the connection stays
 * open. A failed handshake gets an {@code ERROR} reply and the connection is closed. Malformed input
 * (any decoder exception) closes the connection with a one-line logged reason; nothing propagates
 * further, so the event loop and the node's other connections carry on.
 */
final class MemNodeHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(MemNodeHandler.class.getName());

    private enum State { AWAIT_HELLO, ADMIN, DATA, CLOSING }

    private final MemNode node;
    private final NodeCounters counters;
    private byte[] nonce;
    private State state = State.AWAIT_HELLO;
    private AppSpace space;

    MemNodeHandler(MemNode node) {
        this.node = node;
        this.counters = node.counters();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counters.connections.incrementAndGet();
        nonce = Auth.newNonce();
        ctx.writeAndFlush(new Challenge(nonce, Protocol.VERSION, node.config().maxFrame()));
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        counters.connections.decrementAndGet();
        state = State.CLOSING;
        if (space != null) {
            node.store().detach(space, node.config().ticker().nanoTime());
            space = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Message m)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            switch (state) {
                case AWAIT_HELLO -> handshake(ctx, m);
                case ADMIN, DATA -> ctx.write(serve(ctx, m));
                case CLOSING -> { }
            }
        } finally {
            m.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.CLOSING) {
            return;
        }
        state = State.CLOSING;
        Level level = cause instanceof IOException ? Level.DEBUG : Level.WARNING;
        LOG.log(level, () -> "closing " + ctx.channel().remoteAddress() + ": " + reason(cause));
        ctx.flush();
        ctx.close();
    }

    private void handshake(ChannelHandlerContext ctx, Message m) {
        ErrorMessage refusal = ServerHandshake.refusal(m, nonce, node.config().secret(), "memnode");
        if (refusal != null) {
            reject(ctx, refusal.requestId(), refusal.code(), refusal.message());
        } else if (((Hello) m).pageSize() == 0) {
            accept(ctx, State.ADMIN);
        } else {
            attach(ctx, (Hello) m);
        }
    }

    private void attach(ChannelHandlerContext ctx, Hello hello) {
        try {
            PageBatch.checkPageSize(hello.pageSize(), "HELLO.pageSize");
            if (hello.appId().isEmpty()) {
                throw new StoreException(ErrorCode.BAD_REQUEST, "HELLO.appId is empty");
            }
            space = node.store().attach(hello.appId(), hello.pageSize());
        } catch (ProtocolException e) {
            reject(ctx, 0, ErrorCode.BAD_REQUEST, e.getMessage());
            return;
        } catch (StoreException e) {
            reject(ctx, 0, e.code(), e.getMessage());
            return;
        }
        accept(ctx, State.DATA);
    }

    private void accept(ChannelHandlerContext ctx, State session) {
        state = session;
        Capacity c = node.store().capacity();
        ctx.writeAndFlush(new Welcome(node.nodeId(), c.capacity(), c.used()));
    }

    private void reject(ChannelHandlerContext ctx, long requestId, ErrorCode code, String message) {
        state = State.CLOSING;
        counters.rejectedConnections.increment();
        LOG.log(Level.INFO, () -> "rejected " + ctx.channel().remoteAddress() + ": " + code + ": " + message);
        ctx.writeAndFlush(new ErrorMessage(requestId, code, message)).addListener(ChannelFutureListener.CLOSE);
    }

    /** The one reply to a request of an authenticated session. */
    private Message serve(ChannelHandlerContext ctx, Message m) {
        counters.requests.increment();
        long id = m.requestId();
        try {
            return switch (m.type()) {
                case STATS -> new StatsReply(id, node.stats().toYaml());
                case ECHO -> new Echo(id, ((Echo) m).payload().retain());
                case REGION_ALLOC, REGION_FREE, PAGE_BATCH -> state == State.DATA ? servePages(ctx, m)
                        : error(id, ErrorCode.BAD_REQUEST, m.type() + " needs a session with a page size, this one is for statistics only");
                default -> error(id, ErrorCode.BAD_REQUEST, m.type() + " is not a request this memnode serves");
            };
        } catch (StoreException e) {
            return error(id, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + id + " (" + m.type() + ") from " + ctx.channel().remoteAddress() + " failed", e);
            return error(id, ErrorCode.INTERNAL, m.type() + " failed on " + node.nodeId() + ": " + e);
        }
    }

    private Message servePages(ChannelHandlerContext ctx, Message m) {
        if (m instanceof RegionAlloc r) {
            space.allocRegion(r.base(), r.size());
            return new Ok(r.requestId());
        }
        if (m instanceof RegionFree f) {
            space.freeRegion(f.base());
            return new Ok(f.requestId());
        }
        PageBatch b = (PageBatch) m;
        checkBatch(b);
        return space.batch(b, ctx.alloc());
    }

    private void checkBatch(PageBatch b) {
        if (b.pageSize() != space.pageSize()) {
            throw new StoreException(ErrorCode.PAGE_SIZE_MISMATCH, "batch of pages of " + b.pageSize()
                    + " bytes, application " + space.appId() + " uses " + space.pageSize());
        }
        long replyFrame = Protocol.HEADER_BYTES + 8L + b.readAddrs().length * (1L + b.pageSize());
        if (replyFrame > node.config().maxFrame()) {
            throw new StoreException(ErrorCode.BAD_REQUEST, "reading " + b.readAddrs().length + " pages of "
                    + b.pageSize() + " bytes needs a reply of " + replyFrame + " bytes, over the frame limit "
                    + node.config().maxFrame());
        }
    }

    private static ErrorMessage error(long requestId, ErrorCode code, String message) {
        return new ErrorMessage(requestId, code, message);
    }

    /** The root message of a pipeline exception, on one line. */
    static String reason(Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        String message = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return message.replace('\n', ' ');
    }
}
