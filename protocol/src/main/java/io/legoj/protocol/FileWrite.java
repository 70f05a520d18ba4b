package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Writes {@code data} into {@code path} at {@code offset}, creating the file if it is missing and
 * extending it (with zeros before {@code offset}) as needed; answered by {@link FileLength}.
 * Wire body: {@code path | u64 offset | u32 n | n bytes}.
 *
 * <p>Ownership: owns {@code data} and releases it in {@link #release()}.
 */
public final class FileWrite implements Message {
    private final long requestId;
    private final String path;
    private final long offset;
    private final ByteBuf data;

    public FileWrite(long requestId, String path, long offset, ByteBuf data) {
        this.requestId = requestId;
        this.path = path;
        this.offset = offset;
        this.data = data;
    }

    @Override
    public MessageType type() {
        return MessageType.FILE_WRITE;
    }

    @Override
    public long requestId() {
        return requestId;
    }

    public String path() {
        return path;
    }

    public long offset() {
        return offset;
    }

    /** The bytes to write (not retained; valid until {@link #release()}). */
    public ByteBuf data() {
        return data;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
        out.writeLong(offset).writeInt(data.readableBytes());
        out.writeBytes(data, data.readerIndex(), data.readableBytes());
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path) + 12 + data.readableBytes();
    }

    @Override
    public void release() {
        if (data.refCnt() > 0) {
            data.release();
        }
    }

    static FileWrite decode(long requestId, ByteBuf in) {
        String path = Wire.readString(in, "FILE_WRITE.path");
        long offset = FileProtocol.readNonNegative(in, "FILE_WRITE.offset");
        int n = FileProtocol.readDataLength(in, "FILE_WRITE.data");
        return new FileWrite(requestId, path, offset, in.readRetainedSlice(n));
    }
}
