package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Reply to a {@link PageBatch}: the pages read, in request order. A page the node never received is
 * sent as a flag only and reads as zeros. Wire body: {@code u32 pageSize | u32 n | n x u8 present |
 * (pages present) x pageSize bytes}.
 *
 * <p>Ownership: owns {@code data} (present pages, back to back) and releases it in {@link #release()}.
 */
public final class PageData implements Message {
    private final long requestId;
    private final int pageSize;
    private final boolean[] present;
    private final ByteBuf data;

    public PageData(long requestId, int pageSize, boolean[] present, ByteBuf data) {
        this.requestId = requestId;
        this.pageSize = pageSize;
        this.present = present;
        this.data = data;
    }

    @Override
    public MessageType type() {
        return MessageType.PAGE_DATA;
    }

    @Override
    public long requestId() {
        return requestId;
    }

    public int pageSize() {
        return pageSize;
    }

    public int count() {
        return present.length;
    }

    public boolean present(int i) {
        return present[i];
    }

    /** All present pages back to back (not retained; valid until {@link #release()}). */
    public ByteBuf data() {
        return data;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(pageSize).writeInt(present.length);
        for (boolean p : present) {
            out.writeByte(p ? 1 : 0);
        }
        out.writeBytes(data, data.readerIndex(), data.readableBytes());
    }

    @Override
    public int bodySizeHint() {
        return 8 + present.length + data.readableBytes();
    }

    @Override
    public void release() {
        if (data.refCnt() > 0) {
            data.release();
        }
    }

    static PageData decode(long requestId, ByteBuf in) {
        int pageSize = Wire.readInt(in, "PAGE_DATA.pageSize");
        PageBatch.checkPageSize(pageSize, "PAGE_DATA.pageSize");
        int n = PageBatch.checkCount(Wire.readInt(in, "PAGE_DATA.n"), "PAGE_DATA.n");
        Wire.need(in, n, "PAGE_DATA.present");
        boolean[] present = new boolean[n];
        int pages = 0;
        for (int i = 0; i < n; i++) {
            byte flag = in.readByte();
            if (flag != 0 && flag != 1) {
                throw new ProtocolException("PAGE_DATA.present[" + i + "]: flag " + flag + " is neither 0 nor 1");
            }
            present[i] = flag == 1;
            pages += flag;
        }
        Wire.need(in, (long) pages * pageSize, "PAGE_DATA.pages");
        return new PageData(requestId, pageSize, present, in.readRetainedSlice(pages * pageSize));
    }
}
