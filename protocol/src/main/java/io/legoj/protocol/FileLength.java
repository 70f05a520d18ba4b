package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** A file's length after a FILE_WRITE, FILE_APPEND or FILE_CREATE. */
public record FileLength(long requestId, long length) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_LENGTH;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeLong(length);
    }

    @Override
    public int bodySizeHint() {
        return 8;
    }

    static FileLength decode(long requestId, ByteBuf in) {
        return new FileLength(requestId, FileProtocol.readNonNegative(in, "FILE_LENGTH.length"));
    }
}
