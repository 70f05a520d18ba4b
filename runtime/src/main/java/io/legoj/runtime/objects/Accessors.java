package io.legoj.runtime.objects;

import java.lang.ref.Reference;

import io.legoj.runtime.Tlb;

/**
 * What a linked field access does once the object's address is known: one typed access at
 * {@code address + offset}, through the site's {@link Tlb} (rewritten code passes its method's;
 * reflection, the calling thread's). The field linker binds the offset; reference fields go
 * through {@link Refs}.
 */
public final class Accessors {
    private Accessors() {
    }

    public static boolean getBoolean(long a, Tlb t, long off) {
        return t.getBoolean(a + off);
    }

    public static void putBoolean(long a, boolean v, Tlb t, long off) {
        t.putBoolean(a + off, v);
    }

    public static boolean getBooleanVolatile(long a, Tlb t, long off) {
        return t.getByteVolatile(a + off) != 0;
    }

    public static void putBooleanVolatile(long a, boolean v, Tlb t, long off) {
        t.putByteVolatile(a + off, v ? (byte) 1 : (byte) 0);
    }

    public static byte getByte(long a, Tlb t, long off) {
        return t.getByte(a + off);
    }

    public static void putByte(long a, byte v, Tlb t, long off) {
        t.putByte(a + off, v);
    }

    public static byte getByteVolatile(long a, Tlb t, long off) {
        return t.getByteVolatile(a + off);
    }

    public static void putByteVolatile(long a, byte v, Tlb t, long off) {
        t.putByteVolatile(a + off, v);
    }

    public static short getShort(long a, Tlb t, long off) {
        return t.getShort(a + off);
    }

    public static void putShort(long a, short v, Tlb t, long off) {
        t.putShort(a + off, v);
    }

    public static short getShortVolatile(long a, Tlb t, long off) {
        return t.getShortVolatile(a + off);
    }

    public static void putShortVolatile(long a, short v, Tlb t, long off) {
        t.putShortVolatile(a + off, v);
    }

    public static char getChar(long a, Tlb t, long off) {
        return t.getChar(a + off);
    }

    public static void putChar(long a, char v, Tlb t, long off) {
        t.putChar(a + off, v);
    }

    public static char getCharVolatile(long a, Tlb t, long off) {
        return t.getCharVolatile(a + off);
    }

    public static void putCharVolatile(long a, char v, Tlb t, long off) {
        t.putCharVolatile(a + off, v);
    }

    public static int getInt(long a, Tlb t, long off) {
        return t.getInt(a + off);
    }

    public static void putInt(long a, int v, Tlb t, long off) {
        t.putInt(a + off, v);
    }

    public static int getIntVolatile(long a, Tlb t, long off) {
        return t.getIntVolatile(a + off);
    }

    public static void putIntVolatile(long a, int v, Tlb t, long off) {
        t.putIntVolatile(a + off, v);
    }

    public static long getLong(long a, Tlb t, long off) {
        return t.getLong(a + off);
    }

    public static void putLong(long a, long v, Tlb t, long off) {
        t.putLong(a + off, v);
    }

    public static long getLongVolatile(long a, Tlb t, long off) {
        return t.getLongVolatile(a + off);
    }

    public static void putLongVolatile(long a, long v, Tlb t, long off) {
        t.putLongVolatile(a + off, v);
    }

    public static float getFloat(long a, Tlb t, long off) {
        return t.getFloat(a + off);
    }

    public static void putFloat(long a, float v, Tlb t, long off) {
        t.putFloat(a + off, v);
    }

    public static float getFloatVolatile(long a, Tlb t, long off) {
        return t.getFloatVolatile(a + off);
    }

    public static void putFloatVolatile(long a, float v, Tlb t, long off) {
        t.putFloatVolatile(a + off, v);
    }

    public static double getDouble(long a, Tlb t, long off) {
        return t.getDouble(a + off);
    }

    public static void putDouble(long a, double v, Tlb t, long off) {
        t.putDouble(a + off, v);
    }

    public static double getDoubleVolatile(long a, Tlb t, long off) {
        return t.getDoubleVolatile(a + off);
    }

    public static void putDoubleVolatile(long a, double v, Tlb t, long off) {
        t.putDoubleVolatile(a + off, v);
    }

    public static Object getRef(long a, Tlb t, long off) {
        return Refs.decode(t.getLong(a + off));
    }

    public static void putRef(long a, Object v, Tlb t, long off) {
        t.putLong(a + off, Refs.encode(v));
    }

    public static Object getRefVolatile(long a, Tlb t, long off) {
        return Refs.decode(t.getLongVolatile(a + off));
    }

    public static void putRefVolatile(long a, Object v, Tlb t, long off) {
        t.putLongVolatile(a + off, Refs.encode(v));
    }

    // ---- the object of an access stays reachable until these run (see FieldLinker) ----

    public static boolean keep(boolean result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static byte keep(byte result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static short keep(short result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static char keep(char result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static int keep(int result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static long keep(long result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static float keep(float result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static double keep(double result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static Object keep(Object result, Object holder) {
        Reference.reachabilityFence(holder);
        return result;
    }

    public static void keep(Object holder) {
        Reference.reachabilityFence(holder);
    }
}
