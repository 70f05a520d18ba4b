package io.legoj.runtime.arrays;

import io.legoj.runtime.Tlb;

/**
 * The hot path of array code: what rewritten {@code xaload}/{@code xastore} call, with the
 * method's {@link Tlb} as last argument. A local-mode array is a plain JVM access, index check and
 * exception included; a remote one is checked as the JVM would, then translated. Values narrower than
 * {@code int} arrive as the {@code int} the JVM's store instruction takes and are narrowed as it does.
 */
public final class ArrayAccess {
    private ArrayAccess() {
    }

    public static byte getBoolean(BooleanArray a, int i, Tlb t) {
        boolean[] l = a.local;
        return l != null ? (byte) (l[i] ? 1 : 0) : t.getByte(a.element(i, 0));
    }

    /** As {@code bastore} on a {@code boolean[]}: only the lowest bit is stored. */
    public static void putBoolean(BooleanArray a, int i, int v, Tlb t) {
        boolean[] l = a.local;
        if (l != null) {
            l[i] = (v & 1) != 0;
        } else {
            t.putByte(a.element(i, 0), (byte) (v & 1));
        }
    }

    public static byte getByte(ByteArray a, int i, Tlb t) {
        byte[] l = a.local;
        return l != null ? l[i] : t.getByte(a.element(i, 0));
    }

    public static void putByte(ByteArray a, int i, int v, Tlb t) {
        byte[] l = a.local;
        if (l != null) {
            l[i] = (byte) v;
        } else {
            t.putByte(a.element(i, 0), (byte) v);
        }
    }

    public static short getShort(ShortArray a, int i, Tlb t) {
        short[] l = a.local;
        return l != null ? l[i] : t.getShort(a.element(i, 1));
    }

    public static void putShort(ShortArray a, int i, int v, Tlb t) {
        short[] l = a.local;
        if (l != null) {
            l[i] = (short) v;
        } else {
            t.putShort(a.element(i, 1), (short) v);
        }
    }

    public static char getChar(CharArray a, int i, Tlb t) {
        char[] l = a.local;
        return l != null ? l[i] : t.getChar(a.element(i, 1));
    }

    public static void putChar(CharArray a, int i, int v, Tlb t) {
        char[] l = a.local;
        if (l != null) {
            l[i] = (char) v;
        } else {
            t.putChar(a.element(i, 1), (char) v);
        }
    }

    public static int getInt(IntArray a, int i, Tlb t) {
        int[] l = a.local;
        return l != null ? l[i] : t.getInt(a.element(i, 2));
    }

    public static void putInt(IntArray a, int i, int v, Tlb t) {
        int[] l = a.local;
        if (l != null) {
            l[i] = v;
        } else {
            t.putInt(a.element(i, 2), v);
        }
    }

    public static long getLong(LongArray a, int i, Tlb t) {
        long[] l = a.local;
        return l != null ? l[i] : t.getLong(a.element(i, 3));
    }

    public static void putLong(LongArray a, int i, long v, Tlb t) {
        long[] l = a.local;
        if (l != null) {
            l[i] = v;
        } else {
            t.putLong(a.element(i, 3), v);
        }
    }

    public static float getFloat(FloatArray a, int i, Tlb t) {
        float[] l = a.local;
        return l != null ? l[i] : t.getFloat(a.element(i, 2));
    }

    public static void putFloat(FloatArray a, int i, float v, Tlb t) {
        float[] l = a.local;
        if (l != null) {
            l[i] = v;
        } else {
            t.putFloat(a.element(i, 2), v);
        }
    }

    public static double getDouble(DoubleArray a, int i, Tlb t) {
        double[] l = a.local;
        return l != null ? l[i] : t.getDouble(a.element(i, 3));
    }

    public static void putDouble(DoubleArray a, int i, double v, Tlb t) {
        double[] l = a.local;
        if (l != null) {
            l[i] = v;
        } else {
            t.putDouble(a.element(i, 3), v);
        }
    }
}
