package io.legoj.runtime;

import io.legoj.protocol.PageData;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;

/** Where pages live when they are not in the cache: the memory nodes, as the page cache sees them. */
public interface PageBackend {
    int pageSize();

    /** Index of the node that holds page {@code vpn}; fails for a page outside every region. */
    int nodeOf(long vpn);

    /** True once a write of the page was sent: its content is remote; otherwise it reads as zeros. */
    boolean hasRemoteCopy(long vpn);

    void markRemoteCopy(long vpn);

    /**
     * Sends one batch to {@code node}: writes (ownership of {@code writeData} passes to the backend;
     * may be null when there are none), then reads. The reply's pages are in {@code readVpns} order;
     * the caller releases the reply.
     */
    CompletableFuture<PageData> exchange(int node, long[] writeVpns, ByteBuf writeData, long[] readVpns);

    /** Human name of a node for error messages, e.g. {@code memnode 127.0.0.1:7001}. */
    String nodeName(int node);
}
