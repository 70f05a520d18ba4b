package io.legoj.runtime.objects;

import java.util.Arrays;

/** Small integer ids for remote classes, stored in object headers so a handle can be re-created. */
public final class ClassIds {
    private static final ClassValue<Integer> IDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return register(type);
        }
    };
    private static volatile Class<?>[] byId = new Class<?>[64];
    private static int next = 1;

    private ClassIds() {
    }

    public static int idOf(Class<?> c) {
        return IDS.get(c);
    }

    public static Class<?> classOf(int id) {
        Class<?>[] all = byId;
        Class<?> c = id > 0 && id < all.length ? all[id] : null;
        if (c == null) {
            throw new IllegalStateException("no class with LegoJ class id " + id + ": remote memory is corrupt");
        }
        return c;
    }

    private static synchronized int register(Class<?> c) {
        int id = next++;
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, byId.length * 2);
        }
        byId[id] = c;
        return id;
    }
}
