package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * What a path is. Wire body: {@code u8 kind | u64 length | u64 lastModified (ms since the epoch)}.
 * Length and time are 0 when nothing is there.
 */
public record FileStatReply(long requestId, byte kind, long length, long lastModified) implements Message {
    public static final byte MISSING = 0;
    public static final byte FILE = 1;
    public static final byte DIRECTORY = 2;
    /** a symbolic link, device or anything else that is neither a regular file nor a directory. */
    public static final byte OTHER = 3;

    public FileStatReply {
        if (kind < MISSING || kind > OTHER) {
            throw new IllegalArgumentException("kind must be 0..3, got " + kind);
        }
    }

    public boolean exists() {
        return kind != MISSING;
    }

    public boolean isFile() {
        return kind == FILE;
    }

    public boolean isDirectory() {
        return kind == DIRECTORY;
    }

    @Override
    public MessageType type() {
        return MessageType.FILE_STAT_REPLY;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(kind).writeLong(length).writeLong(lastModified);
    }

    @Override
    public int bodySizeHint() {
        return 17;
    }

    static FileStatReply decode(long requestId, ByteBuf in) {
        byte kind = Wire.readByte(in, "FILE_STAT_REPLY.kind");
        if (kind < MISSING || kind > OTHER) {
            throw new ProtocolException("FILE_STAT_REPLY.kind: " + kind + " is not 0..3");
        }
        return new FileStatReply(requestId, kind, FileProtocol.readNonNegative(in, "FILE_STAT_REPLY.length"),
                Wire.readLong(in, "FILE_STAT_REPLY.lastModified"));
    }
}
