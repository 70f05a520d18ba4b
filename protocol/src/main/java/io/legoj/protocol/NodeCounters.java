package io.legoj.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** A node's traffic figures for {@code bin/legoj stat}; updated from every event loop (and file thread). */
public final class NodeCounters {
    public final AtomicInteger connections = new AtomicInteger();
    public final LongAdder requests = new LongAdder();
    public final LongAdder rejectedConnections = new LongAdder();
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();
    public final ChannelDuplexHandler traffic = new Traffic(this);

    /** First handler of every pipeline: counts the bytes of the socket, frames included. Does not touch buffers. */
    @Sharable
    private static final class Traffic extends ChannelDuplexHandler {
        private final NodeCounters counters;

        Traffic(NodeCounters counters) {
            this.counters = counters;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf b) {
                counters.bytesIn.add(b.readableBytes());
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf b) {
                counters.bytesOut.add(b.readableBytes());
            }
            ctx.write(msg, promise);
        }
    }
}
