package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Appends {@code data} at the end of {@code path}, creating the file if it is missing; answered by
 * {@link FileLength} with the new length. Wire body: {@code path | u32 n | n bytes}.
 *
 * <p>Ownership: owns {@code data} and releases it in {@link #release()}.
 */
public final class FileAppend implements Message {
    private final long requestId;
    private final String path;
    private final ByteBuf data;

    public FileAppend(long requestId, String path, ByteBuf data) {
        this.requestId = requestId;
        this.path = path;
        this.data = data;
    }

    @Override
    public MessageType type() {
        return MessageType.FILE_APPEND;
    }

    @Override
    public long requestId() {
        return requestId;
    }

    public String path() {
        return path;
    }

    /** The bytes to append (not retained; valid until {@link #release()}). */
    public ByteBuf data() {
        return data;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        Wire.writeString(out, path);
        out.writeInt(data.readableBytes());
        out.writeBytes(data, data.readerIndex(), data.readableBytes());
    }

    @Override
    public int bodySizeHint() {
        return Wire.stringSize(path) + 4 + data.readableBytes();
    }

    @Override
    public void release() {
        if (data.refCnt() > 0) {
            data.release();
        }
    }

    static FileAppend decode(long requestId, ByteBuf in) {
        String path = Wire.readString(in, "FILE_APPEND.path");
        int n = FileProtocol.readDataLength(in, "FILE_APPEND.data");
        return new FileAppend(requestId, path, in.readRetainedSlice(n));
    }
}
