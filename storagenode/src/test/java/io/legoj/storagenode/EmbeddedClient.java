package io.legoj.storagenode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.legoj.protocol.Auth;
import io.legoj.protocol.Challenge;
import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.FileError;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.Hello;
import io.legoj.protocol.Message;
import io.legoj.protocol.MessageDecoder;
import io.legoj.protocol.MessageEncoder;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.Welcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * One connection to a storage node's real pipeline on an {@link EmbeddedChannel}: requests go in as
 * encoded frames and replies come out decoded. The node must run file requests at once
 * ({@link DirectExecutor}). The caller owns (and releases) every reply it reads.
 */
final class EmbeddedClient implements AutoCloseable {
    final EmbeddedChannel channel;
    final Challenge challenge;
    private long ids;

    EmbeddedClient(StorageNode node) {
        channel = new EmbeddedChannel(node.initializer());
        challenge = assertInstanceOf(Challenge.class, read());
    }

    /** Connects and completes a file-session handshake that must succeed. */
    static EmbeddedClient open(StorageNode node, String appId) {
        EmbeddedClient c = new EmbeddedClient(node);
        assertInstanceOf(Welcome.class, c.hello(node.config().secret(), appId, FileProtocol.SESSION));
        return c;
    }

    Message hello(String secret, String appId, int pageSize) {
        byte[] mac = Auth.mac(secret, challenge.nonce(), appId, pageSize);
        return call(new Hello(Protocol.VERSION, appId, pageSize, mac));
    }

    long nextId() {
        return ++ids;
    }

    /** Writes one request as a frame; takes ownership of {@code m}. */
    void send(Message m) {
        channel.writeInbound(frame(m));
    }

    /** Encodes {@code m} as a length-prefixed frame and releases it. */
    static ByteBuf frame(Message m) {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageEncoder.encode(m, buf);
        } finally {
            m.release();
        }
        return buf;
    }

    /** The next reply, or null if there is none. */
    Message read() {
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

    Message call(Message m) {
        send(m);
        Message reply = read();
        assertNotNull(reply, "no reply to " + m.type());
        return reply;
    }

    FileError expectError(ErrorCode code, Message reply) {
        FileError e = assertInstanceOf(FileError.class, reply, () -> "expected " + code + ", got " + reply);
        assertEquals(code, e.code(), e.toString());
        return e;
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
