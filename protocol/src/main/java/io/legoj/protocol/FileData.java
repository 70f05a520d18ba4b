package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Reply to {@link FileRead}: the bytes read, fewer than asked at the end of the file (none at or
 * past it), and the file's length when it was read. Wire body: {@code u64 fileLength | u32 n | n bytes}.
 *
 * <p>Ownership: owns {@code data} and releases it in {@link #release()}.
 */
public final class FileData implements Message {
    private final long requestId;
    private final long fileLength;
    private final ByteBuf data;

    public FileData(long requestId, long fileLength, ByteBuf data) {
        this.requestId = requestId;
        this.fileLength = fileLength;
        this.data = data;
    }

    @Override
    public MessageType type() {
        return MessageType.FILE_DATA;
    }

    @Override
    public long requestId() {
        return requestId;
    }

    public long fileLength() {
        return fileLength;
    }

    /** The bytes read (not retained; valid until {@link #release()}). */
    public ByteBuf data() {
        return data;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeLong(fileLength).writeInt(data.readableBytes());
        out.writeBytes(data, data.readerIndex(), data.readableBytes());
    }

    @Override
    public int bodySizeHint() {
        return 12 + data.readableBytes();
    }

    @Override
    public void release() {
        if (data.refCnt() > 0) {
            data.release();
        }
    }

    static FileData decode(long requestId, ByteBuf in) {
        long fileLength = FileProtocol.readNonNegative(in, "FILE_DATA.fileLength");
        int n = FileProtocol.readDataLength(in, "FILE_DATA.data");
        return new FileData(requestId, fileLength, in.readRetainedSlice(n));
    }
}
