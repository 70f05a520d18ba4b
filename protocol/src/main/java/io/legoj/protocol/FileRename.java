package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Atomically renames {@code from} to {@code to}; an existing {@code to} fails with ALREADY_EXISTS
 * unless {@code replaceExisting} (then a file or an empty directory is replaced). Answered by {@link Ok}.
 */
public record FileRename(long requestId, String from, String to, boolean replaceExisting) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_RENAME;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, from);
        Wire.writeString(out, to);
        out.writeByte(replaceExisting ? 1 : 0);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(from) + Wire.stringSize(to) + 1;
    }

    static FileRename decode(long requestId, ByteBuf in) {
        String from = Wire.readString(in, "FILE_RENAME.from");
        String to = Wire.readString(in, "FILE_RENAME.to");
        return new FileRename(requestId, from, to, FileProtocol.readFlags(in, 1, "FILE_RENAME.replace") != 0);
    }
}
