package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Truncates or extends (with zeros) an existing file to {@code length}; answered by {@link Ok}. */
public record FileSetLength(long requestId, String path, long length) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_SET_LENGTH;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
        out.writeLong(length);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path) + 8;
    }

    static FileSetLength decode(long requestId, ByteBuf in) {
        return new FileSetLength(requestId, Wire.readString(in, "FILE_SET_LENGTH.path"),
                FileProtocol.readNonNegative(in, "FILE_SET_LENGTH.length"));
    }
}
