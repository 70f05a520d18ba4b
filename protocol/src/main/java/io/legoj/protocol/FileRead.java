package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** Reads up to {@code length} bytes of {@code path} from {@code offset}; answered by {@link FileData}. */
public record FileRead(long requestId, String path, long offset, int length) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_READ;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
        out.writeLong(offset).writeInt(length);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path) + 12;
    }

    static FileRead decode(long requestId, ByteBuf in) {
        String path = Wire.readString(in, "FILE_READ.path");
        long offset = FileProtocol.readNonNegative(in, "FILE_READ.offset");
        int length = Wire.readInt(in, "FILE_READ.length");
        if (length < 0) {
            throw new ProtocolException("FILE_READ.length: negative length " + length);
        }
        return new FileRead(requestId, path, offset, length);
    }
}
