package io.legoj.memnode;

import io.netty.buffer.ByteBuf;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Raw memory outside the Java heap, and copies between it and {@link ByteBuf}s. Copies go straight
 * from the buffer's memory (direct or array) to the page; only a buffer with neither (a composite)
 * goes through a temporary array.
 */
final class OffHeap {
    private static final Unsafe UNSAFE = unsafe();
    private static final long BYTE_ARRAY_BASE = UNSAFE.arrayBaseOffset(byte[].class);

    private OffHeap() {
    }

    /** Allocates {@code bytes} bytes, or returns 0 when the machine has no memory left. */
    static long allocate(long bytes) {
        try {
            return UNSAFE.allocateMemory(bytes);
        } catch (OutOfMemoryError e) {
            return 0;
        }
    }

    static void free(long address) {
        UNSAFE.freeMemory(address);
    }

    /** Copies {@code length} bytes of {@code src} from {@code index} (reader index unchanged) to {@code address}. */
    static void copyIn(ByteBuf src, int index, long address, int length) {
        if (src.hasMemoryAddress()) {
            UNSAFE.copyMemory(src.memoryAddress() + index, address, length);
        } else if (src.hasArray()) {
            UNSAFE.copyMemory(src.array(), BYTE_ARRAY_BASE + src.arrayOffset() + index, null, address, length);
        } else {
            byte[] tmp = new byte[length];
            src.getBytes(index, tmp);
            UNSAFE.copyMemory(tmp, BYTE_ARRAY_BASE, null, address, length);
        }
    }

    /** Appends {@code length} bytes at {@code address} to {@code dst}. */
    static void copyOut(long address, ByteBuf dst, int length) {
        dst.ensureWritable(length);
        int index = dst.writerIndex();
        if (dst.hasMemoryAddress()) {
            UNSAFE.copyMemory(address, dst.memoryAddress() + index, length);
        } else if (dst.hasArray()) {
            UNSAFE.copyMemory(null, address, dst.array(), BYTE_ARRAY_BASE + dst.arrayOffset() + index, length);
        } else {
            byte[] tmp = new byte[length];
            UNSAFE.copyMemory(null, address, tmp, BYTE_ARRAY_BASE, length);
            dst.setBytes(index, tmp);
        }
        dst.writerIndex(index + length);
    }

    /** Copies {@code length} bytes of {@code src} to {@code address}. */
    static void copyIn(byte[] src, long address, int length) {
        UNSAFE.copyMemory(src, BYTE_ARRAY_BASE, null, address, length);
    }

    /** Copies {@code length} bytes at {@code address} to the start of {@code dst}. */
    static void copyOut(long address, byte[] dst, int length) {
        UNSAFE.copyMemory(null, address, dst, BYTE_ARRAY_BASE, length);
    }

    private static Unsafe unsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("sun.misc.Unsafe is not available: " + e);
        }
    }
}
