package corpus;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Weak references and weak map keys to objects that stay reachable through other objects' fields
 * only: they must not be cleared, whatever the JVM's collector does with the handles.
 */
public final class WeakRefs {
    private WeakRefs() {
    }

    static final class Item {
        final int id;
        Item next;

        Item(int id) {
            this.id = id;
        }
    }

    static final class Holder {
        Item first;
    }

    public static String run() {
        Holder h = new Holder();
        List<WeakReference<Item>> refs = new ArrayList<>();
        Map<Item, String> tags = new WeakHashMap<>();
        Item prev = null;
        for (int i = 0; i < 1000; i++) {
            Item it = new Item(i);
            refs.add(new WeakReference<>(it));
            tags.put(it, "tag" + i);
            if (prev == null) {
                h.first = it;
            } else {
                prev.next = it;
            }
            prev = it;
        }
        prev = null;
        for (int round = 0; round < 3; round++) {
            System.gc();
        }
        int alive = 0;
        for (WeakReference<Item> r : refs) {
            alive += r.get() != null ? 1 : 0;
        }
        int tagged = 0;
        for (Item x = h.first; x != null; x = x.next) {
            tagged += tags.containsKey(x) ? 1 : 0;
        }
        return "alive=" + alive + " tagged=" + tagged + " size=" + tags.size();
    }
}
