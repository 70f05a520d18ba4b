package io.legoj.runtime;

import java.util.Arrays;

/** A growable stack of longs (free addresses), without boxing. Not thread safe. */
final class LongStack {
    private long[] items = new long[16];
    private int size;

    void push(long v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    long pop() {
        return items[--size];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }
}
