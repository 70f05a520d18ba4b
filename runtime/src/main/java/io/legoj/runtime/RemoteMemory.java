package io.legoj.runtime;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeFailureException;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.RemoteException;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The memory nodes of one application: the region table (which node holds which region, placed on
 * the least used node), the record of pages that have a remote copy, and the page requests.
 */
public final class RemoteMemory implements PageBackend, RegionSource, AutoCloseable {
    private final List<NodeConnection> nodes;
    private final int pageSize;
    private final int pageShift;
    private final long regionSize;
    private final int pagesPerRegionShift;
    private final long[] regionsOnNode;
    private volatile Region[] regions = new Region[0];
    /** Region 0 is never handed out, so that address 0 stays null. */
    private int nextRegion = 1;

    private static final class Region {
        final int node;
        final long[] written;

        Region(int node, int pages) {
            this.node = node;
            this.written = new long[(pages + 63) >>> 6];
        }
    }

    public RemoteMemory(List<NodeConnection> nodes, int pageSize, long regionSize) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes: at least one memory node is needed");
        }
        if (Long.bitCount(regionSize) != 1 || regionSize < pageSize) {
            throw new IllegalArgumentException("regionSize must be a power of two of at least one page, got " + regionSize);
        }
        this.nodes = List.copyOf(nodes);
        this.pageSize = pageSize;
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        this.regionSize = regionSize;
        this.pagesPerRegionShift = Long.numberOfTrailingZeros(regionSize) - pageShift;
        this.regionsOnNode = new long[nodes.size()];
    }

    /** Tells {@code listener} when any node fails; there is no replica yet, so that is fatal. */
    public void onNodeFailure(Consumer<NodeFailureException> listener) {
        for (NodeConnection c : nodes) {
            c.onFailure(listener);
        }
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public long regionSize() {
        return regionSize;
    }

    public int nodeCount() {
        return nodes.size();
    }

    @Override
    public String nodeName(int node) {
        return nodes.get(node).node();
    }

    private Region region(long vpn) {
        long r = vpn >>> pagesPerRegionShift;
        Region[] rs = regions;
        return r < rs.length ? rs[(int) r] : null;
    }

    @Override
    public int nodeOf(long vpn) {
        Region r = region(vpn);
        if (r == null) {
            throw new IllegalArgumentException("address 0x" + Long.toHexString(vpn << pageShift)
                    + " is not in any region of this application");
        }
        return r.node;
    }

    @Override
    public boolean hasRemoteCopy(long vpn) {
        Region r = region(vpn);
        if (r == null) {
            return false;
        }
        int p = (int) (vpn & ((1L << pagesPerRegionShift) - 1));
        return (r.written[p >>> 6] & (1L << p)) != 0;
    }

    @Override
    public void markRemoteCopy(long vpn) {
        Region r = region(vpn);
        int p = (int) (vpn & ((1L << pagesPerRegionShift) - 1));
        r.written[p >>> 6] |= 1L << p;
    }

    @Override
    public CompletableFuture<PageData> exchange(int node, long[] writeVpns, ByteBuf writeData, long[] readVpns) {
        NodeConnection c = nodes.get(node);
        PageBatch batch = new PageBatch(c.nextRequestId(), pageSize, addresses(writeVpns), writeData, addresses(readVpns));
        return c.send(batch).thenApply(m -> (PageData) m);
    }

    private long[] addresses(long[] vpns) {
        long[] a = new long[vpns.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = vpns[i] << pageShift;
        }
        return a;
    }

    /**
     * Allocates adjacent regions, each on the least used node that accepts it. When no node has
     * room, throws an {@link OutOfMemoryError} that names every node and its answer.
     */
    @Override
    public synchronized long allocateRegions(int count) {
        long first = nextRegion;
        Region[] grown = Arrays.copyOf(regions, (int) first + count);
        for (int k = 0; k < count; k++) {
            long base = (first + k) * regionSize;
            grown[(int) first + k] = new Region(placeRegion(base), 1 << pagesPerRegionShift);
        }
        regions = grown;
        nextRegion += count;
        return first * regionSize;
    }

    private int placeRegion(long base) {
        List<String> refusals = new ArrayList<>();
        Integer[] order = new Integer[nodes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(regionsOnNode[a], regionsOnNode[b]));
        for (int node : order) {
            NodeConnection c = nodes.get(node);
            try {
                Message ok = c.call(new RegionAlloc(c.nextRequestId(), base, regionSize));
                ok.release();
                regionsOnNode[node]++;
                return node;
            } catch (RemoteException e) {
                if (e.code() != ErrorCode.FULL) {
                    throw new IllegalStateException("region allocation refused by " + e.getMessage(), e);
                }
                refusals.add(e.getMessage());
            }
        }
        throw new OutOfMemoryError("LegoJ remote memory: no memnode has room for another region: "
                + String.join("; ", refusals));
    }

    @Override
    public void close() {
        for (NodeConnection c : nodes) {
            c.close();
        }
    }
}
