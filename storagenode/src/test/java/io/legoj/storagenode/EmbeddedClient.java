package io.legoj.storagenode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.legoj.protocol.EmbeddedNodeClient;
import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.FileError;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.Message;
import io.legoj.protocol.Welcome;

/**
 * A connection to a storage node's real pipeline ({@link EmbeddedNodeClient}). The node must run file
 * requests at once ({@link DirectExecutor}).
 */
final class EmbeddedClient extends EmbeddedNodeClient {
    EmbeddedClient(StorageNode node) {
        super(node.initializer());
    }

    /** Connects and completes a file-session handshake that must succeed. */
    static EmbeddedClient open(StorageNode node, String appId) {
        EmbeddedClient c = new EmbeddedClient(node);
        assertInstanceOf(Welcome.class, c.hello(node.config().secret(), appId, FileProtocol.SESSION));
        return c;
    }

    FileError expectError(ErrorCode code, Message reply) {
        FileError e = assertInstanceOf(FileError.class, reply, () -> "expected " + code + ", got " + reply);
        assertEquals(code, e.code(), e.toString());
        return e;
    }
}
