package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Handshake accepted: the node's id and its capacity and use at that moment. */
public record Welcome(String nodeId, long capacity, long used) implements Message {
    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }

    @Override
    public long requestId() {
        return 0;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, nodeId);
        out.writeLong(capacity).writeLong(used);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(nodeId) + 16;
    }

    static Welcome decode(ByteBuf in) {
        return new Welcome(Wire.readString(in, "WELCOME.nodeId"),
                Wire.readLong(in, "WELCOME.capacity"), Wire.readLong(in, "WELCOME.used"));
    }
}
