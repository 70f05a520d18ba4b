package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Client's answer to the {@link Challenge}: who it is and the proof that it knows the cluster secret.
 * {@code pageSize} is 0 for connections that only ask for statistics.
 */
public record Hello(int protocolVersion, String appId, int pageSize, byte[] mac) implements Message {
    public Hello {
        if (mac.length != Auth.MAC_BYTES) {
            throw new IllegalArgumentException("mac must be " + Auth.MAC_BYTES + " bytes, got " + mac.length);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }

    @Override
    public long requestId() {
        return 0;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(protocolVersion);
        Wire.writeString(out, appId);
        out.writeInt(pageSize);
        out.writeBytes(mac);
    }

    @Override
    public int bodySizeHint() {
        return 8 + Wire.stringSize(appId) + Auth.MAC_BYTES;
    }

    static Hello decode(ByteBuf in) {
        int version = Wire.readInt(in, "HELLO.version");
        String appId = Wire.readString(in, "HELLO.appId");
        int pageSize = Wire.readInt(in, "HELLO.pageSize");
        Wire.need(in, Auth.MAC_BYTES, "HELLO.mac");
        byte[] mac = new byte[Auth.MAC_BYTES];
        in.readBytes(mac);
        return new Hello(version, appId, pageSize, mac);
    }
}
