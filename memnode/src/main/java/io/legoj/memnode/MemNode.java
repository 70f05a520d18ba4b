package io.legoj.memnode;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.FrameDecoder;
import io.legoj.protocol.MessageDecoder;
import io.legoj.protocol.MessageEncoder;
import io.legoj.protocol.NodeStats;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A memory node: holds the pages of many applications in off-heap memory up to its capacity and
 * serves region and page-batch requests over the LegoJ protocol. Typical use:
 * <pre>{@code
 * try (MemNode node = new MemNode(MemNodeConfig.of(capacity, secret).withPort(7001))) {
 *     node.start();
 *     ...
 * }
 * }</pre>
 * The pages of an application survive its connections for the configured lease, so a processor
 * that reconnects finds them again; {@link #expireLeases()} runs every second once started.
 */
public final class MemNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MemNode.class.getName());

    private final MemNodeConfig config;
    private final PageStore store;
    private final Counters counters = new Counters();
    private final ChannelGroup channels = new DefaultChannelGroup("memnode", GlobalEventExecutor.INSTANCE);
    private volatile long startNanos;
    private volatile String nodeId;
    private volatile int port;
    private EventLoopGroup group;
    private Channel server;
    private ScheduledFuture<?> leaseTimer;
    private boolean closed;

    public MemNode(MemNodeConfig config) {
        this.config = config;
        this.port = config.port();
        this.nodeId = "memnode " + config.host() + ":" + config.port();
        this.store = new PageStore(config.capacity(), this::nodeId);
        this.startNanos = config.ticker().nanoTime();
    }

    /** Binds and starts serving; returns the bound port. Fails with a one-line message if it cannot bind. */
    public synchronized int start() {
        if (closed || server != null) {
            throw new IllegalStateException(nodeId + " is " + (closed ? "closed" : "already started"));
        }
        group = EventLoops.create("legoj-memnode", config.ioThreads());
        ChannelFuture bound = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer())
                .bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
            Throwable cause = bound.cause();
            throw new IllegalStateException("memnode cannot listen on " + config.host() + ":" + config.port() + ": "
                    + cause.getMessage(), cause);
        }
        server = bound.channel();
        startNanos = config.ticker().nanoTime();
        port = ((InetSocketAddress) server.localAddress()).getPort();
        nodeId = "memnode " + config.host() + ":" + port;
        leaseTimer = group.next().scheduleAtFixedRate(this::expireLeasesQuietly, 1, 1, TimeUnit.SECONDS);
        LOG.log(Level.INFO, () -> nodeId + " listening, capacity " + Capacity.human(config.capacity()));
        return port;
    }

    /** The bound port once started, else the configured one. */
    public int port() {
        return port;
    }

    /** {@code memnode host:port}, as it appears in messages and statistics. */
    public String nodeId() {
        return nodeId;
    }

    public MemNodeConfig config() {
        return config;
    }

    public NodeStats stats() {
        Capacity c = store.capacity();
        NodeStats s = new NodeStats();
        s.kind = "memnode";
        s.nodeId = nodeId;
        s.uptimeMs = TimeUnit.NANOSECONDS.toMillis(config.ticker().nanoTime() - startNanos);
        s.capacity = c.capacity();
        s.used = c.used();
        s.applications = store.applications();
        s.connections = counters.connections.get();
        s.pages = c.pages();
        s.requests = counters.requests.sum();
        s.bytesIn = counters.bytesIn.sum();
        s.bytesOut = counters.bytesOut.sum();
        s.rejectedConnections = counters.rejectedConnections.sum();
        return s;
    }

    /**
     * Frees the regions and pages of every application that has had no connection for the lease
     * (measured with the configured ticker); returns the number of applications freed.
     */
    public int expireLeases() {
        return store.expireLeases(config.ticker().nanoTime(), config.leaseNanos());
    }

    /** Closes every connection, stops the event loops and frees all off-heap memory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (leaseTimer != null) {
            leaseTimer.cancel(false);
        }
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
        if (group != null) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        store.close();
        if (server != null) {
            LOG.log(Level.INFO, () -> nodeId + " closed");
        }
    }

    /** Sets up the pipeline of an accepted connection; also used by tests on an {@code EmbeddedChannel}. */
    ChannelInitializer<Channel> initializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                channels.add(ch);
                ch.pipeline().addLast(counters.traffic, new FrameDecoder(config.maxFrame()), new MessageDecoder(),
                        new MessageEncoder(), new MemNodeHandler(MemNode.this));
            }
        };
    }

    PageStore store() {
        return store;
    }

    Counters counters() {
        return counters;
    }

    private void expireLeasesQuietly() {
        try {
            expireLeases();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, nodeId + ": lease expiry failed", e);
        }
    }
}
