package io.legoj.memnode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.legoj.protocol.PageData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/** Page contents for tests: page {@code seed} is a pattern no other seed produces. */
final class Pages {
    private Pages() {
    }

    /** Pages back to back, one per seed. */
    static ByteBuf of(int pageSize, int... seeds) {
        ByteBuf buf = Unpooled.buffer(seeds.length * pageSize);
        for (int seed : seeds) {
            buf.writeBytes(page(pageSize, seed));
        }
        return buf;
    }

    static byte[] page(int pageSize, int seed) {
        ByteBuffer b = ByteBuffer.allocate(pageSize);
        for (int i = 0; i < pageSize; i += 4) {
            b.putInt(seed * 31 + i);
        }
        return b.array();
    }

    /** Asserts that present page {@code slot} of {@code data} (counting present pages only) was made from {@code seed}. */
    static void assertPage(PageData data, int slot, int seed) {
        int ps = data.pageSize();
        byte[] got = new byte[ps];
        data.data().getBytes(data.data().readerIndex() + slot * ps, got);
        assertArrayEquals(page(ps, seed), got, "page " + slot);
    }
}
