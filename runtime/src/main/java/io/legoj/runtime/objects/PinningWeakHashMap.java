package io.legoj.runtime.objects;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * What rewritten code gets for {@code new WeakHashMap<>()}: a key that is a remote object is pinned
 * ({@link Handles#pin}), so the entry is not dropped while remote memory still holds the key. Every
 * insertion of {@link WeakHashMap} (and of {@code Map}'s default methods) goes through {@link #put}.
 */
public class PinningWeakHashMap<K, V> extends WeakHashMap<K, V> {
    public PinningWeakHashMap() {
    }

    public PinningWeakHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    public PinningWeakHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    public PinningWeakHashMap(Map<? extends K, ? extends V> m) {
        super(m.size() * 2 + 16);
        putAll(m);
    }

    @Override
    public V put(K key, V value) {
        Handles.pin(key);
        return super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }
}
