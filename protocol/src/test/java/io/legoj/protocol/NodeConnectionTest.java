package io.legoj.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a minimal node in this JVM that answers ECHO, or stays silent when told to. */
class NodeConnectionTest {
    private static final String SECRET = "s3cret";
    private final EventLoopGroup group = EventLoops.create("test", 1);
    private final AtomicLong now = new AtomicLong();
    private volatile boolean silent;
    private Channel server;

    private HostPort startNode() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        byte[] nonce = Auth.newNonce();
                        ch.pipeline().addLast(new FrameDecoder(1 << 20), new MessageDecoder(), new MessageEncoder(),
                                new SimpleChannelInboundHandler<Message>(Message.class, false) {
                                    @Override
                                    public void channelActive(ChannelHandlerContext ctx) {
                                        ctx.writeAndFlush(new Challenge(nonce, Protocol.VERSION, 1 << 20));
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, Message m) {
                                        if (m instanceof Hello h) {
                                            ctx.writeAndFlush(Auth.verify(SECRET, nonce, h) ? new Welcome("node", 1, 0)
                                                    : new ErrorMessage(0, ErrorCode.AUTH_FAILED, "wrong cluster secret"));
                                        } else if (silent) {
                                            m.release();
                                        } else {
                                            ctx.writeAndFlush(m);
                                        }
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
        return new HostPort("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort());
    }

    private NodeConnection.Settings settings(String secret) {
        return new NodeConnection.Settings(secret, "app", 4096, TimeUnit.SECONDS.toNanos(5), now::get);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void pipelinedRequestsAreMatchedById() throws Exception {
        try (NodeConnection c = NodeConnection.open(group, "memnode", startNode(), settings(SECRET))) {
            assertEquals("node", c.welcome().nodeId());
            CompletableFuture<?>[] replies = new CompletableFuture<?>[50];
            for (int i = 0; i < replies.length; i++) {
                replies[i] = c.send(new Echo(c.nextRequestId(), Unpooled.buffer().writeInt(i)));
            }
            for (int i = 0; i < replies.length; i++) {
                Echo e = (Echo) replies[i].get();
                assertEquals(i, e.payload().getInt(0));
                e.release();
            }
        }
    }

    @Test
    void wrongSecretFailsTheHandshake() {
        NodeFailureException e = assertThrows(NodeFailureException.class,
                () -> NodeConnection.open(group, "memnode", startNode(), settings("wrong")));
        assertTrue(e.getMessage().contains("wrong cluster secret"), e.getMessage());
    }

    @Test
    void refusedConnectionNamesTheNode() {
        HostPort closed = startNode();
        server.close().syncUninterruptibly();
        NodeFailureException e = assertThrows(NodeFailureException.class,
                () -> NodeConnection.open(group, "memnode", closed, settings(SECRET)));
        assertTrue(e.getMessage().startsWith("memnode " + closed + ": cannot connect"), e.getMessage());
    }

    @Test
    void anUnansweredRequestFailsTheConnectionAfterTheTimeout() throws Exception {
        try (NodeConnection c = NodeConnection.open(group, "memnode", startNode(), settings(SECRET))) {
            silent = true;
            NodeFailureException[] told = new NodeFailureException[1];
            c.onFailure(f -> told[0] = f);
            CompletableFuture<Message> reply = c.send(new Echo(c.nextRequestId(), Unpooled.buffer().writeInt(1)));
            now.addAndGet(TimeUnit.SECONDS.toNanos(4));
            c.checkTimeouts();
            assertTrue(!reply.isDone());
            now.addAndGet(TimeUnit.SECONDS.toNanos(2));
            c.checkTimeouts();
            ExecutionException e = assertThrows(ExecutionException.class, reply::get);
            assertTrue(e.getCause().getMessage().contains("no answer to request"), e.getCause().getMessage());
            assertTrue(c.isFailed());
            assertTrue(told[0].getMessage().startsWith("memnode 127.0.0.1:"));
            CompletableFuture<Message> after = c.send(new Echo(c.nextRequestId(), Unpooled.buffer().writeInt(2)));
            assertTrue(after.isCompletedExceptionally());
        }
    }
}
