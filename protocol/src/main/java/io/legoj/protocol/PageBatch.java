package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Writes some pages, then reads some pages, in one round trip. This is how write-back rides on the
 * fault that needs the frame. Wire body: {@code u32 pageSize | u32 nWrites | u32 nReads |
 * nWrites x u64 addr | nReads x u64 addr | nWrites x pageSize bytes}.
 *
 * <p>Ownership: the batch owns {@code writeData} (nWrites x pageSize bytes, may be null when
 * there are no writes) and releases it in {@link #release()}.
 */
public final class PageBatch implements Message {
    /** Most pages one batch may carry, whatever the frame size. */
    public static final int MAX_PAGES = 4096;

    private final long requestId;
    private final int pageSize;
    private final long[] writeAddrs;
    private final ByteBuf writeData;
    private final long[] readAddrs;

    public PageBatch(long requestId, int pageSize, long[] writeAddrs, ByteBuf writeData, long[] readAddrs) {
        int dataBytes = writeData == null ? 0 : writeData.readableBytes();
        if (dataBytes != (long) writeAddrs.length * pageSize) {
            throw new IllegalArgumentException("writeData has " + dataBytes + " bytes, expected "
                    + writeAddrs.length + " pages of " + pageSize);
        }
        this.requestId = requestId;
        this.pageSize = pageSize;
        this.writeAddrs = writeAddrs;
        this.writeData = writeData;
        this.readAddrs = readAddrs;
    }

    @Override
    public MessageType type() {
        return MessageType.PAGE_BATCH;
    }

    @Override
    public long requestId() {
        return requestId;
    }

    public int pageSize() {
        return pageSize;
    }

    public long[] writeAddrs() {
        return writeAddrs;
    }

    /** The bytes of write {@code i}, as a slice that shares this batch's buffer (not retained). */
    public ByteBuf writePage(int i) {
        return writeData.slice(writeData.readerIndex() + i * pageSize, pageSize);
    }

    public long[] readAddrs() {
        return readAddrs;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(pageSize).writeInt(writeAddrs.length).writeInt(readAddrs.length);
        for (long a : writeAddrs) {
            out.writeLong(a);
        }
        for (long a : readAddrs) {
            out.writeLong(a);
        }
        if (writeData != null) {
            out.writeBytes(writeData, writeData.readerIndex(), writeData.readableBytes());
        }
    }

    @Override
    public int bodySizeHint() {
        return 12 + 8 * (writeAddrs.length + readAddrs.length) + writeAddrs.length * pageSize;
    }

    @Override
    public void release() {
        if (writeData != null && writeData.refCnt() > 0) {
            writeData.release();
        }
    }

    static PageBatch decode(long requestId, ByteBuf in) {
        int pageSize = Wire.readInt(in, "PAGE_BATCH.pageSize");
        checkPageSize(pageSize, "PAGE_BATCH.pageSize");
        int nWrites = checkCount(Wire.readInt(in, "PAGE_BATCH.nWrites"), "PAGE_BATCH.nWrites");
        int nReads = checkCount(Wire.readInt(in, "PAGE_BATCH.nReads"), "PAGE_BATCH.nReads");
        Wire.need(in, 8L * (nWrites + nReads) + (long) nWrites * pageSize, "PAGE_BATCH.pages");
        long[] writes = new long[nWrites];
        for (int i = 0; i < nWrites; i++) {
            writes[i] = in.readLong();
        }
        long[] reads = new long[nReads];
        for (int i = 0; i < nReads; i++) {
            reads[i] = in.readLong();
        }
        ByteBuf data = nWrites == 0 ? null : in.readRetainedSlice(nWrites * pageSize);
        return new PageBatch(requestId, pageSize, writes, data, reads);
    }

    /** Page sizes are powers of two from 512 bytes to 1 MiB. */
    public static void checkPageSize(int pageSize, String field) {
        if (pageSize < 512 || pageSize > (1 << 20) || Integer.bitCount(pageSize) != 1) {
            throw new ProtocolException(field + ": page size " + pageSize + " is not a power of two in [512, 1 MiB]");
        }
    }

    static int checkCount(int n, String field) {
        if (n < 0 || n > MAX_PAGES) {
            throw new ProtocolException(field + ": count " + n + " outside [0, " + MAX_PAGES + "]");
        }
        return n;
    }
}
