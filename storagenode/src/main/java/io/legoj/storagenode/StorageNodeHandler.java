package io.legoj.storagenode;

import io.legoj.protocol.NodeCounters;
import io.legoj.protocol.Auth;
import io.legoj.protocol.Challenge;
import io.legoj.protocol.Echo;
import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.FileAppend;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.FileWrite;
import io.legoj.protocol.Hello;
import io.legoj.protocol.Message;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.ServerHandshake;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Welcome;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves one connection: the handshake, then one reply per request. File requests run on the
 * application's lane of the {@link FileStore} (off the event loop), in arrival order; statistics
 * and echo are answered on the event loop.
 *
 * <p>Buffer ownership. Inbound: each decoded {@link Message} handed to {@link #channelRead} belongs
 * to this handler. A file request is handed with it to the lane task, which releases it once served
 * (a write's payload is copied into the journal and the file, never kept); anything else is released
 * here in a {@code finally}. Outbound: every reply is a new message written once; the
 * {@code MessageEncoder} releases it after encoding, also when the channel is closed by then. A
 * {@code FileData} reply owns a buffer allocated on the lane from the channel's allocator.
 *
 * <p>Flow control. While more than {@link #MAX_QUEUED} requests or {@link #MAX_QUEUED_BYTES} bytes
 * of this connection wait for the lane, the connection stops reading (as it does while its socket
 * is not writable).
 *
 * <p>Failures. A request that fails as on a local file system gets a {@code FILE_ERROR} reply and
 * the connection stays open. A failed handshake gets an {@code ERROR} reply and the connection is
 * closed. Malformed input (any decoder exception) closes the connection with a one-line logged
 * reason; the node's other connections carry on.
 */
final class StorageNodeHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(StorageNodeHandler.class.getName());
    static final int MAX_QUEUED = 256;
    static final long MAX_QUEUED_BYTES = 64L << 20;

    private enum State { AWAIT_HELLO, ADMIN, DATA, CLOSING }

    private final StorageNode node;
    private final NodeCounters counters;
    private byte[] nonce;
    private State state = State.AWAIT_HELLO;
    private AppFiles app;
    private int queued;
    private long queuedBytes;

    StorageNodeHandler(StorageNode node) {
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
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Message m)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        boolean handedOver = false;
        try {
            switch (state) {
                case AWAIT_HELLO -> handshake(ctx, m);
                case ADMIN, DATA -> handedOver = serve(ctx, m);
                case CLOSING -> { }
            }
        } finally {
            if (!handedOver) {
                m.release();
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(ctx);
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
        ErrorMessage refusal = ServerHandshake.refusal(m, nonce, node.config().secret(), "storagenode");
        if (refusal != null) {
            reject(ctx, refusal.requestId(), refusal.code(), refusal.message());
            return;
        }
        Hello hello = (Hello) m;
        if (hello.pageSize() == 0) {
            accept(ctx, State.ADMIN);
        } else if (hello.pageSize() != FileProtocol.SESSION) {
            reject(ctx, 0, ErrorCode.BAD_REQUEST, "HELLO.pageSize " + hello.pageSize() + ": a storagenode session is "
                    + FileProtocol.SESSION + " (files) or 0 (statistics)");
        } else if (FileStore.invalidAppId(hello.appId()) != null) {
            reject(ctx, 0, ErrorCode.BAD_REQUEST, FileStore.invalidAppId(hello.appId()));
        } else {
            try {
                app = node.store().attach(hello.appId());
            } catch (UncheckedIOException e) {
                reject(ctx, 0, ErrorCode.INTERNAL, e.getMessage() + ": " + e.getCause().getMessage());
                return;
            }
            accept(ctx, State.DATA);
        }
    }

    private void accept(ChannelHandlerContext ctx, State session) {
        state = session;
        ctx.writeAndFlush(new Welcome(node.nodeId(), node.capacity(), node.store().bytes()));
    }

    private void reject(ChannelHandlerContext ctx, long requestId, ErrorCode code, String message) {
        state = State.CLOSING;
        counters.rejectedConnections.increment();
        LOG.log(Level.INFO, () -> "rejected " + ctx.channel().remoteAddress() + ": " + code + ": " + message);
        ctx.writeAndFlush(new ErrorMessage(requestId, code, message)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Answers or hands over one request; true if the lane now owns {@code m}. */
    private boolean serve(ChannelHandlerContext ctx, Message m) {
        counters.requests.increment();
        long id = m.requestId();
        switch (m.type()) {
            case STATS -> ctx.write(new StatsReply(id, node.stats().toYaml()));
            case ECHO -> ctx.write(new Echo(id, ((Echo) m).payload().retain()));
            case FILE_STAT, FILE_READ, FILE_WRITE, FILE_APPEND, FILE_SET_LENGTH, FILE_CREATE, FILE_DELETE, FILE_MKDIR,
                    FILE_RENAME, FILE_LIST, FILE_SYNC -> {
                if (state == State.DATA) {
                    return submit(ctx, m);
                }
                ctx.write(new ErrorMessage(id, ErrorCode.BAD_REQUEST, m.type()
                        + " needs a file session, this one is for statistics only"));
            }
            default -> ctx.write(new ErrorMessage(id, ErrorCode.BAD_REQUEST, m.type()
                    + " is not a request this storagenode serves"));
        }
        return false;
    }

    private boolean submit(ChannelHandlerContext ctx, Message m) {
        long size = m instanceof FileWrite w ? w.data().readableBytes() : m instanceof FileAppend a ? a.data().readableBytes() : 0;
        queued++;
        queuedBytes += size;
        updateAutoRead(ctx);
        try {
            node.store().submit(app, () -> {
                Message reply;
                try {
                    reply = app.serve(m, ctx.alloc());
                } finally {
                    m.release();
                }
                answer(ctx, reply, size);
            });
        } catch (RejectedExecutionException closing) {
            queued--;
            queuedBytes -= size;
            ctx.write(new ErrorMessage(m.requestId(), ErrorCode.INTERNAL, "the storagenode is closing"));
            return false;
        }
        return true;
    }

    /**
     * Writes a lane's reply on the event loop, where the connection cannot close between the check
     * and the write: once closed, its pipeline is gone and nothing would release the reply, so it is
     * released here.
     */
    private void answer(ChannelHandlerContext ctx, Message reply, long size) {
        try {
            ctx.executor().execute(() -> {
                queued--;
                queuedBytes -= size;
                if (ctx.channel().isActive() && !ctx.isRemoved()) {
                    ctx.writeAndFlush(reply);
                    updateAutoRead(ctx);
                } else {
                    reply.release();
                }
            });
        } catch (RejectedExecutionException stopped) {
            reply.release();
        }
    }

    private void updateAutoRead(ChannelHandlerContext ctx) {
        boolean read = ctx.channel().isWritable() && queued < MAX_QUEUED && queuedBytes < MAX_QUEUED_BYTES;
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    /** The root message of a pipeline exception, on one line. */
    static String reason(Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        String message = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return message.replace('\n', ' ');
    }
}
