package io.legoj.runtime.arrays;

import io.legoj.runtime.Tlb;
import java.lang.ref.Reference;

/**
 * The hot path of array code: what rewritten {@code xaload}/{@code xastore} call, with the
 * method's {@link Tlb} as last argument. The index is checked as the JVM would, with its exception
 * and message; then a local-mode array is a plain JVM access and a remote one a translation, with
 * the handle kept reachable until it is done (its block is freed once the handle is collected).
 * Values narrower than {@code int} arrive as the {@code int} the JVM's store instruction takes and
 * are narrowed as it does.
 */
public final class ArrayAccess {
    private ArrayAccess() {
    }

    public static byte getBoolean(BooleanArray a, int i, Tlb t) {
        a.check(i);
        boolean[] l = a.local;
        if (l != null) {
            return (byte) (l[i] ? 1 : 0);
        }
        byte v = t.getByte(a.address + i);
        Reference.reachabilityFence(a);
        return v;
    }

    /** As {@code bastore} on a {@code boolean[]}: only the lowest bit is stored. */
    public static void putBoolean(BooleanArray a, int i, int v, Tlb t) {
        a.check(i);
        boolean[] l = a.local;
        if (l != null) {
            l[i] = (v & 1) != 0;
        } else {
            t.putByte(a.address + i, (byte) (v & 1));
            Reference.reachabilityFence(a);
        }
    }

    public static byte getByte(ByteArray a, int i, Tlb t) {
        a.check(i);
        byte[] l = a.local;
        if (l != null) {
            return l[i];
        }
        byte v = t.getByte(a.address + i);
        Reference.reachabilityFence(a);
        return v;
    }

    public static void putByte(ByteArray a, int i, int v, Tlb t) {
        a.check(i);
        byte[] l = a.local;
        if (l != null) {
            l[i] = (byte) v;
        } else {
            t.putByte(a.address + i, (byte) v);
            Reference.reachabilityFence(a);
        }
    }

    public static short getShort(ShortArray a, int i, Tlb t) {
        a.check(i);
        short[] l = a.local;
        if (l != null) {
            return l[i];
        }
        short v = t.getShort(a.address + ((long) i << 1));
        Reference.reachabilityFence(a);
        return v;
    }

    public static void putShort(ShortArray a, int i, int v, Tlb t) {
        a.check(i);
        short[] l = a.local;
        if (l != null) {
            l[i] = (short) v;
        } else {
            t.putShort(a.address + ((long) i << 1), (short) v);
            Reference.reachabilityFence(a);
        }
    }

    public static char getChar(CharArray a, int i, Tlb t) {
        a.check(i);
        char[] l = a.local;
        if (l != null) {
            return l[i];
        }
        char v = t.getChar(a.address + ((long) i << 1));
        Reference.reachabilityFence(a);
        return v;
    }

    public static void putChar(CharArray a, int i, int v, Tlb t) {
        a.check(i);
        char[] l = a.local;
        if (l != null) {
            l[i] = (char) v;
        } else {
            t.putChar(a.address + ((long) i << 1), (char) v);
            Reference.reachabilityFence(a);
        }
    }

    public static int getInt(IntArray a, int i, Tlb t) {
        a.check(i);
        int[] l = a.local;
        if (l != null) {
            return l[i];
        }
        int v = t.getInt(a.address + ((long) i << 2));
        Reference.reachabilityFence(a);
        return v;
    }

    public static void putInt(IntArray a, int i, int v, Tlb t) {
        a.check(i);
        int[] l = a.local;
        if (l != null) {
            l[i] = v;
        } else {
            t.putInt(a.address + ((long) i << 2), v);
            Reference.reachabilityFence(a);
        }
    }

    public static long getLong(LongArray a, int i, Tlb t) {
        a.check(i);
        long[] l = a.local;
        if (l != null) {
            return l[i];
        }
        long v = t.getLong(a.address + ((long) i << 3));
        Reference.reachabilityFence(a);
        return v;
    }

    public static void putLong(LongArray a, int i, long v, Tlb t) {
        a.check(i);
        long[] l = a.local;
        if (l != null) {
            l[i] = v;
        } else {
            t.putLong(a.address + ((long) i << 3), v);
            Reference.reachabilityFence(a);
        }
    }

    public static float getFloat(FloatArray a, int i, Tlb t) {
        a.check(i);
        float[] l = a.local;
        if (l != null) {
            return l[i];
        }
        float v = t.getFloat(a.address + ((long) i << 2));
        Reference.reachabilityFence(a);
        return v;
    }

    public static void putFloat(FloatArray a, int i, float v, Tlb t) {
        a.check(i);
        float[] l = a.local;
        if (l != null) {
            l[i] = v;
        } else {
            t.putFloat(a.address + ((long) i << 2), v);
            Reference.reachabilityFence(a);
        }
    }

    public static double getDouble(DoubleArray a, int i, Tlb t) {
        a.check(i);
        double[] l = a.local;
        if (l != null) {
            return l[i];
        }
        double v = t.getDouble(a.address + ((long) i << 3));
        Reference.reachabilityFence(a);
        return v;
    }

    public static void putDouble(DoubleArray a, int i, double v, Tlb t) {
        a.check(i);
        double[] l = a.local;
        if (l != null) {
            l[i] = v;
        } else {
            t.putDouble(a.address + ((long) i << 3), v);
            Reference.reachabilityFence(a);
        }
    }
}
