package io.legoj.memnode;

import java.util.Arrays;

/**
 * The regions {@code [base, end)} of one application, kept sorted by base in two parallel arrays so
 * that finding the region of an address is a binary search without boxing. Regions never overlap.
 * Not thread safe: the owning {@link AppSpace} guards it.
 */
final class Regions {
    private long[] bases = new long[4];
    private long[] ends = new long[4];
    private int count;

    int count() {
        return count;
    }

    long base(int i) {
        return bases[i];
    }

    long end(int i) {
        return ends[i];
    }

    /** Index of the region that starts at {@code base}, or -1. */
    int indexOf(long base) {
        int i = Arrays.binarySearch(bases, 0, count, base);
        return i >= 0 ? i : -1;
    }

    /** Index of the region that contains {@code address}, or -1. */
    int containing(long address) {
        int i = floor(address);
        return i >= 0 && address < ends[i] ? i : -1;
    }

    /** Index of a region that shares at least one byte with {@code [base, end)}, or -1. */
    int overlapping(long base, long end) {
        int i = floor(base);
        if (i >= 0 && ends[i] > base) {
            return i;
        }
        return i + 1 < count && bases[i + 1] < end ? i + 1 : -1;
    }

    /** Adds {@code [base, end)}, which must not overlap an existing region. */
    void add(long base, long end) {
        if (count == bases.length) {
            bases = Arrays.copyOf(bases, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        int at = -Arrays.binarySearch(bases, 0, count, base) - 1;
        System.arraycopy(bases, at, bases, at + 1, count - at);
        System.arraycopy(ends, at, ends, at + 1, count - at);
        bases[at] = base;
        ends[at] = end;
        count++;
    }

    void removeAt(int i) {
        System.arraycopy(bases, i + 1, bases, i, count - i - 1);
        System.arraycopy(ends, i + 1, ends, i, count - i - 1);
        count--;
    }

    void clear() {
        count = 0;
    }

    /** Index of the last region whose base is at most {@code address}, or -1. */
    private int floor(long address) {
        int i = Arrays.binarySearch(bases, 0, count, address);
        return i >= 0 ? i : -i - 2;
    }
}
