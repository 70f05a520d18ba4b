package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Asks a memory node to hold the pages of {@code [base, base + size)} for the connection's application. */
public record RegionAlloc(long requestId, long base, long size) implements Message {
    @Override
    public MessageType type() {
        return MessageType.REGION_ALLOC;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeLong(base).writeLong(size);
    }

    @Override
    public int bodySizeHint() {
        return 16;
    }

    static RegionAlloc decode(long requestId, ByteBuf in) {
        return new RegionAlloc(requestId, Wire.readLong(in, "REGION_ALLOC.base"), Wire.readLong(in, "REGION_ALLOC.size"));
    }
}
