package io.legoj.runtime.arrays;

import io.legoj.runtime.Tlb;
import io.legoj.runtime.UnsafeAccess;
import java.util.IdentityHashMap;

/**
 * JDK array helpers that rewritten code calls instead of the JDK's, so that they work on handles
 * and move remote elements in bulk, page by page, with the JDK's exceptions and messages.
 */
public final class ArrayOps {
    private ArrayOps() {
    }

    /** {@code System.arraycopy} for any mix of handles and JVM arrays; overlapping ranges are safe. */
    public static void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length) {
        if (src == null || dst == null) {
            throw new NullPointerException();
        }
        if (src instanceof Object[] || src instanceof RefArray) {
            ReferenceArrayCopy.copy(src, srcPos, dst, dstPos, length);
            return;
        }
        if (!(src instanceof PrimitiveArray) && !(dst instanceof PrimitiveArray) && !(dst instanceof RefArray)) {
            System.arraycopy(src, srcPos, dst, dstPos, length);
            return;
        }
        PrimitiveArray s = asHandle(src, "source", dst);
        PrimitiveArray d = asHandle(dst, "destination", src);
        if (s.kind() != d.kind()) {
            throw new ArrayStoreException("arraycopy: type mismatch: can not copy " + s.kind().typeName() + "[] into "
                    + d.kind().typeName() + "[]");
        }
        // the JVM's order: both positions, then the length, then both ends
        checkPosition("source", s, srcPos);
        checkPosition("destination", d, dstPos);
        if (length < 0) {
            throw new ArrayIndexOutOfBoundsException("arraycopy: length " + length + " is negative");
        }
        checkEnd("source", s, srcPos, length);
        checkEnd("destination", d, dstPos, length);
        copyElements(s, srcPos, d, dstPos, length);
    }

    /** A JVM primitive array given where a handle may be: wrapped (sharing its elements). */
    private static PrimitiveArray asHandle(Object o, String role, Object other) {
        if (o instanceof PrimitiveArray a) {
            return a;
        }
        Kind k = Kind.of(o.getClass());
        if (k != null) {
            return ArrayBoundary.wrapLocal(o);
        }
        if (o.getClass().isArray() || o instanceof RefArray) {
            String primitive = ArrayBoundary.classOf(other).getComponentType().getName() + "[]";
            throw new ArrayStoreException("arraycopy: type mismatch: can not copy " + (role.equals("source")
                    ? "object array[] into " + primitive : primitive + " into object array[]"));
        }
        throw new ArrayStoreException("arraycopy: " + role + " type " + o.getClass().getName() + " is not an array");
    }

    private static void checkPosition(String role, PrimitiveArray a, int pos) {
        if (pos < 0) {
            throw new ArrayIndexOutOfBoundsException("arraycopy: " + role + " index " + pos + " out of bounds for "
                    + a.kind().typeName() + "[" + a.length + "]");
        }
    }

    private static void checkEnd(String role, PrimitiveArray a, int pos, int length) {
        if ((long) pos + length > a.length) {
            throw new ArrayIndexOutOfBoundsException("arraycopy: last " + role + " index " + ((long) pos + length)
                    + " out of bounds for " + a.kind().typeName() + "[" + a.length + "]");
        }
    }

    /** Copies checked ranges of two arrays of one kind, whatever their modes. */
    static void copyElements(PrimitiveArray s, int srcPos, PrimitiveArray d, int dstPos, int length) {
        Kind k = s.kind();
        int shift = k.shift;
        long bytes = (long) length << shift;
        Object from = s.local();
        Object to = d.local();
        if (from != null && to != null) {
            System.arraycopy(from, srcPos, to, dstPos, length);
        } else if (from != null) {
            ArrayMemory.get().cache.copyIn(from, k.base + ((long) srcPos << shift), d.address + ((long) dstPos << shift), bytes);
        } else if (to != null) {
            ArrayMemory.get().cache.copyOut(s.address + ((long) srcPos << shift), to, k.base + ((long) dstPos << shift), bytes);
        } else {
            ArrayMemory.get().cache.copy(s.address + ((long) srcPos << shift), d.address + ((long) dstPos << shift), bytes);
        }
    }

    /**
     * {@code Arrays.equals} of two arrays of one integral kind (or boolean), element by element where
     * they are, without copying them out: equal bits are equal elements for these kinds.
     */
    public static boolean equals(PrimitiveArray a, PrimitiveArray b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.length != b.length) {
            return false;
        }
        Object la = a.local();
        Object lb = b.local();
        if (la != null && lb != null) {
            return java.util.Objects.deepEquals(la, lb);
        }
        Tlb t = ArrayMemory.get().cache.tlb();
        int shift = a.kind().shift;
        long bytes = (long) a.length << shift;
        long i = 0;
        for (; i + 8 <= bytes; i += 8) {
            if (longAt(a, la, i, t) != longAt(b, lb, i, t)) {
                return false;
            }
        }
        for (; i < bytes; i++) {
            if (byteAt(a, la, i, t) != byteAt(b, lb, i, t)) {
                return false;
            }
        }
        return true;
    }

    private static long longAt(PrimitiveArray a, Object local, long offset, Tlb t) {
        if (local != null) {
            return UnsafeAccess.U.getLong(local, a.kind().base + offset);
        }
        // element 0 of a block is 8-aligned, so an 8-byte read at a multiple of 8 never straddles a page
        return t.getLong(a.address + offset);
    }

    private static byte byteAt(PrimitiveArray a, Object local, long offset, Tlb t) {
        return local != null ? UnsafeAccess.U.getByte(local, a.kind().base + offset) : t.getByte(a.address + offset);
    }

    /** {@code Arrays.hashCode} of an array of an integral kind (or boolean), reading its elements where they are. */
    public static int hashCode(PrimitiveArray a) {
        if (a == null) {
            return 0;
        }
        Tlb t = ArrayMemory.get().cache.tlb();
        int h = 1;
        for (int i = 0; i < a.length; i++) {
            h = 31 * h + switch (a.kind()) {
                case BOOLEAN -> ArrayAccess.getBoolean((BooleanArray) a, i, t) != 0 ? 1231 : 1237;
                case BYTE -> ArrayAccess.getByte((ByteArray) a, i, t);
                case SHORT -> ArrayAccess.getShort((ShortArray) a, i, t);
                case CHAR -> ArrayAccess.getChar((CharArray) a, i, t);
                case INT -> ArrayAccess.getInt((IntArray) a, i, t);
                case LONG -> Long.hashCode(ArrayAccess.getLong((LongArray) a, i, t));
                case FLOAT, DOUBLE -> throw new IllegalArgumentException("floating-point arrays hash through the JDK");
            };
        }
        return h;
    }

    /** {@code Arrays.deepToString} of a reference array in either form ({@code Object[]} or {@link RefArray}). */
    public static String deepToString(Object a) {
        return java.util.Arrays.deepToString(jvmDeep(a, new IdentityHashMap<>()));
    }

    public static int deepHashCode(Object a) {
        return java.util.Arrays.deepHashCode(jvmDeep(a, new IdentityHashMap<>()));
    }

    public static boolean deepEquals(Object a, Object b) {
        IdentityHashMap<Object, Object[]> seen = new IdentityHashMap<>();
        return java.util.Arrays.deepEquals(jvmDeep(a, seen), jvmDeep(b, seen));
    }

    /** A JVM copy of reference array {@code a} in which handles, at any depth, are JVM arrays; cycles are kept. */
    private static Object[] jvmDeep(Object a, IdentityHashMap<Object, Object[]> seen) {
        if (a == null) {
            return null;
        }
        Object[] done = seen.get(a);
        if (done != null) {
            return done;
        }
        int length = RefArrays.length(a);
        Object[] copy = (Object[]) java.lang.reflect.Array.newInstance(ArrayBoundary.classOf(a).getComponentType(), length);
        seen.put(a, copy);
        for (int i = 0; i < length; i++) {
            Object e = RefArrays.load(a, i);
            copy[i] = e instanceof PrimitiveArray p ? ArrayBoundary.toJvm(p)
                    : e instanceof Object[] || e instanceof RefArray ? jvmDeep(e, seen) : e;
        }
        return copy;
    }

    /** {@code Arrays.copyOf}: the new array is local or remote by its size, like any new array. */
    public static Object copyOf(PrimitiveArray a, int newLength) {
        PrimitiveArray copy = ArrayHandles.create(newLength, a.kind());
        arraycopy(a, 0, copy, 0, Math.min(a.length, newLength));
        return copy;
    }

    /** {@code Arrays.copyOfRange}, failing as the JDK's does. */
    public static Object copyOfRange(PrimitiveArray a, int from, int to) {
        int newLength = to - from;
        if (newLength < 0) {
            throw new IllegalArgumentException(from + " > " + to);
        }
        PrimitiveArray copy = ArrayHandles.create(newLength, a.kind());
        arraycopy(a, from, copy, 0, Math.min(a.length - from, newLength));
        return copy;
    }
}
