package io.legoj.runtime.arrays;

import io.legoj.runtime.Tlb;
import io.legoj.runtime.objects.Refs;
import java.lang.ref.Reference;

/**
 * {@code System.arraycopy} from a reference array, in either form (a JVM {@code Object[]} or a
 * {@link RefArray}), with the JVM's checks in its order and its messages, where classes are named
 * as the plain program knows them. As the JVM, a copy whose elements need a check stores those
 * before the first one that fails, then throws.
 */
final class ReferenceArrayCopy {
    private ReferenceArrayCopy() {
    }

    /** {@code src} is an {@code Object[]} or a RefArray; neither is null. */
    static void copy(Object src, int srcPos, Object dst, int dstPos, int length) {
        if (src instanceof Object[] s && dst instanceof Object[] d
                && d.getClass().getComponentType().isAssignableFrom(s.getClass().getComponentType())) {
            System.arraycopy(s, srcPos, d, dstPos, length); // no element can fail: the JVM's own copy
            return;
        }
        if (!(dst instanceof Object[]) && !(dst instanceof RefArray)) {
            throw notReferenceArray(dst);
        }
        checkRange(RefArrays.length(src), srcPos, RefArrays.length(dst), dstPos, length);
        if (length == 0) {
            return;
        }
        if (src == dst) {
            move(src, srcPos, dstPos, length);
            return;
        }
        Class<?> from = ArrayBoundary.classOf(src).getComponentType();
        Class<?> to = ArrayBoundary.classOf(dst).getComponentType();
        boolean checked = !to.isAssignableFrom(from);
        if (!checked && src instanceof RefArray s && dst instanceof RefArray d && s.local == null && d.local == null) {
            copyReferences(s, srcPos, d, dstPos, length, false);
            return;
        }
        for (int k = 0; k < length; k++) {
            Object e = RefArrays.load(src, srcPos + k);
            if (checked && e != null && !to.isAssignableFrom(ArrayBoundary.classOf(e))) {
                throw new ArrayStoreException(from.isAssignableFrom(to)
                        ? "arraycopy: element type mismatch: can not cast one of the elements of " + from.getName()
                                + "[] to the type of the destination array, " + to.getName()
                        : "arraycopy: type mismatch: can not copy " + from.getName() + "[] into " + to.getName() + "[]");
            }
            RefArrays.store(dst, dstPos + k, e);
        }
    }

    private static ArrayStoreException notReferenceArray(Object dst) {
        Class<?> plain = ArrayBoundary.classOf(dst);
        return new ArrayStoreException(plain.isArray()
                ? "arraycopy: type mismatch: can not copy object array[] into " + plain.getComponentType().getName() + "[]"
                : "arraycopy: destination type " + plain.getName() + " is not an array");
    }

    /** The JVM's checks of the positions and length, in its order. */
    private static void checkRange(int srcLength, int srcPos, int dstLength, int dstPos, int length) {
        if (srcPos < 0) {
            throw outOfBounds("source index " + srcPos, srcLength);
        }
        if (dstPos < 0) {
            throw outOfBounds("destination index " + dstPos, dstLength);
        }
        if (length < 0) {
            throw new ArrayIndexOutOfBoundsException("arraycopy: length " + length + " is negative");
        }
        if ((long) srcPos + length > srcLength) {
            throw outOfBounds("last source index " + ((long) srcPos + length), srcLength);
        }
        if ((long) dstPos + length > dstLength) {
            throw outOfBounds("last destination index " + ((long) dstPos + length), dstLength);
        }
    }

    private static ArrayIndexOutOfBoundsException outOfBounds(String what, int arrayLength) {
        return new ArrayIndexOutOfBoundsException("arraycopy: " + what + " out of bounds for object array["
                + arrayLength + "]");
    }

    /** A copy within one array: no element needs a check, and the ranges may overlap. */
    private static void move(Object array, int srcPos, int dstPos, int length) {
        if (array instanceof RefArray r && r.local == null) {
            copyReferences(r, srcPos, r, dstPos, length, srcPos < dstPos);
        } else {
            Object[] a = array instanceof RefArray r ? r.local : (Object[]) array;
            System.arraycopy(a, srcPos, a, dstPos, length);
        }
    }

    /**
     * Copies encoded references between remote arrays, last first when {@code backwards} (a move up
     * within one array). Each copy is one more stored reference to count; the ones overwritten give
     * theirs back, as {@link RefArray#set} does.
     */
    private static void copyReferences(RefArray s, int srcPos, RefArray d, int dstPos, int length, boolean backwards) {
        Tlb t = ArrayMemory.get().cache.tlb();
        long from = s.address + ((long) srcPos << RefArray.SHIFT);
        long to = d.address + ((long) dstPos << RefArray.SHIFT);
        for (int k = 0; k < length; k++) {
            long off = (long) (backwards ? length - 1 - k : k) << RefArray.SHIFT;
            long ref = t.getLong(from + off);
            Refs.retain(ref);
            long old;
            do {
                old = t.getLong(to + off);
            } while (!t.compareAndSetLong(to + off, old, ref));
            Refs.release(old);
        }
        Reference.reachabilityFence(s);
        Reference.reachabilityFence(d);
    }
}
