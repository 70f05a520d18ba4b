package io.legoj.runtime;

import io.legoj.protocol.PageData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A page backend in this JVM: one single-threaded executor per node stands for the node, so
 * requests to a node are answered asynchronously and in order, as over a connection.
 */
final class InMemoryBackend implements PageBackend, RegionSource, AutoCloseable {
    private final int pageSize;
    private final long regionSize;
    private final int nodes;
    private final Map<Long, byte[]> pages = new HashMap<>();
    private final Map<Long, Integer> regionNode = new HashMap<>();
    private final java.util.Set<Long> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService[] executors;
    private long nextRegion = 1;
    final AtomicInteger exchanges = new AtomicInteger();
    final AtomicInteger pagesWritten = new AtomicInteger();

    InMemoryBackend(int pageSize, long regionSize, int nodes) {
        this.pageSize = pageSize;
        this.regionSize = regionSize;
        this.nodes = nodes;
        this.executors = new ExecutorService[nodes];
        for (int i = 0; i < nodes; i++) {
            executors[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "in-memory-node");
                t.setDaemon(true);
                return t;
            });
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

    /** Leaves the first {@code count} regions unused, so that backends of one JVM need not share addresses. */
    synchronized void skipRegions(long count) {
        nextRegion += count;
    }

    @Override
    public synchronized long allocateRegions(int count) {
        long first = nextRegion;
        for (int k = 0; k < count; k++) {
            regionNode.put(first + k, (int) ((first + k) % nodes));
        }
        nextRegion += count;
        return first * regionSize;
    }

    @Override
    public synchronized int nodeOf(long vpn) {
        Integer n = regionNode.get((vpn * pageSize) / regionSize);
        if (n == null) {
            throw new IllegalArgumentException("page " + vpn + " is in no region");
        }
        return n;
    }

    @Override
    public boolean hasRemoteCopy(long vpn) {
        return written.contains(vpn);
    }

    @Override
    public void markRemoteCopy(long vpn) {
        written.add(vpn);
    }

    @Override
    public String nodeName(int node) {
        return "in-memory node " + node;
    }

    @Override
    public CompletableFuture<PageData> exchange(int node, long[] writeVpns, ByteBuf writeData, long[] readVpns) {
        exchanges.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            synchronized (pages) {
                for (int i = 0; i < writeVpns.length; i++) {
                    byte[] b = new byte[pageSize];
                    writeData.getBytes(writeData.readerIndex() + i * pageSize, b);
                    pages.put(writeVpns[i], b);
                    pagesWritten.incrementAndGet();
                }
                if (writeData != null) {
                    writeData.release();
                }
                boolean[] present = new boolean[readVpns.length];
                ByteBuf out = Unpooled.directBuffer(readVpns.length * pageSize);
                for (int i = 0; i < readVpns.length; i++) {
                    byte[] b = pages.get(readVpns[i]);
                    present[i] = b != null;
                    if (b != null) {
                        out.writeBytes(b);
                    }
                }
                return new PageData(0, pageSize, present, out);
            }
        }, executors[node]);
    }

    synchronized int storedPages() {
        synchronized (pages) {
            return pages.size();
        }
    }

    @Override
    public void close() {
        for (ExecutorService e : executors) {
            e.shutdownNow();
        }
    }
}
