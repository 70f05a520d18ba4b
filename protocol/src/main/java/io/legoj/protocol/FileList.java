package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Lists the names in directory {@code path} (the empty path is the application's root), sorted,
 * from position {@code start}; answered by {@link FileNames}, one page per frame.
 */
public record FileList(long requestId, String path, int start) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_LIST;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
        out.writeInt(start);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path) + 4;
    }

    static FileList decode(long requestId, ByteBuf in) {
        String path = Wire.readString(in, "FILE_LIST.path");
        int start = Wire.readInt(in, "FILE_LIST.start");
        if (start < 0) {
            throw new ProtocolException("FILE_LIST.start: negative position " + start);
        }
        return new FileList(requestId, path, start);
    }
}
