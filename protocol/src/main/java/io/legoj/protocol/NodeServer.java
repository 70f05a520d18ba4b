package io.legoj.protocol;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The listening side every node shares: event loops, the bound socket, the accepted connections and
 * their pipeline (traffic counters, frames, messages, then the node's own handler), and shutting
 * all of it down. Not thread safe: the node calls it under its own lock.
 */
public final class NodeServer {
    private final String kind;
    private final int ioThreads;
    private final int maxFrame;
    private final Supplier<ChannelHandler> handler;
    private final NodeCounters counters = new NodeCounters();
    private final ChannelGroup channels;
    private EventLoopGroup group;
    private Channel server;

    /** @param handler makes the node's handler for each accepted connection */
    public NodeServer(String kind, int ioThreads, int maxFrame, Supplier<ChannelHandler> handler) {
        this.kind = kind;
        this.ioThreads = ioThreads;
        this.maxFrame = maxFrame;
        this.handler = handler;
        this.channels = new DefaultChannelGroup(kind, GlobalEventExecutor.INSTANCE);
    }

    /** Binds and returns the bound port; a port that cannot be had is a one-line error naming it. */
    public int bind(String host, int port) {
        if (server != null) {
            throw new IllegalStateException(kind + " is already listening");
        }
        group = EventLoops.create("legoj-" + kind, ioThreads);
        ChannelFuture bound = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer())
                .bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
            Throwable cause = bound.cause();
            throw new IllegalStateException(kind + " cannot listen on " + host + ":" + port + ": " + cause.getMessage(),
                    cause);
        }
        server = bound.channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public boolean isBound() {
        return server != null;
    }

    /** The event loops, for the node's timers; only once bound. */
    public EventLoopGroup group() {
        return group;
    }

    public NodeCounters counters() {
        return counters;
    }

    /** Sets up the pipeline of an accepted connection; also used by tests on an {@code EmbeddedChannel}. */
    public ChannelInitializer<Channel> initializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                channels.add(ch);
                ch.pipeline().addLast(counters.traffic, new FrameDecoder(maxFrame), new MessageDecoder(),
                        new MessageEncoder(), handler.get());
            }
        };
    }

    /** Stops accepting and closes every connection; the event loops keep running until {@link #shutdown}. */
    public void disconnect() {
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
    }

    /** Stops the event loops. */
    public void shutdown() {
        if (group != null) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
