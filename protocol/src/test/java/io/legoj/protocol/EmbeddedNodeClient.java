package io.legoj.protocol;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * One connection to a node's real pipeline on an {@link EmbeddedChannel}, for the nodes' tests:
 * requests go in as encoded frames and replies come out decoded. Tasks the node schedules on the
 * channel run before each read. The caller owns (and releases) every reply it reads.
 */
public class EmbeddedNodeClient implements AutoCloseable {
    public final EmbeddedChannel channel;
    public final Challenge challenge;
    private long ids;

    /** Connects to the pipeline {@code initializer} builds and reads the node's challenge. */
    public EmbeddedNodeClient(ChannelHandler initializer) {
        channel = new EmbeddedChannel(initializer);
        challenge = assertInstanceOf(Challenge.class, read());
    }

    public Message hello(String secret, String appId, int pageSize) {
        byte[] mac = Auth.mac(secret, challenge.nonce(), appId, pageSize);
        return call(new Hello(Protocol.VERSION, appId, pageSize, mac));
    }

    public long nextId() {
        return ++ids;
    }

    /** Writes one request as a frame; takes ownership of {@code m}. */
    public void send(Message m) {
        channel.writeInbound(frame(m));
    }

    /** Encodes {@code m} as a length-prefixed frame and releases it. */
    public static ByteBuf frame(Message m) {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageEncoder.encode(m, buf);
        } finally {
            m.release();
        }
        return buf;
    }

    /** The next reply, or null if there is none. */
    public Message read() {
        channel.runPendingTasks();
        ByteBuf frame = channel.readOutbound();
        if (frame == null) {
            return null;
        }
        try {
            frame.skipBytes(4);
            return MessageDecoder.decode(frame);
        } finally {
            frame.release();
        }
    }

    public Message call(Message m) {
        send(m);
        Message reply = read();
        assertNotNull(reply, "no reply to " + m.type());
        return reply;
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
