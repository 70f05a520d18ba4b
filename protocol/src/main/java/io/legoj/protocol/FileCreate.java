package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Makes sure a regular file exists at {@code path}: with {@code exclusive} an existing one fails
 * with ALREADY_EXISTS, with {@code truncate} an existing one is emptied. Answered by {@link FileLength}.
 * Wire body: {@code path | u8 flags (1 exclusive, 2 truncate)}.
 */
public record FileCreate(long requestId, String path, boolean exclusive, boolean truncate) implements Message {
    private static final int EXCLUSIVE = 1;
    private static final int TRUNCATE = 2;

    @Override
    public MessageType type() {
        return MessageType.FILE_CREATE;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
        out.writeByte((exclusive ? EXCLUSIVE : 0) | (truncate ? TRUNCATE : 0));
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path) + 1;
    }

    static FileCreate decode(long requestId, ByteBuf in) {
        String path = Wire.readString(in, "FILE_CREATE.path");
        byte flags = FileProtocol.readFlags(in, EXCLUSIVE | TRUNCATE, "FILE_CREATE.flags");
        return new FileCreate(requestId, path, (flags & EXCLUSIVE) != 0, (flags & TRUNCATE) != 0);
    }
}
