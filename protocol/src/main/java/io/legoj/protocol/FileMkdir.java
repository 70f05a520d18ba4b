package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Creates a directory; with {@code parents} also the missing ones above it, and an existing
 * directory is then no error (like {@code Files.createDirectories}). Answered by {@link Ok}.
 */
public record FileMkdir(long requestId, String path, boolean parents) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_MKDIR;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
        out.writeByte(parents ? 1 : 0);
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path) + 1;
    }

    static FileMkdir decode(long requestId, ByteBuf in) {
        String path = Wire.readString(in, "FILE_MKDIR.path");
        return new FileMkdir(requestId, path, FileProtocol.readFlags(in, 1, "FILE_MKDIR.parents") != 0);
    }
}
