package io.legoj.runtime;

import static io.legoj.runtime.UnsafeAccess.U;

import io.netty.buffer.ByteBuf;

/** Copies between Netty buffers and frame memory (a single memcpy when the buffer is direct). */
final class FrameCopy {
    private FrameCopy() {
    }

    static void copy(ByteBuf src, int index, long address, int len) {
        if (src.hasMemoryAddress()) {
            U.copyMemory(src.memoryAddress() + index, address, len);
        } else {
            byte[] tmp = new byte[len];
            src.getBytes(index, tmp);
            U.copyMemory(tmp, U.ARRAY_BYTE_BASE_OFFSET, null, address, len);
        }
    }

    /** Appends {@code len} bytes at {@code address} to {@code dst}. */
    static void append(long address, ByteBuf dst, int len) {
        dst.ensureWritable(len);
        int at = dst.writerIndex();
        if (dst.hasMemoryAddress()) {
            U.copyMemory(address, dst.memoryAddress() + at, len);
        } else {
            byte[] tmp = new byte[len];
            U.copyMemory(null, address, tmp, U.ARRAY_BYTE_BASE_OFFSET, len);
            dst.setBytes(at, tmp);
        }
        dst.writerIndex(at + len);
    }
}
