package io.legoj.memnode;

import io.legoj.protocol.MessageType;
import io.legoj.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Refuses a PAGE_BATCH frame whose write pages cannot fit in it, computing the size in {@code long}.
 * {@code PageBatch.decode} computes {@code nWrites * pageSize} in {@code int}: 4096 pages of 1 MiB
 * wrap to 0, and the decoder then leaks the retained slice it took before failing. This check sits
 * between the frame decoder and the message decoder until the protocol computes that size safely.
 *
 * <p>Ownership: a refused frame is released here; any other frame passes on untouched.
 */
@Sharable
final class PageBatchGuard extends ChannelInboundHandlerAdapter {
    private static final int COUNTS = 1 + 8;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf frame && frame.readableBytes() >= COUNTS + 12
                && frame.getByte(frame.readerIndex()) == MessageType.PAGE_BATCH.code) {
            int at = frame.readerIndex() + COUNTS;
            long pageSize = frame.getInt(at);
            long writes = frame.getInt(at + 4);
            long reads = frame.getInt(at + 8);
            long need = 12 + 8 * (writes + reads) + writes * pageSize;
            if (writes >= 0 && reads >= 0 && pageSize > 0 && need > frame.readableBytes() - COUNTS) {
                int has = frame.readableBytes() - COUNTS;
                frame.release();
                throw new ProtocolException("PAGE_BATCH: " + writes + " writes and " + reads + " reads of pages of "
                        + pageSize + " bytes need " + need + " bytes, frame has " + has);
            }
        }
        ctx.fireChannelRead(msg);
    }
}
