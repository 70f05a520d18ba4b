package io.legoj.runtime.arrays;

import io.legoj.runtime.Tlb;
import java.util.Random;

/**
 * Test helpers: element access to handles through {@link ArrayAccess} only (so that an oracle built
 * with them does not depend on the bulk copies under test), and the same stores on JVM arrays.
 */
final class Elements {
    private Elements() {
    }

    /** Stores {@code bits} as rewritten code does: as the int of the narrow kinds, as the float/double with these bits. */
    static void put(PrimitiveArray a, int i, long bits, Tlb t) {
        switch (a.kind()) {
            case BOOLEAN -> ArrayAccess.putBoolean((BooleanArray) a, i, (int) bits, t);
            case BYTE -> ArrayAccess.putByte((ByteArray) a, i, (int) bits, t);
            case SHORT -> ArrayAccess.putShort((ShortArray) a, i, (int) bits, t);
            case CHAR -> ArrayAccess.putChar((CharArray) a, i, (int) bits, t);
            case INT -> ArrayAccess.putInt((IntArray) a, i, (int) bits, t);
            case LONG -> ArrayAccess.putLong((LongArray) a, i, bits, t);
            case FLOAT -> ArrayAccess.putFloat((FloatArray) a, i, Float.intBitsToFloat((int) bits), t);
            case DOUBLE -> ArrayAccess.putDouble((DoubleArray) a, i, Double.longBitsToDouble(bits), t);
        }
    }

    /** The JVM's store of the same value: {@code bastore} keeps bit 0 for a boolean[], the others narrow. */
    static void put(Object jvm, int i, long bits) {
        if (jvm instanceof boolean[] z) {
            z[i] = ((int) bits & 1) != 0;
        } else if (jvm instanceof byte[] b) {
            b[i] = (byte) (int) bits;
        } else if (jvm instanceof short[] s) {
            s[i] = (short) (int) bits;
        } else if (jvm instanceof char[] c) {
            c[i] = (char) (int) bits;
        } else if (jvm instanceof int[] n) {
            n[i] = (int) bits;
        } else if (jvm instanceof long[] l) {
            l[i] = bits;
        } else if (jvm instanceof float[] f) {
            f[i] = Float.intBitsToFloat((int) bits);
        } else {
            ((double[]) jvm)[i] = Double.longBitsToDouble(bits);
        }
    }

    /** Element {@code i} as rewritten code reads it (a boolean as the byte {@code baload} gives), boxed. */
    static Object get(PrimitiveArray a, int i, Tlb t) {
        return switch (a.kind()) {
            case BOOLEAN -> ArrayAccess.getBoolean((BooleanArray) a, i, t);
            case BYTE -> ArrayAccess.getByte((ByteArray) a, i, t);
            case SHORT -> ArrayAccess.getShort((ShortArray) a, i, t);
            case CHAR -> ArrayAccess.getChar((CharArray) a, i, t);
            case INT -> ArrayAccess.getInt((IntArray) a, i, t);
            case LONG -> ArrayAccess.getLong((LongArray) a, i, t);
            case FLOAT -> ArrayAccess.getFloat((FloatArray) a, i, t);
            case DOUBLE -> ArrayAccess.getDouble((DoubleArray) a, i, t);
        };
    }

    /** Element {@code i} of a JVM array as {@link #get(PrimitiveArray, int, Tlb)} gives it. */
    static Object get(Object jvm, int i) {
        if (jvm instanceof boolean[] z) {
            return (byte) (z[i] ? 1 : 0);
        }
        return java.lang.reflect.Array.get(jvm, i);
    }

    /** A JVM array of {@code k} with the elements of {@code a}, read one by one. */
    static Object read(PrimitiveArray a, Tlb t) {
        Object jvm = a.kind().newJvmArray(a.length);
        for (int i = 0; i < a.length; i++) {
            Object v = get(a, i, t);
            if (jvm instanceof boolean[] z) {
                z[i] = (Byte) v != 0;
            } else {
                java.lang.reflect.Array.set(jvm, i, v);
            }
        }
        return jvm;
    }

    /** Writes the elements of {@code jvm} into {@code a} one by one. */
    static void write(PrimitiveArray a, Object jvm, Tlb t) {
        for (int i = 0; i < a.length; i++) {
            put(a, i, bits(jvm, i), t);
        }
    }

    /** The bits {@link #put(Object, int, long)} would take to store element {@code i} of {@code jvm}. */
    static long bits(Object jvm, int i) {
        if (jvm instanceof boolean[] z) {
            return z[i] ? 1 : 0;
        } else if (jvm instanceof byte[] b) {
            return b[i];
        } else if (jvm instanceof short[] s) {
            return s[i];
        } else if (jvm instanceof char[] c) {
            return c[i];
        } else if (jvm instanceof int[] n) {
            return n[i];
        } else if (jvm instanceof long[] l) {
            return l[i];
        } else if (jvm instanceof float[] f) {
            return Float.floatToRawIntBits(f[i]);
        }
        return Double.doubleToRawLongBits(((double[]) jvm)[i]);
    }

    /** A JVM array of {@code k} of random elements. */
    static Object random(Kind k, int length, Random r) {
        Object jvm = k.newJvmArray(length);
        for (int i = 0; i < length; i++) {
            put(jvm, i, r.nextLong());
        }
        return jvm;
    }

    /** A new handle (local or remote as the installed memory decides) holding the elements of {@code jvm}. */
    static PrimitiveArray handleOf(Object jvm, Tlb t) {
        PrimitiveArray a = ArrayHandles.create(java.lang.reflect.Array.getLength(jvm), Kind.of(jvm.getClass()));
        write(a, jvm, t);
        return a;
    }

    static boolean isRemote(PrimitiveArray a) {
        return a.local() == null;
    }

    interface Call {
        Object call() throws Throwable;
    }

    /** What a call gives, to compare with the JVM's: its value, or its exception's class and message. */
    static String outcome(Call c) {
        try {
            Object v = c.call();
            return "returns " + (v != null && v.getClass().isArray() ? java.util.Arrays.deepToString(new Object[] {v}) : v);
        } catch (Throwable e) {
            return "throws " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
