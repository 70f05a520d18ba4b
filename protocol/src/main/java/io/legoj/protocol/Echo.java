package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A payload the node sends straight back: the transport round trip that page faults are measured
 * against. Ownership: owns {@code payload}, released in {@link #release()}.
 */
public final class Echo implements Message {
    private final long requestId;
    private final ByteBuf payload;

    public Echo(long requestId, ByteBuf payload) {
        this.requestId = requestId;
        this.payload = payload;
    }

    @Override
    public MessageType type() {
        return MessageType.ECHO;
    }

    @Override
    public long requestId() {
        return requestId;
    }

    public ByteBuf payload() {
        return payload;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
    }

    @Override
    public int bodySizeHint() {
        return payload.readableBytes();
    }

    @Override
    public void release() {
        if (payload.refCnt() > 0) {
            payload.release();
        }
    }

    static Echo decode(long requestId, ByteBuf in) {
        return new Echo(requestId, in.readRetainedSlice(in.readableBytes()));
    }
}
