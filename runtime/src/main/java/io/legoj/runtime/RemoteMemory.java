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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The memory nodes of one application: the region table (which nodes hold which region: a primary
 * and, with replication, secondaries on other nodes, placed least used first), the record of pages
 * that have a remote copy, and the page requests. Write-backs go to every replica of their region
 * and count as done when all live replicas acknowledged; reads go to the primary. When a node fails,
 * its regions continue on their other replicas (a read that was waiting on it is sent again to the
 * new primary); only a region left without any replica loses data, and that is reported to
 * {@link #onNodeFailure} listeners.
 */
public final class RemoteMemory implements PageBackend, RegionSource, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RemoteMemory.class.getName());

    private final java.util.concurrent.atomic.AtomicReferenceArray<NodeConnection> nodes;
    private final int pageSize;
    private final int pageShift;
    private final long regionSize;
    private final int pagesPerRegionShift;
    private final int replicas;
    private final long[] regionsOnNode;
    private final boolean[] dead;
    private final List<Consumer<NodeFailureException>> lossListeners = new CopyOnWriteArrayList<>();
    /**
     * Orders write-backs against the copies that fill a new replica: both are sent holding it, so a
     * copy never lands on the new node after a newer write-back of the same page.
     */
    private final Object copyLock = new Object();
    private final Thread rereplicator;
    private volatile boolean closed;
    private final java.util.function.IntFunction<NodeConnection> reconnector;
    private final long reconnectNanos;
    /** Nodes being waited for after a failure; requests to them are parked. Guarded by this. */
    private final boolean[] reconnecting;
    /** Requests to reconnecting nodes, sent again in their original order once the node is back. Guarded by this. */
    private final List<Attempt> parked = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    /** One request that may be sent again; owns a reference to the write bytes until it is done. */
    private final class Attempt {
        final long seq = sequence.incrementAndGet();
        final int node;
        final long[] writes;
        final ByteBuf data;
        final long[] reads;
        final CompletableFuture<PageData> result = new CompletableFuture<>();

        Attempt(int node, long[] writes, ByteBuf data, long[] reads) {
            this.node = node;
            this.writes = writes;
            this.data = data;
            this.reads = reads;
        }

        /** Sends now, or parks while the node is being waited for; called holding the memory's lock. */
        void go() {
            if (reconnecting[node]) {
                parked.add(this);
                return;
            }
            rawSend(node, writes, data == null ? null : data.retainedDuplicate(), reads).whenComplete((d, e) -> {
                if (e == null) {
                    done();
                    result.complete(d);
                } else if (!parkIfWaiting(this, e)) {
                    done();
                    result.completeExceptionally(unwrap(e));
                }
            });
        }

        void done() {
            if (data != null && data.refCnt() > 0) {
                data.release();
            }
        }
    }
    private volatile Region[] regions = new Region[0];
    /** Region 0 is never handed out, so that address 0 stays null. */
    private int nextRegion = 1;

    private static final class Region {
        final long base;
        /** Live replicas, primary first; replaced whole when one fails or one is added. */
        volatile int[] nodes;
        final long[] written;
        /**
         * While a new replica is being filled: the pages written back since it joined. The copy must
         * not overwrite those with older bytes. Guarded by the region's monitor.
         */
        long[] fresh;
        /** Why the last replica went, once none is left. */
        volatile String lostBecause;

        Region(long base, int[] nodes, int pages) {
            this.base = base;
            this.nodes = nodes;
            this.written = new long[(pages + 63) >>> 6];
        }
    }

    public RemoteMemory(List<NodeConnection> nodes, int pageSize, long regionSize) {
        this(nodes, pageSize, regionSize, 1);
    }

    public RemoteMemory(List<NodeConnection> nodes, int pageSize, long regionSize, int replicas) {
        this(nodes, pageSize, regionSize, replicas, null, java.time.Duration.ZERO);
    }

    /**
     * @param reconnector  opens a new connection to node i (after it restarted), or null: a failed node is gone
     * @param reconnectWait how long requests to a failed node wait for it to come back before it counts as lost
     */
    public RemoteMemory(List<NodeConnection> nodes, int pageSize, long regionSize, int replicas,
            java.util.function.IntFunction<NodeConnection> reconnector, java.time.Duration reconnectWait) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes: at least one memory node is needed");
        }
        if (Long.bitCount(regionSize) != 1 || regionSize < pageSize) {
            throw new IllegalArgumentException("regionSize must be a power of two of at least one page, got " + regionSize);
        }
        if (replicas < 1 || replicas > nodes.size()) {
            throw new IllegalArgumentException("replicas must be from 1 to the number of memnodes (" + nodes.size()
                    + "), got " + replicas);
        }
        this.nodes = new java.util.concurrent.atomic.AtomicReferenceArray<>(nodes.toArray(NodeConnection[]::new));
        this.pageSize = pageSize;
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        this.regionSize = regionSize;
        this.pagesPerRegionShift = Long.numberOfTrailingZeros(regionSize) - pageShift;
        this.replicas = replicas;
        this.reconnector = reconnectWait.isZero() ? null : reconnector;
        this.reconnectNanos = reconnectWait.toNanos();
        this.reconnecting = new boolean[nodes.size()];
        this.regionsOnNode = new long[nodes.size()];
        this.dead = new boolean[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            int node = i;
            this.nodes.get(i).onFailure(e -> nodeFailed(node, e));
        }
        this.rereplicator = new Thread(this::rereplicate, "legoj-rereplication");
        this.rereplicator.setDaemon(true);
        if (replicas > 1) {
            this.rereplicator.start();
        }
    }

    /** Tells {@code listener} when a node fails that held the last replica of some region: data is lost. */
    public void onNodeFailure(Consumer<NodeFailureException> listener) {
        lossListeners.add(listener);
    }

    /** Replicas a new region gets. */
    public int replicas() {
        return replicas;
    }

    /** Takes the failed node out of every region; a region left without a replica is lost. */
    private void nodeFailed(int node, NodeFailureException cause) {
        synchronized (this) {
            if (dead[node] || reconnecting[node]) {
                return;
            }
            if (reconnector != null && !closed) {
                reconnecting[node] = true;
                Thread t = new Thread(() -> awaitReturn(node, cause), "legoj-reconnect-" + node);
                t.setDaemon(true);
                t.start();
                return;
            }
        }
        lose(node, cause);
    }

    /**
     * The node failed but may come back (a memnode restarted with its journal): requests to it wait,
     * and are sent again in their order once it is back; past the wait, it is lost.
     */
    private void awaitReturn(int node, NodeFailureException cause) {
        String name = nodes.get(node).node();
        LOG.log(System.Logger.Level.WARNING, "[legoj] " + cause.getMessage() + "; waiting up to "
                + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(reconnectNanos) + " ms for it to come back");
        long deadline = System.nanoTime() + reconnectNanos;
        while (!closed && System.nanoTime() < deadline) {
            try {
                NodeConnection c = reconnector.apply(node);
                c.onFailure(e -> nodeFailed(node, e));
                synchronized (this) {
                    nodes.set(node, c);
                    reconnecting[node] = false;
                    for (Attempt a : takeParked(node)) {
                        a.go();
                    }
                }
                LOG.log(System.Logger.Level.WARNING, "[legoj] " + name + " is back");
                return;
            } catch (NodeFailureException | io.legoj.protocol.RemoteException e) {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            }
        }
        List<Attempt> failed;
        synchronized (this) {
            reconnecting[node] = false;
            failed = takeParked(node);
        }
        lose(node, new NodeFailureException(cause.node(), cause.getMessage().substring(cause.node().length() + 2)
                + ", and it did not come back within "
                + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(reconnectNanos) + " ms"));
        for (Attempt a : failed) {
            a.done();
            a.result.completeExceptionally(cause);
        }
    }

    /** The parked requests of {@code node} in their original order, taken off the list. Holding this. */
    private List<Attempt> takeParked(int node) {
        List<Attempt> mine = new ArrayList<>();
        parked.removeIf(a -> a.node == node && mine.add(a));
        mine.sort(java.util.Comparator.comparingLong(a -> a.seq));
        return mine;
    }

    private synchronized boolean parkIfWaiting(Attempt a, Throwable e) {
        if (unwrap(e) instanceof NodeFailureException && reconnecting[a.node]) {
            parked.add(a);
            return true;
        }
        return false;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** The node is gone: it leaves every region; a region left without replicas is lost. */
    private void lose(int node, NodeFailureException cause) {
        List<Long> lost = new ArrayList<>();
        int continuing = 0;
        synchronized (this) {
            if (dead[node]) {
                return;
            }
            dead[node] = true;
            for (Region r : regions) {
                if (r != null && contains(r.nodes, node)) {
                    r.nodes = without(r.nodes, node);
                    if (r.nodes.length == 0) {
                        r.lostBecause = cause.getMessage();
                        lost.add(r.base);
                    } else {
                        continuing++;
                    }
                }
            }
        }
        if (lost.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "[legoj] " + cause.getMessage() + "; " + continuing
                    + " regions go on with their other replicas");
            synchronized (this) {
                notifyAll();
            }
            return;
        }
        NodeFailureException loss = replicas == 1 ? cause : new NodeFailureException(cause.node(), cause.getMessage()
                .substring(cause.node().length() + 2) + "; it held the last replica of " + lost.size()
                + " regions (first at 0x" + Long.toHexString(lost.isEmpty() ? 0 : lost.get(0)) + ")");
        for (Consumer<NodeFailureException> l : lossListeners) {
            l.accept(loss);
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static int[] without(int[] a, int v) {
        return java.util.Arrays.stream(a).filter(x -> x != v).toArray();
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
        return nodes.length();
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

    /** The region's primary: its first live replica. */
    @Override
    public int nodeOf(long vpn) {
        Region r = region(vpn);
        if (r == null) {
            throw new IllegalArgumentException("address 0x" + Long.toHexString(vpn << pageShift)
                    + " is not in any region of this application");
        }
        int[] live = r.nodes;
        if (live.length == 0) {
            throw new LegojError("LegoJ remote memory: the region at 0x" + Long.toHexString(r.base)
                    + " lost its last replica: " + r.lostBecause, null);
        }
        return live[0];
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

    /**
     * Writes go to {@code node} (the primary of every page written) and to the other replicas of
     * each page's region; reads go to {@code node}, or to the next primary if {@code node} fails
     * first. Completes when every live replica has the writes and the reads are in.
     */
    @Override
    public CompletableFuture<PageData> exchange(int node, long[] writeVpns, ByteBuf writeData, long[] readVpns) {
        synchronized (copyLock) {
            markFresh(writeVpns);
            return exchangeLocked(node, writeVpns, writeData, readVpns);
        }
    }

    /** Records pages written back while a region gets a new replica (see {@link Region#fresh}). */
    private void markFresh(long[] writeVpns) {
        for (long v : writeVpns) {
            Region r = region(v);
            if (r.fresh != null) {
                int p = (int) (v & ((1L << pagesPerRegionShift) - 1));
                r.fresh[p >>> 6] |= 1L << p;
            }
        }
    }

    private CompletableFuture<PageData> exchangeLocked(int node, long[] writeVpns, ByteBuf writeData, long[] readVpns) {
        List<CompletableFuture<Void>> copies = writeVpns.length == 0 || replicas == 1 ? List.of()
                : sendToSecondaries(node, writeVpns, writeData);
        CompletableFuture<PageData> primary = send(node, writeVpns, writeData, readVpns)
                .handle((d, e) -> d != null ? CompletableFuture.completedFuture(d) : failedOver(node, e, readVpns))
                .thenCompose(f -> f);
        if (copies.isEmpty()) {
            return primary;
        }
        return CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).thenCompose(x -> primary);
    }

    /** Sends one batch; ownership of {@code writeData} passes. With reconnection, the batch may be sent again. */
    private CompletableFuture<PageData> send(int node, long[] writeVpns, ByteBuf writeData, long[] readVpns) {
        if (reconnector == null) {
            return rawSend(node, writeVpns, writeData, readVpns);
        }
        Attempt a = new Attempt(node, writeVpns, writeData, readVpns);
        synchronized (this) {
            a.go();
        }
        return a.result;
    }

    private CompletableFuture<PageData> rawSend(int node, long[] writeVpns, ByteBuf writeData, long[] readVpns) {
        NodeConnection c = nodes.get(node);
        PageBatch batch = new PageBatch(c.nextRequestId(), pageSize, addresses(writeVpns), writeData, addresses(readVpns));
        return c.send(batch).thenApply(m -> (PageData) m);
    }

    /**
     * After {@code node} failed: its writes are on the other replicas (or lost, which
     * {@link #nodeFailed} reports), and its reads are asked of the new primary. The connection may
     * fail a request before it told {@link #nodeFailed}, so this tells it first (it acts once).
     */
    private CompletableFuture<PageData> failedOver(int node, Throwable e, long[] readVpns) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (!(cause instanceof NodeFailureException) || replicas == 1) {
            return CompletableFuture.failedFuture(cause);
        }
        if (readVpns.length == 0) {
            return CompletableFuture.completedFuture(new PageData(0, pageSize, new boolean[0],
                    io.netty.buffer.Unpooled.EMPTY_BUFFER));
        }
        nodeFailed(node, (NodeFailureException) cause);
        int next;
        try {
            next = nodeOf(readVpns[0]);
        } catch (LegojError lost) {
            return CompletableFuture.failedFuture(lost);
        }
        return next == node ? CompletableFuture.failedFuture(cause) : send(next, new long[0], null, readVpns)
                .handle((d, e2) -> d != null ? CompletableFuture.completedFuture(d) : failedOver(next, e2, readVpns))
                .thenCompose(f -> f);
    }

    /** Copies of the written pages for each other replica of their regions; a failed replica only drops out. */
    private List<CompletableFuture<Void>> sendToSecondaries(int primary, long[] writeVpns, ByteBuf writeData) {
        java.util.Map<Integer, List<Integer>> pagesByNode = new java.util.TreeMap<>();
        for (int i = 0; i < writeVpns.length; i++) {
            for (int n : region(writeVpns[i]).nodes) {
                if (n != primary) {
                    pagesByNode.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
                }
            }
        }
        List<CompletableFuture<Void>> copies = new ArrayList<>();
        for (var entry : pagesByNode.entrySet()) {
            List<Integer> pages = entry.getValue();
            long[] vpns;
            ByteBuf copy;
            if (pages.size() == writeVpns.length) {
                vpns = writeVpns;
                copy = writeData.retainedDuplicate();
            } else {
                vpns = new long[pages.size()];
                copy = io.netty.buffer.ByteBufAllocator.DEFAULT.directBuffer(pages.size() * pageSize);
                for (int k = 0; k < vpns.length; k++) {
                    int i = pages.get(k);
                    vpns[k] = writeVpns[i];
                    copy.writeBytes(writeData, writeData.readerIndex() + i * pageSize, pageSize);
                }
            }
            int node = entry.getKey();
            copies.add(send(node, vpns, copy, new long[0]).handle((d, e) -> {
                if (d != null) {
                    d.release();
                } else {
                    dropReplica(node, vpns, e);
                }
                return null;
            }));
        }
        return copies;
    }

    /**
     * A secondary that refused a write (full, say) no longer counts as a replica of those regions; a
     * failed node is {@link #nodeFailed}'s business.
     */
    private void dropReplica(int node, long[] vpns, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NodeFailureException) {
            return;
        }
        synchronized (this) {
            for (long v : vpns) {
                Region r = region(v);
                if (contains(r.nodes, node) && r.nodes.length > 1) {
                    r.nodes = without(r.nodes, node);
                }
            }
        }
        LOG.log(System.Logger.Level.WARNING, "[legoj] " + nodes.get(node).node() + " dropped as a replica: " + cause);
    }

    private long[] addresses(long[] vpns) {
        long[] a = new long[vpns.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = vpns[i] << pageShift;
        }
        return a;
    }

    /**
     * Allocates adjacent regions, each on the least used live nodes that accept it, one replica per
     * node. When no node has room, throws an {@link OutOfMemoryError} that names every node and its
     * answer.
     */
    @Override
    public synchronized long allocateRegions(int count) {
        long first = nextRegion;
        Region[] grown = Arrays.copyOf(regions, (int) first + count);
        for (int k = 0; k < count; k++) {
            long base = (first + k) * regionSize;
            grown[(int) first + k] = new Region(base, placeRegion(base), 1 << pagesPerRegionShift);
        }
        regions = grown;
        nextRegion += count;
        return first * regionSize;
    }

    private int[] placeRegion(long base) {
        List<String> refusals = new ArrayList<>();
        Integer[] order = new Integer[nodes.length()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(regionsOnNode[a], regionsOnNode[b]));
        List<Integer> chosen = new ArrayList<>();
        for (int node : order) {
            if (chosen.size() == replicas) {
                break;
            }
            if (dead[node]) {
                refusals.add(nodes.get(node).node() + " failed");
                continue;
            }
            NodeConnection c = nodes.get(node);
            try {
                Message ok = c.call(new RegionAlloc(c.nextRequestId(), base, regionSize));
                ok.release();
                regionsOnNode[node]++;
                chosen.add(node);
            } catch (RemoteException e) {
                if (e.code() != ErrorCode.FULL) {
                    throw new IllegalStateException("region allocation refused by " + e.getMessage(), e);
                }
                refusals.add(e.getMessage());
            } catch (NodeFailureException e) {
                refusals.add(e.getMessage());
            }
        }
        if (chosen.isEmpty()) {
            throw new OutOfMemoryError("LegoJ remote memory: no memnode has room for another region: "
                    + String.join("; ", refusals));
        }
        if (chosen.size() < replicas) {
            LOG.log(System.Logger.Level.WARNING, "[legoj] region at 0x" + Long.toHexString(base) + " has "
                    + chosen.size() + " of " + replicas + " replicas: " + String.join("; ", refusals));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Background: gives every region that has fewer live replicas than wanted a new one on another
     * live node, and copies its pages there from the primary. Woken by node failures.
     */
    private void rereplicate() {
        while (!closed) {
            Region r = underReplicated();
            if (r == null) {
                synchronized (this) {
                    try {
                        wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            try {
                addReplica(r);
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.log(System.Logger.Level.WARNING, "[legoj] region at 0x" + Long.toHexString(r.base)
                        + " stays with " + r.nodes.length + " of " + replicas + " replicas: " + e.getMessage());
                synchronized (this) {
                    try {
                        wait(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    /** A region below its replica count that some live node outside it could take, or null. */
    private synchronized Region underReplicated() {
        for (Region r : regions) {
            if (r != null && r.nodes.length > 0 && r.nodes.length < replicas && candidate(r) >= 0) {
                return r;
            }
        }
        return null;
    }

    /** The least used live node that is not a replica of {@code r}, or -1. */
    private synchronized int candidate(Region r) {
        int best = -1;
        for (int n = 0; n < nodes.length(); n++) {
            if (!dead[n] && !contains(r.nodes, n) && (best < 0 || regionsOnNode[n] < regionsOnNode[best])) {
                best = n;
            }
        }
        return best;
    }

    private void addReplica(Region r) {
        int target = candidate(r);
        NodeConnection c = nodes.get(target);
        c.call(new RegionAlloc(c.nextRequestId(), r.base, regionSize)).release();
        int pages = 1 << pagesPerRegionShift;
        synchronized (copyLock) {
            r.fresh = new long[r.written.length];
            synchronized (this) {
                regionsOnNode[target]++;
                r.nodes = java.util.stream.IntStream.concat(java.util.Arrays.stream(r.nodes),
                        java.util.stream.IntStream.of(target)).toArray();
            }
        }
        try {
            long first = r.base >>> pageShift;
            List<Long> batch = new ArrayList<>();
            for (int p = 0; p < pages; p++) {
                if ((r.written[p >>> 6] & (1L << p)) != 0) {
                    batch.add(first + p);
                }
                if (batch.size() == 64 || p == pages - 1 && !batch.isEmpty()) {
                    copy(r, target, batch.stream().mapToLong(Long::longValue).toArray());
                    batch.clear();
                }
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                r.nodes = without(r.nodes, target);
            }
            throw e;
        } finally {
            synchronized (copyLock) {
                r.fresh = null;
            }
        }
        LOG.log(System.Logger.Level.INFO, "[legoj] region at 0x" + Long.toHexString(r.base) + " has a new replica on "
                + c.node());
    }

    /**
     * Reads pages from the region's primary, then writes to {@code target} those not written back
     * since it joined; the write is sent holding {@link #copyLock} and awaited after.
     */
    private void copy(Region r, int target, long[] vpns) {
        PageData d = send(r.nodes[0], new long[0], null, vpns).join();
        CompletableFuture<PageData> written;
        try {
            synchronized (copyLock) {
                List<Integer> keep = new ArrayList<>();
                int at = d.data().readerIndex();
                int[] offsets = new int[vpns.length];
                for (int i = 0; i < vpns.length; i++) {
                    offsets[i] = d.present(i) ? at : -1;
                    at += d.present(i) ? pageSize : 0;
                    int p = (int) (vpns[i] & ((1L << pagesPerRegionShift) - 1));
                    if (d.present(i) && (r.fresh[p >>> 6] & (1L << p)) == 0) {
                        keep.add(i);
                    }
                }
                if (keep.isEmpty()) {
                    return;
                }
                long[] out = new long[keep.size()];
                ByteBuf bytes = io.netty.buffer.ByteBufAllocator.DEFAULT.directBuffer(keep.size() * pageSize);
                for (int k = 0; k < out.length; k++) {
                    out[k] = vpns[keep.get(k)];
                    bytes.writeBytes(d.data(), offsets[keep.get(k)], pageSize);
                }
                written = send(target, out, bytes, new long[0]);
            }
        } finally {
            d.release();
        }
        written.join().release();
    }

    /** The live replicas of the region holding {@code vpn}, primary first (for tests and statistics). */
    public int[] replicasOf(long vpn) {
        return region(vpn).nodes.clone();
    }

    @Override
    public void close() {
        closed = true;
        rereplicator.interrupt();
        for (int i = 0; i < nodes.length(); i++) {
            nodes.get(i).close();
        }
    }
}
