package io.legoj.runtime;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;

/**
 * Dirty pages evicted for one node, copied out of their frames so the frames can be reused at once.
 * Ownership: the batch owns its buffer until {@link #takeData} hands it to the request; {@link #seal}
 * gives a retained slice per page to {@link InFlightWrites}.
 */
final class WriteBatch {
    final int node;
    private final int pageSize;
    private long[] vpns = new long[8];
    private int size;
    private ByteBuf data;
    private ByteBuf[] slices;

    WriteBatch(int node, int pageSize) {
        this.node = node;
        this.pageSize = pageSize;
    }

    void add(long vpn, long frameAddress) {
        if (slices != null) {
            throw new IllegalStateException("write batch for node " + node + " is sealed");
        }
        if (data == null) {
            data = ByteBufAllocator.DEFAULT.directBuffer(8 * pageSize);
        }
        if (size == vpns.length) {
            vpns = Arrays.copyOf(vpns, size * 2);
        }
        vpns[size++] = vpn;
        FrameCopy.append(frameAddress, data, pageSize);
    }

    int size() {
        return size;
    }

    long[] vpns() {
        return Arrays.copyOf(vpns, size);
    }

    /** Registers every page as in flight (one retained slice each); no page may be added after. */
    void seal(InFlightWrites inFlight) {
        slices = new ByteBuf[size];
        for (int i = 0; i < size; i++) {
            slices[i] = data.retainedSlice(i * pageSize, pageSize);
            inFlight.put(vpns[i], slices[i]);
        }
    }

    /** The slices registered by {@link #seal}, owned by the acknowledgement of this batch. */
    ByteBuf[] slices() {
        return slices;
    }

    /** The page data; the caller takes ownership. */
    ByteBuf takeData() {
        ByteBuf d = data;
        data = null;
        return d;
    }
}
