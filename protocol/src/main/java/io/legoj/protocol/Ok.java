package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Success of a request that returns nothing. */
public record Ok(long requestId) implements Message {
    @Override
    public MessageType type() {
        return MessageType.OK;
    }

    @Override
    public void encodeBody(ByteBuf out) {
    }

    @Override
    public int bodySizeHint() {
        return 0;
    }
}
