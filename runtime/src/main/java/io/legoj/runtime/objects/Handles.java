package io.legoj.runtime.objects;

import io.legoj.runtime.Mmu;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;
import sun.misc.Unsafe;

/**
 * The canonical handle of each remote object: at most one live handle per address, so identity,
 * locks and {@code wait/notify} behave as before. A handle nothing local refers to is collected by
 * the JVM; loading the reference again makes a new one, without running a constructor.
 */
public final class Handles {
    private static final Unsafe U = unsafe();
    private static final ConcurrentHashMap<Long, Ref> TABLE = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
    private static final java.util.Map<Object, Boolean> PINNED = new java.util.IdentityHashMap<>();

    private static final class Ref extends WeakReference<Object> {
        final long address;

        Ref(Object handle, long address) {
            super(handle, CLEARED);
            this.address = address;
        }
    }

    private Handles() {
    }

    /** Records {@code handle} as the canonical handle of {@code address} (a new object). */
    static void register(Object handle, long address) {
        expunge();
        TABLE.put(address, new Ref(handle, address));
    }

    /** The live handle of {@code address}, or a new one bound to it. */
    public static Object of(long address) {
        Ref r = TABLE.get(address);
        Object h = r == null ? null : r.get();
        return h != null ? h : recreate(address);
    }

    private static Object recreate(long address) {
        expunge();
        Object[] made = new Object[1];
        TABLE.compute(address, (a, old) -> {
            Object live = old == null ? null : old.get();
            if (live != null) {
                made[0] = live;
                return old;
            }
            made[0] = instantiate(address);
            return new Ref(made[0], address);
        });
        return made[0];
    }

    private static Object instantiate(long address) {
        Class<?> type = ClassIds.classOf(Mmu.getInt(address + Layout.CLASS_ID));
        try {
            RemoteHandle h = (RemoteHandle) U.allocateInstance(type);
            h.$legoj$bind(address);
            return h;
        } catch (InstantiationException e) {
            throw new IllegalStateException("cannot re-create a handle of " + type.getName(), e);
        }
    }

    private static void expunge() {
        for (Object r; (r = CLEARED.poll()) != null; ) {
            Ref ref = (Ref) r;
            TABLE.remove(ref.address, ref);
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
