package io.legoj.memnode;

/**
 * Open-addressing hash map from page address to the off-heap address of its bytes, with linear
 * probing and backward-shift deletion: no boxing and no garbage on lookups. Key 0 marks an empty
 * slot (page addresses are never 0: regions start above 0), and {@link #get} returns 0 for a page
 * that is not held. Not thread safe: the owning {@link AppSpace} guards it.
 */
final class PageTable {
    private static final int MIN_CAPACITY = 16;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private long[] values;
    private int mask;
    private int size;

    PageTable() {
        reset(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or 0 if it has none. */
    long get(long key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return 0;
            }
        }
    }

    void put(long key, long value) {
        if (key == 0) {
            throw new IllegalArgumentException("key must not be 0");
        }
        int i = slot(key);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
        if (size * 4L > keys.length * 3L) {
            rehash(keys.length * 2);
        }
    }

    /** Removes {@code key} and returns its value, or 0 if it had none. */
    long remove(long key) {
        int i = slot(key);
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return 0;
            }
            i = (i + 1) & mask;
        }
        long value = values[i];
        shiftBack(i);
        if (--size == 0 && keys.length > MIN_CAPACITY) {
            reset(MIN_CAPACITY);
        }
        return value;
    }

    /** Keys of all entries, in no particular order. */
    long[] keys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != 0) {
                out[n++] = k;
            }
        }
        return out;
    }

    /** Empties the slot at {@code gap} and moves later entries of its probe run back into it. */
    private void shiftBack(int gap) {
        for (int i = (gap + 1) & mask; keys[i] != 0; i = (i + 1) & mask) {
            int home = slot(keys[i]);
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
        }
        keys[gap] = 0;
        values[gap] = 0;
    }

    private int slot(long key) {
        return (int) ((key * GOLDEN) >>> 32) & mask;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        long[] oldValues = values;
        reset(capacity);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void reset(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        mask = capacity - 1;
        size = 0;
    }
}
