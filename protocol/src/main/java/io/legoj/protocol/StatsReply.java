package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Node statistics as a YAML document written by Chronicle Wire (see {@link NodeStats}). */
public record StatsReply(long requestId, String yaml) implements Message {
    @Override
    public MessageType type() {
        return MessageType.STATS_REPLY;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, yaml);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(yaml);
    }

    static StatsReply decode(long requestId, ByteBuf in) {
        return new StatsReply(requestId, Wire.readString(in, "STATS_REPLY.yaml"));
    }
}
