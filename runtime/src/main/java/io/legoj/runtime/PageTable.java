package io.legoj.runtime;

/**
 * Virtual page number to frame index, for the slow path only. Lock-striped open addressing with
 * linear probing and backward-shift deletion: no boxing, no garbage per lookup.
 */
final class PageTable {
    private static final int SEGMENTS = 64;
    private static final long EMPTY = -1;
    private final Segment[] segments = new Segment[SEGMENTS];

    PageTable(int expectedPages) {
        int perSegment = Math.max(16, Integer.highestOneBit(Math.max(1, expectedPages / SEGMENTS)) * 4);
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(perSegment);
        }
    }

    private Segment segment(long vpn) {
        return segments[(int) (mix(vpn) >>> 58)];
    }

    static long mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    /** The frame holding {@code vpn}, or -1. */
    int get(long vpn) {
        Segment s = segment(vpn);
        synchronized (s) {
            return s.get(vpn);
        }
    }

    /** Maps {@code vpn} to {@code frame} unless it is mapped already; returns the existing frame or -1. */
    int putIfAbsent(long vpn, int frame) {
        Segment s = segment(vpn);
        synchronized (s) {
            int existing = s.get(vpn);
            if (existing < 0) {
                s.put(vpn, frame);
            }
            return existing;
        }
    }

    /** Unmaps {@code vpn} if it maps to {@code frame}. */
    void remove(long vpn, int frame) {
        Segment s = segment(vpn);
        synchronized (s) {
            if (s.get(vpn) == frame) {
                s.remove(vpn);
            }
        }
    }

    int size() {
        int n = 0;
        for (Segment s : segments) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    private static final class Segment {
        long[] keys;
        int[] values;
        int size;

        Segment(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
            java.util.Arrays.fill(keys, EMPTY);
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = (int) mix(key) & mask; ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == EMPTY) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = (int) mix(key) & mask;
            while (keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
            size++;
        }

        void remove(long key) {
            int mask = keys.length - 1;
            int i = (int) mix(key) & mask;
            while (keys[i] != key) {
                i = (i + 1) & mask;
            }
            keys[i] = EMPTY;
            size--;
            for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
                int home = (int) mix(keys[j]) & mask;
                boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
                if (!between) {
                    keys[i] = keys[j];
                    values[i] = values[j];
                    keys[j] = EMPTY;
                    i = j;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            java.util.Arrays.fill(keys, EMPTY);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
