package io.legoj.runtime.objects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * Address to weak handle, with lock-free lookups: open addressing over a {@code long[]} of keys, so
 * a lookup touches one slot of keys and one reference object, not a chain of boxed nodes. Writers
 * (inserts, removal of cleared references, growth) hold this object's lock. A reader that races with
 * a writer may miss; it then retries under the lock, so it never returns a wrong handle: every
 * reference carries its address and is checked.
 */
final class HandleTable {
    private static final VarHandle KEY = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long EMPTY = 0;

    /** A weak reference to a handle that remembers its address, so a cleared one can be removed. */
    static final class Ref extends WeakReference<Object> {
        final long address;

        Ref(Object handle, long address, ReferenceQueue<Object> queue) {
            super(handle, queue);
            this.address = address;
        }
    }

    private static final class Slots {
        final long[] keys;
        final Ref[] refs;

        Slots(int capacity) {
            keys = new long[capacity];
            refs = new Ref[capacity];
        }
    }

    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    private volatile Slots slots = new Slots(1 << 12);
    private int size;
    /** Addresses whose handles the JVM collected since the last {@link #takeCollected}. */
    private long[] collected = new long[64];
    private int collectedCount;

    private static int home(long address, int mask) {
        long h = address * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The live handle at {@code address}, or null (also, rarely, while a writer moves slots). */
    Object get(long address) {
        Slots s = slots;
        int mask = s.keys.length - 1;
        for (int i = home(address, mask); ; i = (i + 1) & mask) {
            long k = (long) KEY.getAcquire(s.keys, i);
            if (k == EMPTY) {
                return null;
            }
            if (k == address) {
                Ref r = s.refs[i];
                return r != null && r.address == address ? r.get() : null;
            }
        }
    }

    /** The live handle at {@code address}, or the one {@code make} creates and records, under the lock. */
    synchronized Object getOrCreate(long address, java.util.function.LongFunction<Object> make) {
        expunge();
        Slots s = slots;
        int mask = s.keys.length - 1;
        int i = home(address, mask);
        for (; s.keys[i] != EMPTY; i = (i + 1) & mask) {
            if (s.keys[i] == address) {
                Object live = s.refs[i].get();
                if (live != null) {
                    return live;
                }
                Object h = make.apply(address);
                s.refs[i] = new Ref(h, address, cleared);
                return h;
            }
        }
        Object h = make.apply(address);
        insert(s, i, address, new Ref(h, address, cleared));
        return h;
    }

    /** Records {@code handle} for {@code address}, replacing whatever was there. */
    synchronized void put(long address, Object handle) {
        expunge();
        Slots s = slots;
        int mask = s.keys.length - 1;
        int i = home(address, mask);
        for (; s.keys[i] != EMPTY; i = (i + 1) & mask) {
            if (s.keys[i] == address) {
                s.refs[i] = new Ref(handle, address, cleared);
                return;
            }
        }
        insert(s, i, address, new Ref(handle, address, cleared));
    }

    private void insert(Slots s, int i, long address, Ref ref) {
        s.refs[i] = ref;
        KEY.setRelease(s.keys, i, address);
        if (++size * 2 > s.keys.length) {
            grow(s);
        }
    }

    /**
     * Rehashes without the entries whose handles the JVM cleared already (they may not be enqueued
     * yet, when the reference handler runs late), at twice the size only when the live ones need it:
     * a table that doubled for dead entries took a 128 MB heap's last free space in a loaded CI run.
     */
    private void grow(Slots old) {
        Ref[] live = new Ref[size];
        int n = 0;
        for (int j = 0; j < old.keys.length; j++) {
            Ref r = old.refs[j];
            if (old.keys[j] != EMPTY && r != null && !r.refersTo(null)) {
                live[n++] = r;
            }
        }
        Slots s = new Slots(4 * n > old.keys.length ? old.keys.length * 2 : old.keys.length);
        int mask = s.keys.length - 1;
        for (int j = 0; j < n; j++) {
            Ref r = live[j];
            int i = home(r.address, mask);
            while (s.keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            s.keys[i] = r.address;
            s.refs[i] = r;
        }
        size = n;
        slots = s;
    }

    /** Removes the entries whose handles the JVM collected, and remembers their addresses. */
    private void expunge() {
        for (Object o; (o = cleared.poll()) != null; ) {
            Ref r = (Ref) o;
            remove(r);
            if (collectedCount == collected.length) {
                collected = Arrays.copyOf(collected, collectedCount * 2);
            }
            collected[collectedCount++] = r.address;
        }
    }

    /** The addresses whose handles were collected since the last call, or null if none; each is given once. */
    synchronized long[] takeCollected() {
        expunge();
        if (collectedCount == 0) {
            return null;
        }
        long[] out = Arrays.copyOf(collected, collectedCount);
        collectedCount = 0;
        return out;
    }

    private void remove(Ref ref) {
        Slots s = slots;
        int mask = s.keys.length - 1;
        int i = home(ref.address, mask);
        while (s.keys[i] != ref.address) {
            if (s.keys[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        if (s.refs[i] != ref) {
            return;
        }
        size--;
        for (int j = (i + 1) & mask; ; j = (j + 1) & mask) {
            long k = s.keys[j];
            if (k == EMPTY) {
                break;
            }
            int h = home(k, mask);
            boolean between = i <= j ? (i < h && h <= j) : (i < h || h <= j);
            if (!between) {
                s.refs[i] = s.refs[j];
                KEY.setRelease(s.keys, i, k);
                i = j;
            }
        }
        s.refs[i] = null;
        KEY.setRelease(s.keys, i, EMPTY);
    }

    /** Slots of the table, live or not. */
    synchronized int capacity() {
        return slots.keys.length;
    }

    synchronized int size() {
        expunge();
        return size;
    }
}
