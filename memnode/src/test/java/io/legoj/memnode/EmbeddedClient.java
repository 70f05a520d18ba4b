package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.EmbeddedNodeClient;
import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.Message;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RegionFree;
import io.legoj.protocol.Welcome;
import io.netty.buffer.ByteBuf;

/** A connection to a memnode's real pipeline ({@link EmbeddedNodeClient}), with its page requests. */
final class EmbeddedClient extends EmbeddedNodeClient {
    EmbeddedClient(MemNode node) {
        super(node.initializer());
    }

    /** Connects and completes a handshake that must succeed. */
    static EmbeddedClient open(MemNode node, String appId, int pageSize) {
        EmbeddedClient c = new EmbeddedClient(node);
        assertInstanceOf(Welcome.class, c.hello(node.config().secret(), appId, pageSize));
        return c;
    }

    void alloc(long base, long size) {
        assertInstanceOf(Ok.class, call(new RegionAlloc(nextId(), base, size)));
    }

    void free(long base) {
        assertInstanceOf(Ok.class, call(new RegionFree(nextId(), base)));
    }

    /** Sends a batch; {@code data} holds the write pages back to back (null without writes). */
    Message batch(int pageSize, long[] writes, ByteBuf data, long... reads) {
        return call(new PageBatch(nextId(), pageSize, writes, data, reads));
    }

    PageData read(int pageSize, long... reads) {
        return assertInstanceOf(PageData.class, batch(pageSize, new long[0], null, reads));
    }

    ErrorMessage expectError(ErrorCode code, Message reply) {
        ErrorMessage e = assertInstanceOf(ErrorMessage.class, reply, () -> "expected " + code + ", got " + reply);
        assertEquals(code, e.code(), e.message());
        return e;
    }
}
