package io.legoj.runtime.objects;

import io.legoj.runtime.Mmu;
import io.legoj.runtime.Tlb;
import io.legoj.runtime.arrays.PrimitiveArray;
import io.legoj.runtime.arrays.RefArray;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Life cycle of remote objects: allocation on first use, identity hash codes, clones, and the
 * reclaiming of objects that died before remote memory could refer to them.
 */
public final class RemoteObjects {
    private static final LongAdder ALLOCATED = new LongAdder();
    private static final LongAdder RECLAIMED = new LongAdder();

    private RemoteObjects() {
    }

    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    /**
     * Allocates the remote storage of {@code handle} (header written, fields zero) unless another
     * thread did, and returns its address. Called by the handle's {@code $legoj$address()} when its
     * field is still 0; a lock stripe, never the handle's own monitor, makes it happen once.
     */
    public static long allocate(RemoteHandle handle) {
        synchronized (STRIPES[System.identityHashCode(handle) & (STRIPES.length - 1)]) {
            long bound = handle.$legoj$rawAddress();
            if (bound != 0) {
                return bound;
            }
            Layout layout = Layouts.of(handle.getClass());
            long address = Mmu.allocate(layout.size());
            Mmu.putInt(address + Layout.CLASS_ID, ClassIds.idOf(handle.getClass()));
            Mmu.putInt(address + Layout.IDENTITY_HASH, System.identityHashCode(handle));
            handle.$legoj$bind(address);
            Handles.register(handle, address);
            ALLOCATED.increment();
            return address;
        }
    }

    /** Remote objects allocated so far (clones included). */
    public static long allocated() {
        return ALLOCATED.sum();
    }

    /** Remote objects freed so far because they died before they escaped. */
    public static long reclaimed() {
        return RECLAIMED.sum();
    }

    /** Marks the object at {@code address} as referred to from remote memory, for good; true the first time. */
    static boolean escaped(long address) {
        Tlb t = Mmu.tlb();
        int word = t.getInt(address + Layout.CLASS_ID);
        if ((word & Layout.ESCAPED) == 0) {
            t.putInt(address + Layout.CLASS_ID, word | Layout.ESCAPED);
            return true;
        }
        return false;
    }

    /**
     * Called once the JVM collected the handle of the object at {@code address}. An object that never
     * escaped is unreachable now: its references to local objects are given back and its storage
     * freed. Arrays are left to their own memory. Only an object still in the page cache is looked
     * at: fetching one back from a memnode would cost a round trip per dead object, so an object
     * evicted before its handle died stays, like an escaped one.
     */
    static void reclaim(long address) {
        if (!Mmu.isResident(address)) {
            return;
        }
        Tlb t = Mmu.tlb();
        int word = t.getInt(address + Layout.CLASS_ID);
        if ((word & Layout.ESCAPED) != 0) {
            return;
        }
        Class<?> type = ClassIds.classOf(word);
        if (PrimitiveArray.class.isAssignableFrom(type) || type == RefArray.class) {
            return;
        }
        Layout layout = Layouts.of(type);
        if (!Mmu.isResident(address + layout.size() - 1)) {
            return;
        }
        for (long off : layout.references) {
            long ref = t.getLong(address + off);
            if (ref < 0) {
                LocalObjects.release(ref & Long.MAX_VALUE);
            }
        }
        Mmu.free(address);
        RECLAIMED.increment();
    }

    /** The address of a handle whose address field holds {@code raw}: allocates on first use. */
    public static long address(RemoteHandle handle, long raw) {
        return raw != 0 ? raw : allocate(handle);
    }

    /** The identity hash code, stable for the object's whole life even when its handle is re-created. */
    public static int identityHashCode(Object o) {
        if (o instanceof RemoteHandle h && h.$legoj$rawAddress() != 0) {
            int hash = Mmu.getInt(h.$legoj$rawAddress() + Layout.IDENTITY_HASH);
            Reference.reachabilityFence(o);
            return hash;
        }
        return System.identityHashCode(o);
    }

    /**
     * Gives a fresh clone (made by {@code Object.clone()}, so it shares the original's address) its
     * own storage with a copy of the original's fields.
     */
    public static Object afterClone(Object clone) {
        if (clone instanceof RemoteHandle h) {
            long from = h.$legoj$address();
            Layout layout = Layouts.of(clone.getClass());
            long to = Mmu.allocate(layout.size());
            Mmu.copy(from + Layout.HEADER, to + Layout.HEADER, layout.size() - Layout.HEADER);
            for (long off : layout.references) {
                long ref = Mmu.getLong(to + off);
                if (ref < 0) {
                    LocalObjects.retain(ref & Long.MAX_VALUE);
                }
            }
            Mmu.putInt(to + Layout.CLASS_ID, ClassIds.idOf(clone.getClass()));
            Mmu.putInt(to + Layout.IDENTITY_HASH, System.identityHashCode(clone));
            h.$legoj$bind(to);
            Handles.register(clone, to);
            ALLOCATED.increment();
        }
        return clone;
    }
}
