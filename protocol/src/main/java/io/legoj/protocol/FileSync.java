package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Makes a file durable (data, metadata and its directory entry); answered by {@link Ok} once it is. */
public record FileSync(long requestId, String path) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_SYNC;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path);
    }

    static FileSync decode(long requestId, ByteBuf in) {
        return new FileSync(requestId, Wire.readString(in, "FILE_SYNC.path"));
    }
}
