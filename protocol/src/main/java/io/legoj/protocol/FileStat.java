package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Asks what {@code path} is: answered by {@link FileStatReply}, also when nothing is there. */
public record FileStat(long requestId, String path) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_STAT;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path);
    }

    static FileStat decode(long requestId, ByteBuf in) {
        return new FileStat(requestId, Wire.readString(in, "FILE_STAT.path"));
    }
}
