package io.legoj.runtime.arrays;

import static io.legoj.runtime.UnsafeAccess.U;

import io.legoj.runtime.Tlb;

/**
 * The fast path of counted loops over arrays (the agent's {@code ArrayLoopRewriter}): before a run
 * of iterations, {@link #open} checks the indexes the run will use and translates their page once,
 * for each array of the loop; the run's element accesses then read and write at these windows
 * without an index check or a TLB lookup. A window stays valid because the run makes no call (so
 * this thread has no TLB miss, and only a miss drops its pins) and its indexes stay within one page
 * and the array.
 *
 * <p>The element methods take the operands of the {@link ArrayAccess} method they replace, then the
 * window; the array and the TLB are not used again.
 */
public final class ArrayLoops {
    /**
     * The window base of an array whose window a call in the loop's body closed: the rest of the
     * iteration reaches it through {@link ArrayAccess}, and the run ends with the iteration.
     */
    public static final Object NO_WINDOW = new Object();

    private ArrayLoops() {
    }

    /**
     * Opens a window at index {@code i} of {@code a} (for writing when {@code write}) into
     * {@code t.windowBase}/{@code t.windowOffset} and returns the end of the run it allows: at most
     * {@code bound}, the length, and the end of {@code i}'s page for a remote array. Returns {@code i}
     * when there is no run (a null array, an index out of bounds), so that the plain loop body throws
     * as the JVM would.
     */
    public static int open(PrimitiveArray a, int i, int bound, Tlb t, boolean write) {
        if (a == null) {
            return i;
        }
        int limit = Math.min(bound, a.length);
        if (i < 0 || i >= limit) {
            return i;
        }
        Kind k = a.kind();
        Object local = a.local();
        if (local != null) {
            t.windowBase = local;
            t.windowOffset = k.base;
            return limit;
        }
        long va = a.address + ((long) i << k.shift);
        long frame = write ? t.writeAddress(va) : t.readAddress(va);
        t.windowBase = null;
        t.windowOffset = frame - ((long) i << k.shift);
        long pageEnd = (va | t.pageMask()) + 1;
        return (int) Math.min(limit, (pageEnd - a.address) >> k.shift);
    }

    /**
     * {@link #open} for a loop that counts down: opens the window at index {@code i} of {@code a} and
     * returns the floor of the run, which goes on while the index is above it: at least
     * {@code low - 1} ({@code low} is the lowest index the loop takes), -1, and the index before the
     * first element on {@code i}'s page for a remote array. Returns {@code i} when there is no run.
     */
    public static int openDown(PrimitiveArray a, int i, int low, Tlb t, boolean write) {
        if (a == null || i < 0 || i >= a.length || i < low) {
            return i;
        }
        Kind k = a.kind();
        Object local = a.local();
        int lowest = Math.max(low, 0);
        if (local != null) {
            t.windowBase = local;
            t.windowOffset = k.base;
            return lowest - 1;
        }
        long va = a.address + ((long) i << k.shift);
        long frame = write ? t.writeAddress(va) : t.readAddress(va);
        t.windowBase = null;
        t.windowOffset = frame - ((long) i << k.shift);
        // elements are aligned to their size, so none straddles the page's start
        long pageStart = va & ~t.pageMask();
        return (int) Math.max(lowest, (pageStart - a.address) >> k.shift) - 1;
    }

    /**
     * Row {@code r} of {@code rows}, or null where reading it would throw (the loop's plain body throws
     * then) or where {@code rows} is a remote {@code RefArray}: a run reads its rows again, and a
     * remote read may miss in the TLB, so runs open only over rows of a JVM array.
     */
    public static Object row(Object rows, int r) {
        return rows instanceof Object[] a && r >= 0 && r < a.length ? a[r] : null;
    }

    /**
     * {@code end} when the window {@link #open} opened on {@code a} at {@code i}, whose base was
     * {@code base}, is still valid: a JVM array's always is; a frame's while this thread's table
     * still pins it (opening another array's window since may have taken its slot). Else {@code i}:
     * no run.
     */
    public static int stillOpen(PrimitiveArray a, int i, int end, Tlb t, boolean write, Object base) {
        if (i >= end || base != null) {
            return end;
        }
        return t.holds(a.address + ((long) i << a.kind().shift), write) ? end : i;
    }

    /** {@link #stillOpen} for a loop that counts down, whose run goes on above {@code floor}. */
    public static int stillOpenDown(PrimitiveArray a, int i, int floor, Tlb t, boolean write, Object base) {
        if (i <= floor || base != null) {
            return floor;
        }
        return t.holds(a.address + ((long) i << a.kind().shift), write) ? floor : i;
    }

    /**
     * After a call in a run's body, which may have run any code on this thread: {@code base} when the
     * window of {@code a} is still what {@link #open} made it, else {@link #NO_WINDOW}. It is while
     * the array's source still yields it ({@code current}: a callee may store the field or the row
     * it comes from), its home is the same (a pinned array's moved to a JVM array, a small one's to
     * remote memory) and, for a frame's window, while the thread took no slow path since the run
     * opened ({@code changes}, which {@link Tlb#changes} was then): only there does it drop pins.
     */
    public static Object afterCall(Object current, PrimitiveArray a, Object base, Tlb t, int changes) {
        return base == NO_WINDOW || current != a || a.local() != base || base == null && t.changes() != changes
                ? NO_WINDOW : base;
    }

    /** The run's end (or floor), or {@code i} once a window is closed: the run ends with this iteration. */
    public static int endAfterCall(int end, int i, Object base) {
        return base == NO_WINDOW ? i : end;
    }

    public static byte getBoolean(BooleanArray a, int i, Tlb t, Object base, long offset) {
        return U.getByte(base, offset + i);
    }

    public static void putBoolean(BooleanArray a, int i, int v, Tlb t, Object base, long offset) {
        U.putByte(base, offset + i, (byte) (v & 1));
    }

    public static byte getByte(ByteArray a, int i, Tlb t, Object base, long offset) {
        return U.getByte(base, offset + i);
    }

    public static void putByte(ByteArray a, int i, int v, Tlb t, Object base, long offset) {
        U.putByte(base, offset + i, (byte) v);
    }

    public static short getShort(ShortArray a, int i, Tlb t, Object base, long offset) {
        return U.getShort(base, offset + ((long) i << 1));
    }

    public static void putShort(ShortArray a, int i, int v, Tlb t, Object base, long offset) {
        U.putShort(base, offset + ((long) i << 1), (short) v);
    }

    public static char getChar(CharArray a, int i, Tlb t, Object base, long offset) {
        return U.getChar(base, offset + ((long) i << 1));
    }

    public static void putChar(CharArray a, int i, int v, Tlb t, Object base, long offset) {
        U.putChar(base, offset + ((long) i << 1), (char) v);
    }

    public static int getInt(IntArray a, int i, Tlb t, Object base, long offset) {
        return U.getInt(base, offset + ((long) i << 2));
    }

    public static void putInt(IntArray a, int i, int v, Tlb t, Object base, long offset) {
        U.putInt(base, offset + ((long) i << 2), v);
    }

    public static long getLong(LongArray a, int i, Tlb t, Object base, long offset) {
        return U.getLong(base, offset + ((long) i << 3));
    }

    public static void putLong(LongArray a, int i, long v, Tlb t, Object base, long offset) {
        U.putLong(base, offset + ((long) i << 3), v);
    }

    public static float getFloat(FloatArray a, int i, Tlb t, Object base, long offset) {
        return U.getFloat(base, offset + ((long) i << 2));
    }

    public static void putFloat(FloatArray a, int i, float v, Tlb t, Object base, long offset) {
        U.putFloat(base, offset + ((long) i << 2), v);
    }

    public static double getDouble(DoubleArray a, int i, Tlb t, Object base, long offset) {
        return U.getDouble(base, offset + ((long) i << 3));
    }

    public static void putDouble(DoubleArray a, int i, double v, Tlb t, Object base, long offset) {
        U.putDouble(base, offset + ((long) i << 3), v);
    }

    // In a run whose body makes calls: each access falls back to ArrayAccess once a call closed the window.

    public static byte getBooleanChecked(BooleanArray a, int i, Tlb t, Object base, long offset) {
        return base == NO_WINDOW ? ArrayAccess.getBoolean(a, i, t) : U.getByte(base, offset + i);
    }

    public static void putBooleanChecked(BooleanArray a, int i, int v, Tlb t, Object base, long offset) {
        if (base == NO_WINDOW) {
            ArrayAccess.putBoolean(a, i, v, t);
        } else {
            U.putByte(base, offset + i, (byte) (v & 1));
        }
    }

    public static byte getByteChecked(ByteArray a, int i, Tlb t, Object base, long offset) {
        return base == NO_WINDOW ? ArrayAccess.getByte(a, i, t) : U.getByte(base, offset + i);
    }

    public static void putByteChecked(ByteArray a, int i, int v, Tlb t, Object base, long offset) {
        if (base == NO_WINDOW) {
            ArrayAccess.putByte(a, i, v, t);
        } else {
            U.putByte(base, offset + i, (byte) v);
        }
    }

    public static short getShortChecked(ShortArray a, int i, Tlb t, Object base, long offset) {
        return base == NO_WINDOW ? ArrayAccess.getShort(a, i, t) : U.getShort(base, offset + ((long) i << 1));
    }

    public static void putShortChecked(ShortArray a, int i, int v, Tlb t, Object base, long offset) {
        if (base == NO_WINDOW) {
            ArrayAccess.putShort(a, i, v, t);
        } else {
            U.putShort(base, offset + ((long) i << 1), (short) v);
        }
    }

    public static char getCharChecked(CharArray a, int i, Tlb t, Object base, long offset) {
        return base == NO_WINDOW ? ArrayAccess.getChar(a, i, t) : U.getChar(base, offset + ((long) i << 1));
    }

    public static void putCharChecked(CharArray a, int i, int v, Tlb t, Object base, long offset) {
        if (base == NO_WINDOW) {
            ArrayAccess.putChar(a, i, v, t);
        } else {
            U.putChar(base, offset + ((long) i << 1), (char) v);
        }
    }

    public static int getIntChecked(IntArray a, int i, Tlb t, Object base, long offset) {
        return base == NO_WINDOW ? ArrayAccess.getInt(a, i, t) : U.getInt(base, offset + ((long) i << 2));
    }

    public static void putIntChecked(IntArray a, int i, int v, Tlb t, Object base, long offset) {
        if (base == NO_WINDOW) {
            ArrayAccess.putInt(a, i, v, t);
        } else {
            U.putInt(base, offset + ((long) i << 2), v);
        }
    }

    public static long getLongChecked(LongArray a, int i, Tlb t, Object base, long offset) {
        return base == NO_WINDOW ? ArrayAccess.getLong(a, i, t) : U.getLong(base, offset + ((long) i << 3));
    }

    public static void putLongChecked(LongArray a, int i, long v, Tlb t, Object base, long offset) {
        if (base == NO_WINDOW) {
            ArrayAccess.putLong(a, i, v, t);
        } else {
            U.putLong(base, offset + ((long) i << 3), v);
        }
    }

    public static float getFloatChecked(FloatArray a, int i, Tlb t, Object base, long offset) {
        return base == NO_WINDOW ? ArrayAccess.getFloat(a, i, t) : U.getFloat(base, offset + ((long) i << 2));
    }

    public static void putFloatChecked(FloatArray a, int i, float v, Tlb t, Object base, long offset) {
        if (base == NO_WINDOW) {
            ArrayAccess.putFloat(a, i, v, t);
        } else {
            U.putFloat(base, offset + ((long) i << 2), v);
        }
    }

    public static double getDoubleChecked(DoubleArray a, int i, Tlb t, Object base, long offset) {
        return base == NO_WINDOW ? ArrayAccess.getDouble(a, i, t) : U.getDouble(base, offset + ((long) i << 3));
    }

    public static void putDoubleChecked(DoubleArray a, int i, double v, Tlb t, Object base, long offset) {
        if (base == NO_WINDOW) {
            ArrayAccess.putDouble(a, i, v, t);
        } else {
            U.putDouble(base, offset + ((long) i << 3), v);
        }
    }
}
