package io.legoj.runtime.objects;

import io.legoj.runtime.Mmu;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * The canonical handle of each remote object: at most one live handle per address, so identity,
 * locks and {@code wait/notify} behave as before. A handle nothing local refers to is collected by
 * the JVM; loading the reference again makes a new one, without running a constructor.
 */
public final class Handles {
    private static final Unsafe U = unsafe();
    private static final HandleTable TABLE = new HandleTable();
    /**
     * Handles used lately, held strongly, direct mapped by address: a hit costs one array slot and
     * its entry, and keeps the JVM from collecting and re-creating the handles a loop keeps coming
     * back to. Bounded by the heap the JVM was given, so the local heap still does not grow with the
     * number of objects. An entry holds the address beside the handle: asking the handle for its
     * address was an interface call on whichever of the application's classes the handle is, a
     * fifth of a kvstore's samples where many classes meet here.
     */
    private static final int RECENT_BITS = recentBits(Runtime.getRuntime().maxMemory());
    private static final Recent[] RECENT = new Recent[1 << RECENT_BITS];

    private record Recent(long address, Object handle) {
    }

    private static final java.util.Map<Object, Boolean> PINNED = new java.util.IdentityHashMap<>();

    private Handles() {
    }

    /**
     * Records {@code handle} as the canonical handle of {@code address} (a new object), and reclaims
     * the objects whose handles the JVM collected meanwhile.
     */
    public static void register(Object handle, long address) {
        TABLE.put(address, handle);
        reclaimCollected();
    }

    private static void reclaimCollected() {
        long[] dead = TABLE.takeCollected();
        if (dead != null) {
            for (long a : dead) {
                RemoteObjects.reclaim(a);
            }
        }
    }

    /** The live handle of {@code address}, or a new one bound to it. */
    public static Object of(long address) {
        int i = recentSlot(address);
        Recent r = RECENT[i];
        if (r != null && r.address == address) {
            return r.handle;
        }
        Object h = TABLE.get(address);
        if (h == null) {
            h = TABLE.getOrCreate(address, Handles::instantiate);
            reclaimCollected();
        }
        RECENT[i] = new Recent(address, h);
        return h;
    }

    /**
     * Puts the handle of an object that just escaped among the recent ones: the structure it was
     * linked into is usually read back soon (a tree checked after it was built, a value after it
     * was set), and an escaped object is never reclaimed, so keeping its handle delays nothing.
     */
    static void remember(long address, Object handle) {
        RECENT[recentSlot(address)] = new Recent(address, handle);
    }

    private static int recentSlot(long address) {
        return (int) ((address * 0x9E3779B97F4A7C15L) >>> (64 - RECENT_BITS));
    }

    /**
     * Log2 of the entries of {@link #RECENT}: one per KiB of maximum heap, between 16 Ki and 1 Mi.
     * The slot, its entry and the handle it keeps alive take about 55 bytes, some 5 % of the heap
     * when full.
     */
    static int recentBits(long maxHeap) {
        long entries = Math.max(1L << 14, Math.min(1L << 20, maxHeap / 1024));
        return 63 - Long.numberOfLeadingZeros(entries);
    }

    private static Object instantiate(long address) {
        Class<?> type = ClassIds.classOf(Mmu.getInt(address + Layout.CLASS_ID) & ~Layout.ESCAPED);
        try {
            RemoteHandle h = (RemoteHandle) U.allocateInstance(type);
            h.$legoj$bind(address);
            return h;
        } catch (InstantiationException e) {
            throw new IllegalStateException("cannot re-create a handle of " + type.getName(), e);
        }
    }

    /**
     * Keeps the handle of {@code o} (when it is remote) alive for good: weak and soft references and
     * weak map keys see the handle, and must not be cleared while remote memory still holds the
     * object. Without a remote collector objects live until exit anyway. Returns {@code o}.
     */
    public static Object pin(Object o) {
        if (o instanceof RemoteHandle) {
            synchronized (PINNED) {
                PINNED.put(o, Boolean.TRUE);
            }
        }
        return o;
    }

    /** Handles currently recorded (live or not yet found collected). */
    public static int size() {
        return TABLE.size();
    }

    private static Unsafe unsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
