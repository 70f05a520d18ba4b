package io.legoj.examples.kvstore;

/** A list value: a ring buffer of {@code byte[]} elements, pushed and popped at both ends. */
final class KvList {
    private byte[][] items = new byte[8][];
    private int first;
    private int size;

    int size() {
        return size;
    }

    void pushLeft(byte[] v) {
        grow();
        first = (first - 1 + items.length) % items.length;
        items[first] = v;
        size++;
    }

    void pushRight(byte[] v) {
        grow();
        items[(first + size) % items.length] = v;
        size++;
    }

    /** The first element, removed, or null when empty. */
    byte[] popLeft() {
        if (size == 0) {
            return null;
        }
        byte[] v = items[first];
        items[first] = null;
        first = (first + 1) % items.length;
        size--;
        return v;
    }

    /** The last element, removed, or null when empty. */
    byte[] popRight() {
        if (size == 0) {
            return null;
        }
        int i = (first + size - 1) % items.length;
        byte[] v = items[i];
        items[i] = null;
        size--;
        return v;
    }

    /** The element at {@code index} from 0 to size - 1. */
    byte[] get(int index) {
        return items[(first + index) % items.length];
    }

    private void grow() {
        if (size < items.length) {
            return;
        }
        byte[][] bigger = new byte[items.length * 2][];
        for (int i = 0; i < size; i++) {
            bigger[i] = get(i);
        }
        items = bigger;
        first = 0;
    }
}
