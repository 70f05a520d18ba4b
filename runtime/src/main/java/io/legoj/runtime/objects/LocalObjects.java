package io.legoj.runtime.objects;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Objects that stay in this JVM (JDK objects, instances of local classes) but are referenced from
 * remote memory: each gets a stable id, and the table keeps it alive while remote memory may refer
 * to it. Ids are never reused until remote garbage collection exists.
 */
public final class LocalObjects {
    private static final Map<Object, Long> IDS = new IdentityHashMap<>();
    private static volatile Object[] objects = new Object[1024];
    private static int next = 1;

    private LocalObjects() {
    }

    /** The id of {@code o}, registering it on first use. */
    public static long idOf(Object o) {
        synchronized (IDS) {
            Long id = IDS.get(o);
            if (id != null) {
                return id;
            }
            int n = next++;
            if (n >= objects.length) {
                objects = Arrays.copyOf(objects, objects.length * 2);
            }
            objects[n] = o;
            IDS.put(o, (long) n);
            return n;
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
