package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Deletes a file or an empty directory; answered by {@link Ok}. */
public record FileDelete(long requestId, String path) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_DELETE;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path);
    }

    static FileDelete decode(long requestId, ByteBuf in) {
        return new FileDelete(requestId, Wire.readString(in, "FILE_DELETE.path"));
    }
}
