package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Asks a node for its statistics. */
public record Stats(long requestId) implements Message {
    @Override
    public MessageType type() {
        return MessageType.STATS;
    }

    @Override
    public void encodeBody(ByteBuf out) {
    }

    @Override
    public int bodySizeHint() {
        return 0;
    }
}
