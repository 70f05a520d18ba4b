package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Releases a region and all its pages. */
public record RegionFree(long requestId, long base) implements Message {
    @Override
    public MessageType type() {
        return MessageType.REGION_FREE;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeLong(base);
    }

    @Override
    public int bodySizeHint() {
        return 8;
    }

    static RegionFree decode(long requestId, ByteBuf in) {
        return new RegionFree(requestId, Wire.readLong(in, "REGION_FREE.base"));
    }
}
