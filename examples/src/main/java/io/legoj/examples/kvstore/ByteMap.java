package io.legoj.examples.kvstore;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A hash table from {@code byte[]} keys (compared by content) to values, with separate chaining, a
 * power-of-two bucket array that doubles at a load of 3/4, and iteration in insertion order (a
 * doubly linked list through the nodes, as Redis's small hashes keep it). Not thread-safe.
 */
final class ByteMap<V> {
    private static final int MIN_BUCKETS = 16;

    private static final class Node<V> {
        final byte[] key;
        final int hash;
        V value;
        Node<V> next;
        Node<V> before;
        Node<V> after;

        Node(byte[] key, int hash, V value) {
            this.key = key;
            this.hash = hash;
            this.value = value;
        }
    }

    private Object[] buckets = new Object[MIN_BUCKETS];
    private Node<V> head;
    private Node<V> tail;
    private int size;

    int size() {
        return size;
    }

    V get(byte[] key) {
        Node<V> n = find(key, hash(key));
        return n == null ? null : n.value;
    }

    /** Sets the value and returns the previous one, or null when the key is new (it goes last). */
    V put(byte[] key, V value) {
        int h = hash(key);
        Node<V> n = find(key, h);
        if (n != null) {
            V old = n.value;
            n.value = value;
            return old;
        }
        if (size + 1 > buckets.length / 4 * 3) {
            resize(buckets.length * 2);
        }
        n = new Node<>(key, h, value);
        int i = h & (buckets.length - 1);
        n.next = bucket(i);
        buckets[i] = n;
        link(n);
        size++;
        return null;
    }

    /** Removes the key and returns its value, or null when it was absent. */
    V remove(byte[] key) {
        int h = hash(key);
        int i = h & (buckets.length - 1);
        Node<V> prev = null;
        for (Node<V> n = bucket(i); n != null; prev = n, n = n.next) {
            if (n.hash == h && Arrays.equals(n.key, key)) {
                if (prev == null) {
                    buckets[i] = n.next;
                } else {
                    prev.next = n.next;
                }
                unlink(n);
                size--;
                return n.value;
            }
        }
        return null;
    }

    void clear() {
        buckets = new Object[MIN_BUCKETS];
        head = null;
        tail = null;
        size = 0;
    }

    /** Visits every entry in insertion order; the action must not change this map. */
    void forEach(BiConsumer<byte[], V> action) {
        for (Node<V> n = head; n != null; n = n.after) {
            action.accept(n.key, n.value);
        }
    }

    /** The keys in insertion order, a snapshot that the caller may use while changing the map. */
    byte[][] keys() {
        byte[][] keys = new byte[size][];
        int i = 0;
        for (Node<V> n = head; n != null; n = n.after) {
            keys[i++] = n.key;
        }
        return keys;
    }

    private Node<V> find(byte[] key, int h) {
        for (Node<V> n = bucket(h & (buckets.length - 1)); n != null; n = n.next) {
            if (n.hash == h && Arrays.equals(n.key, key)) {
                return n;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Node<V> bucket(int i) {
        return (Node<V>) buckets[i];
    }

    private void resize(int n) {
        Object[] old = buckets;
        buckets = new Object[n];
        for (Object o : old) {
            @SuppressWarnings("unchecked")
            Node<V> e = (Node<V>) o;
            while (e != null) {
                Node<V> next = e.next;
                int i = e.hash & (n - 1);
                e.next = bucket(i);
                buckets[i] = e;
                e = next;
            }
        }
    }

    private void link(Node<V> n) {
        n.before = tail;
        if (tail == null) {
            head = n;
        } else {
            tail.after = n;
        }
        tail = n;
    }

    private void unlink(Node<V> n) {
        if (n.before == null) {
            head = n.after;
        } else {
            n.before.after = n.after;
        }
        if (n.after == null) {
            tail = n.before;
        } else {
            n.after.before = n.before;
        }
    }

    private static int hash(byte[] key) {
        int h = Arrays.hashCode(key);
        return h ^ (h >>> 16);
    }
}
