package io.legoj.storagenode;

import io.legoj.protocol.Echo;
import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.FileAppend;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.FileWrite;
import io.legoj.protocol.Hello;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeHandler;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Welcome;
import io.netty.channel.ChannelHandlerContext;
import java.io.UncheckedIOException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves one connection of a storagenode ({@link NodeHandler} does the handshake and the closing):
 * one reply per request. File requests run on the application's lane of the {@link FileStore} (off
 * the event loop), in arrival order; statistics and echo are answered on the event loop.
 *
 * <p>Buffer ownership. A file request is handed to the lane task, which releases it once served (a
 * write's payload is copied into the journal and the file, never kept); {@link NodeHandler} releases
 * any other. A reply written on the lane's behalf is released here if the channel closed meanwhile.
 * A {@code FileData} reply owns a buffer allocated on the lane from the channel's allocator.
 *
 * <p>Flow control. While more than {@link #MAX_QUEUED} requests or {@link #MAX_QUEUED_BYTES} bytes
 * of this connection wait for the lane, the connection stops reading (as it does while its socket
 * is not writable).
 *
 * <p>Failures. A request that fails as on a local file system gets a {@code FILE_ERROR} reply and
 * the connection stays open; a refused session gets an {@code ERROR} reply and the connection is closed.
 */
final class StorageNodeHandler extends NodeHandler {
    static final int MAX_QUEUED = 256;
    static final long MAX_QUEUED_BYTES = 64L << 20;

    private final StorageNode node;
    private AppFiles app;
    private int queued;
    private long queuedBytes;

    StorageNodeHandler(StorageNode node) {
        super(node.counters(), node.config().secret(), node.config().maxFrame(), "storagenode");
        this.node = node;
    }

    /** A page size of 0 opens a statistics session, {@link FileProtocol#SESSION} the application's files. */
    @Override
    protected void opened(ChannelHandlerContext ctx, Hello hello) {
        if (hello.pageSize() == 0) {
            accept(ctx, Session.ADMIN);
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
            accept(ctx, Session.DATA);
        }
    }

    private void accept(ChannelHandlerContext ctx, Session session) {
        accept(ctx, session, new Welcome(node.nodeId(), node.capacity(), node.store().bytes()));
    }

    /** Answers or hands over one request; true if the lane now owns {@code m}. */
    @Override
    protected boolean serve(ChannelHandlerContext ctx, Message m) {
        long id = m.requestId();
        switch (m.type()) {
            case STATS -> ctx.write(new StatsReply(id, node.stats().toYaml()));
            case ECHO -> ctx.write(new Echo(id, ((Echo) m).payload().retain()));
            case FILE_STAT, FILE_READ, FILE_WRITE, FILE_APPEND, FILE_SET_LENGTH, FILE_CREATE, FILE_DELETE, FILE_MKDIR,
                    FILE_RENAME, FILE_LIST, FILE_SYNC -> {
                if (session() == Session.DATA) {
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

    @Override
    protected void updateAutoRead(ChannelHandlerContext ctx) {
        boolean read = ctx.channel().isWritable() && queued < MAX_QUEUED && queuedBytes < MAX_QUEUED_BYTES;
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }
}
