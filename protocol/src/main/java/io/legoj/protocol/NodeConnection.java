package io.legoj.protocol;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One authenticated connection to a node, with pipelined requests matched to replies by id.
 * A request not answered within the time-out, or a closed connection, fails the connection and
 * every pending request with a {@link NodeFailureException} that names the node.
 *
 * <p>Ownership: {@link #send} takes ownership of the request (the encoder releases it); the caller
 * owns the reply delivered by the future and must {@link Message#release()} it.
 */
public final class NodeConnection implements AutoCloseable {
    /** Settings of a connection; {@code pageSize} 0 asks for a statistics-only session. */
    public record Settings(String secret, String appId, int pageSize, long timeoutNanos, Ticker ticker) {
    }

    private final String node;
    private final Settings settings;
    private final Channel channel;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    private volatile NodeFailureException failure;
    private volatile Consumer<NodeFailureException> onFailure = f -> { };

    private record Pending(CompletableFuture<Message> future, long sentAt) {
    }

    private NodeConnection(String node, Settings settings, Channel channel) {
        this.node = node;
        this.settings = settings;
        this.channel = channel;
    }

    /**
     * Connects and completes the handshake, or throws a {@link NodeFailureException} saying why
     * (refused, wrong secret, no answer within the time-out).
     */
    public static NodeConnection open(EventLoopGroup group, String kind, HostPort address, Settings settings) {
        String node = kind + " " + address;
        long timeoutMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(settings.timeoutNanos));
        NodeConnection[] self = new NodeConnection[1];
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(Protocol.DEFAULT_MAX_FRAME), new MessageDecoder(),
                                new MessageEncoder(), new ClientHandler(self));
                    }
                });
        ChannelFuture cf = b.connect(address.host(), address.port());
        if (!cf.awaitUninterruptibly(timeoutMs + 1000) || !cf.isSuccess()) {
            Throwable cause = cf.cause();
            cf.channel().close();
            throw new NodeFailureException(node, "cannot connect" + (cause == null ? " within " + timeoutMs + " ms"
                    : ": " + cause.getMessage()), cause);
        }
        NodeConnection c = new NodeConnection(node, settings, cf.channel());
        synchronized (self) {
            self[0] = c;
            self.notifyAll();
        }
        ScheduledFuture<?> timeouts = c.channel.eventLoop().scheduleAtFixedRate(c::checkTimeouts, 50, 50,
                TimeUnit.MILLISECONDS);
        c.channel.closeFuture().addListener(f -> {
            timeouts.cancel(false);
            c.fail("connection closed");
        });
        try {
            c.welcome.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            c.close();
            throw new NodeFailureException(node, "no handshake within " + timeoutMs + " ms");
        } catch (ExecutionException e) {
            c.close();
            throw e.getCause() instanceof NodeFailureException nf ? nf : new NodeFailureException(node, "handshake failed", e.getCause());
        } catch (InterruptedException e) {
            c.close();
            Thread.currentThread().interrupt();
            throw new NodeFailureException(node, "interrupted during handshake");
        }
        return c;
    }

    /** Human name of the node, e.g. {@code memnode 127.0.0.1:7001}. */
    public String node() {
        return node;
    }

    public Welcome welcome() {
        return welcome.join();
    }

    public long nextRequestId() {
        return ids.incrementAndGet();
    }

    /** Sets who is told, once, when this connection fails: before any pending request fails. */
    public void onFailure(Consumer<NodeFailureException> listener) {
        onFailure = listener;
        NodeFailureException f = failure;
        if (f != null) {
            listener.accept(f);
        }
    }

    public boolean isFailed() {
        return failure != null;
    }

    public CompletableFuture<Message> send(Message request) {
        CompletableFuture<Message> f = new CompletableFuture<>();
        NodeFailureException failed = failure;
        if (failed != null) {
            request.release();
            f.completeExceptionally(failed);
            return f;
        }
        pending.put(request.requestId(), new Pending(f, settings.ticker.nanoTime()));
        channel.writeAndFlush(request, channel.voidPromise());
        if (failure != null) {
            fail("connection closed");
        }
        return f;
    }

    /** Sends and waits for the reply; an ERROR reply throws {@link RemoteException}. */
    public Message call(Message request) {
        try {
            return send(request).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new NodeFailureException(node, "request failed", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeFailureException(node, "interrupted while waiting for a reply");
        }
    }

    /** Fails the connection when its oldest request is older than the time-out; public for tests. */
    public void checkTimeouts() {
        long now = settings.ticker.nanoTime();
        for (Map.Entry<Long, Pending> e : pending.entrySet()) {
            if (now - e.getValue().sentAt > settings.timeoutNanos) {
                fail("no answer to request " + e.getKey() + " within "
                        + TimeUnit.NANOSECONDS.toMillis(settings.timeoutNanos) + " ms");
                return;
            }
        }
    }

    private void fail(String reason) {
        NodeFailureException f;
        synchronized (this) {
            if (failure != null) {
                return;
            }
            f = new NodeFailureException(node, reason);
            failure = f;
        }
        channel.close();
        welcome.completeExceptionally(f);
        onFailure.accept(f);
        for (Long id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future.completeExceptionally(f);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (failure == null) {
                failure = new NodeFailureException(node, "connection closed by this process");
            }
        }
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        for (Long id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future.completeExceptionally(failure);
            }
        }
    }

    private void received(Message m) {
        if (m instanceof Challenge c) {
            byte[] mac = Auth.mac(settings.secret, c.nonce(), settings.appId, settings.pageSize);
            channel.writeAndFlush(new Hello(Protocol.VERSION, settings.appId, settings.pageSize, mac));
        } else if (m instanceof Welcome w) {
            welcome.complete(w);
        } else {
            complete(m);
        }
    }

    private void complete(Message m) {
        Pending p = pending.remove(m.requestId());
        if (m instanceof ErrorMessage err) {
            RemoteException ex = new RemoteException(node, err.code(), err.message());
            if (p == null) {
                fail("refused: " + err.code() + ": " + err.message());
            } else {
                p.future.completeExceptionally(ex);
            }
            return;
        }
        if (p == null || !p.future.complete(m)) {
            m.release();
        }
    }

    /** Inbound side; owns each decoded message until it is handed to a future or released. */
    private static final class ClientHandler extends SimpleChannelInboundHandler<Message> {
        private final NodeConnection[] owner;

        ClientHandler(NodeConnection[] owner) {
            super(Message.class, false);
            this.owner = owner;
        }

        private NodeConnection owner() throws InterruptedException {
            synchronized (owner) {
                while (owner[0] == null) {
                    owner.wait();
                }
                return owner[0];
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Message msg) throws Exception {
            owner().received(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
            owner().fail(describe(cause));
        }

        /** Says whose fault it is: the connection, the peer's bytes, or this process. */
        private static String describe(Throwable cause) {
            if (cause instanceof java.io.IOException) {
                return "connection lost (" + cause.getMessage() + ")";
            }
            if (cause instanceof io.netty.handler.codec.DecoderException || cause instanceof ProtocolException) {
                return "sent malformed data (" + cause.getMessage() + ")";
            }
            return "connection failed in this process (" + cause + ")";
        }
    }
}
