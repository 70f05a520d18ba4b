package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** First frame a node sends: a fresh nonce the client must answer with an HMAC of the cluster secret. */
public record Challenge(byte[] nonce, int protocolVersion, int maxFrame) implements Message {
    public static final int NONCE_BYTES = 16;

    public Challenge {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes, got " + nonce.length);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.CHALLENGE;
    }

    @Override
    public long requestId() {
        return 0;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeBytes(nonce).writeInt(protocolVersion).writeInt(maxFrame);
    }

    @Override
    public int bodySizeHint() {
        return NONCE_BYTES + 8;
    }

    static Challenge decode(ByteBuf in) {
        Wire.need(in, NONCE_BYTES, "CHALLENGE.nonce");
        byte[] nonce = new byte[NONCE_BYTES];
        in.readBytes(nonce);
        return new Challenge(nonce, Wire.readInt(in, "CHALLENGE.version"), Wire.readInt(in, "CHALLENGE.maxFrame"));
    }
}
