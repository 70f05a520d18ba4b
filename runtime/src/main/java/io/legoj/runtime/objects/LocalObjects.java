package io.legoj.runtime.objects;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Objects that stay in this JVM (JDK objects, instances of local classes) but are referenced from
 * remote memory: each gets an id, and the table keeps it alive while remote memory may refer to it.
 *
 * <p>An entry counts the stores of its object into remote memory ({@link #idOf}), never fewer than
 * the references remote memory holds. A remote object that dies before its address was ever stored
 * gives its references back ({@link #release}); an entry whose count reaches zero is gone, and its
 * id is used again. References held by objects that escaped stay until exit.
 */
public final class LocalObjects {
    private static final Map<Object, Integer> IDS = new IdentityHashMap<>();
    private static volatile Object[] objects = new Object[1024];
    private static int[] counts = new int[1024];
    private static int[] freeIds = new int[64];
    private static int freeCount;
    private static int next = 1;

    private LocalObjects() {
    }

    /** The id of {@code o} for one more reference in remote memory, registering it on first use. */
    public static long idOf(Object o) {
        synchronized (IDS) {
            Integer known = IDS.get(o);
            if (known != null) {
                counts[known]++;
                return known;
            }
            int n = freeCount > 0 ? freeIds[--freeCount] : next++;
            if (n >= objects.length) {
                objects = Arrays.copyOf(objects, objects.length * 2);
                counts = Arrays.copyOf(counts, objects.length);
            }
            objects[n] = o;
            counts[n] = 1;
            IDS.put(o, n);
            return n;
        }
    }

    /** One more reference to {@code id} in remote memory, copied there (a clone's fields). */
    public static void retain(long id) {
        synchronized (IDS) {
            int n = (int) id;
            if (n <= 0 || n >= next || counts[n] <= 0) {
                throw new IllegalStateException("local object " + id + " is not in the table");
            }
            counts[n]++;
        }
    }

    /** One reference to {@code id} left remote memory; the last one drops the entry. */
    public static void release(long id) {
        synchronized (IDS) {
            int n = (int) id;
            if (n <= 0 || n >= next || counts[n] <= 0) {
                throw new IllegalStateException("local object " + id + " released more often than stored");
            }
            if (--counts[n] == 0) {
                IDS.remove(objects[n]);
                objects[n] = null;
                if (freeCount == freeIds.length) {
                    freeIds = Arrays.copyOf(freeIds, freeCount * 2);
                }
                freeIds[freeCount++] = n;
            }
        }
    }

    public static Object get(long id) {
        Object[] all = objects;
        if (id <= 0 || id >= all.length || all[(int) id] == null) {
            synchronized (IDS) {
                all = objects;
            }
        }
        return all[(int) id];
    }

    public static int size() {
        synchronized (IDS) {
            return IDS.size();
        }
    }
}
