package io.legoj.memnode;

import io.legoj.protocol.ErrorCode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * All pages of the node: one {@link AppSpace} per application, the {@link PagePool} of each page
 * size, and the {@link Capacity}. Attaching and detaching connections and expiring leases take this
 * object's monitor; page requests only take the monitor of their application (never this one while
 * holding it), so applications do not wait for each other.
 */
final class PageStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PageStore.class.getName());

    private final Capacity capacity;
    private final ChangeLog log;
    private final Map<String, AppSpace> apps = new HashMap<>();
    private final Map<Integer, PagePool> pools = new HashMap<>();
    private boolean closed;

    /** An empty store whose spaces record their changes in {@code log}. */
    PageStore(long capacity, Supplier<String> node, ChangeLog log) {
        this.capacity = new Capacity(capacity, node);
        this.log = log;
    }

    Capacity capacity() {
        return capacity;
    }

    /**
     * The space of {@code appId}, created with {@code pageSize} if the application has none, with one
     * more connection. PAGE_SIZE_MISMATCH if the application already uses another page size.
     */
    synchronized AppSpace attach(String appId, int pageSize) {
        if (closed) {
            throw new StoreException(ErrorCode.INTERNAL, "the memnode is shutting down");
        }
        AppSpace space = apps.get(appId);
        if (space == null) {
            space = new AppSpace(appId, pool(pageSize), capacity, log);
            apps.put(appId, space);
        } else if (space.pageSize() != pageSize) {
            throw new StoreException(ErrorCode.PAGE_SIZE_MISMATCH, "application " + appId + " uses pages of "
                    + space.pageSize() + " bytes on this node, this connection asked for " + pageSize);
        }
        space.connect();
        return space;
    }

    /** One connection of the space's application closed at {@code now}; the lease starts with the last. */
    synchronized void detach(AppSpace space, long now) {
        space.disconnect(now);
    }

    /** Frees the pages of every application without connections for {@code leaseNanos}; returns how many. */
    synchronized int expireLeases(long now, long leaseNanos) {
        int expired = 0;
        for (Iterator<AppSpace> it = apps.values().iterator(); it.hasNext(); ) {
            AppSpace space = it.next();
            if (space.leaseExpired(now, leaseNanos)) {
                long pages = expire(space);
                it.remove();
                expired++;
                LOG.log(Level.INFO, () -> "lease of application " + space.appId() + " expired: freed " + pages
                        + " pages of " + space.pageSize() + " bytes");
            }
        }
        return expired;
    }

    /**
     * Brings back application {@code appId} from the journal: its regions and memory for its pages
     * (filled in by the caller), without connections since {@code now}. Only before the node serves.
     */
    synchronized AppSpace restore(String appId, int pageSize, Regions regions, long[] pageAddresses, long now) {
        AppSpace space = AppSpace.restored(appId, pool(pageSize), capacity, log, regions, pageAddresses, now);
        apps.put(appId, space);
        return space;
    }

    /** The spaces of all applications, at this moment. */
    synchronized List<AppSpace> spaces() {
        return new ArrayList<>(apps.values());
    }

    synchronized int applications() {
        return apps.size();
    }

    synchronized long chunks() {
        long n = 0;
        for (PagePool p : pools.values()) {
            n += p.chunkCount();
        }
        return n;
    }

    private PagePool pool(int pageSize) {
        return pools.computeIfAbsent(pageSize, size -> new PagePool(size, capacity));
    }

    /** Expires {@code space}; if the log refuses, frees it anyway (it may come back after a restart, for one more lease). */
    private static long expire(AppSpace space) {
        try {
            return space.expire();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "cannot journal the release of application " + space.appId()
                    + "; freeing its pages anyway", e);
            return space.release();
        }
    }

    /** Frees all memory; every later request fails. */
    @Override
    public synchronized void close() {
        closed = true;
        for (AppSpace space : apps.values()) {
            space.release();
        }
        apps.clear();
        for (PagePool pool : pools.values()) {
            pool.close();
        }
    }
}
