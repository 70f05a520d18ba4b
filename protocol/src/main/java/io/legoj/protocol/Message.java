package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A protocol message. On the wire a frame is {@code u32 length | u8 type | u64 requestId | body};
 * replies carry the id of their request. Messages that hold a {@link ByteBuf} own it until
 * {@link #release()} is called.
 */
public interface Message {
    MessageType type();

    long requestId();

    /** Writes the body (everything after the request id). */
    void encodeBody(ByteBuf out);

    /** Upper bound of the body size, used to size the output buffer. */
    int bodySizeHint();

    /** Releases buffers this message owns; a no-op for messages without payload. */
    default void release() {
    }
}
