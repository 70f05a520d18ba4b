package io.legoj.memnode;

import io.legoj.protocol.Echo;
import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.Hello;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeHandler;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.ProtocolException;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RegionFree;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Welcome;
import io.netty.channel.ChannelHandlerContext;
import java.lang.System.Logger.Level;

/**
 * Serves one connection of a memnode ({@link NodeHandler} does the handshake and the closing): one
 * reply per request, in request order.
 *
 * <p>Buffer ownership. A request is released by {@link NodeHandler} once served; the pages of a
 * {@link PageBatch} are copied into the off-heap store, never kept. A {@code PageData} reply owns a
 * buffer allocated here from the channel's allocator; an {@link Echo} reply owns a retained
 * reference to the request's payload (no copy), so the request's own release leaves it alive.
 *
 * <p>Failures. A request the store refuses gets an {@code ERROR} reply and the connection stays
 * open; a refused session gets an {@code ERROR} reply and the connection is closed.
 */
final class MemNodeHandler extends NodeHandler {
    private static final System.Logger LOG = System.getLogger(MemNodeHandler.class.getName());

    private final MemNode node;
    private AppSpace space;

    MemNodeHandler(MemNode node) {
        super(node.counters(), node.config().secret(), node.config().maxFrame(), "memnode");
        this.node = node;
    }

    @Override
    protected void closed() {
        if (space != null) {
            node.store().detach(space, node.config().ticker().nanoTime());
            space = null;
        }
    }

    /** A page size of 0 opens a statistics session; any other attaches the application's space. */
    @Override
    protected void opened(ChannelHandlerContext ctx, Hello hello) {
        if (hello.pageSize() == 0) {
            accept(ctx, Session.ADMIN);
            return;
        }
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
        accept(ctx, Session.DATA);
    }

    private void accept(ChannelHandlerContext ctx, Session session) {
        Capacity c = node.store().capacity();
        accept(ctx, session, new Welcome(node.nodeId(), c.capacity(), c.used()));
    }

    /** Writes the one reply to a request of an authenticated session. */
    @Override
    protected boolean serve(ChannelHandlerContext ctx, Message m) {
        ctx.write(reply(ctx, m));
        return false;
    }

    private Message reply(ChannelHandlerContext ctx, Message m) {
        long id = m.requestId();
        try {
            return switch (m.type()) {
                case STATS -> new StatsReply(id, node.stats().toYaml());
                case ECHO -> new Echo(id, ((Echo) m).payload().retain());
                case REGION_ALLOC, REGION_FREE, PAGE_BATCH -> session() == Session.DATA ? servePages(ctx, m)
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
}
