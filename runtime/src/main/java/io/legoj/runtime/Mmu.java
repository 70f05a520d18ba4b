package io.legoj.runtime;

/**
 * The static entry points rewritten code calls. Code that makes many accesses in one method should
 * take the thread's {@link Tlb} once ({@link #tlb()}) and use it: a method always runs on one thread.
 */
public final class Mmu {
    private static volatile LegojRuntime runtime;
    private static PageCache cache;
    private static Heap heap;

    private Mmu() {
    }

    /** Installs the runtime of this JVM; done once by the agent before any application class runs. */
    public static synchronized void install(LegojRuntime rt) {
        if (runtime != null) {
            throw new IllegalStateException("a LegoJ runtime is installed already");
        }
        cache = rt.cache();
        heap = rt.heap();
        runtime = rt;
    }

    /**
     * The memory the static entry points use, without a runtime (null: none): for tests over an
     * in-memory backend, where remote objects and arrays meet.
     */
    static synchronized void useMemory(PageCache cache, Heap heap) {
        Mmu.cache = cache;
        Mmu.heap = heap;
    }

    public static LegojRuntime runtime() {
        LegojRuntime rt = runtime;
        if (rt == null) {
            throw new IllegalStateException("no LegoJ runtime is installed (start the JVM with -javaagent:legoj-agent.jar)");
        }
        return rt;
    }

    public static Tlb tlb() {
        return cache.tlb();
    }

    public static long allocate(long bytes) {
        return heap.allocate(bytes);
    }

    /** Whether the page of {@code va} is in the page cache now. */
    public static boolean isResident(long va) {
        return cache.isResident(va);
    }

    public static void free(long va) {
        heap.free(va);
    }

    /** Copies {@code bytes} bytes between two remote ranges (which may overlap). */
    public static void copy(long from, long to, long bytes) {
        cache.copy(from, to, bytes);
    }

    public static byte getByte(long va) {
        return cache.tlb().getByte(va);
    }

    public static void putByte(long va, byte v) {
        cache.tlb().putByte(va, v);
    }

    public static boolean getBoolean(long va) {
        return cache.tlb().getBoolean(va);
    }

    public static void putBoolean(long va, boolean v) {
        cache.tlb().putBoolean(va, v);
    }

    public static short getShort(long va) {
        return cache.tlb().getShort(va);
    }

    public static void putShort(long va, short v) {
        cache.tlb().putShort(va, v);
    }

    public static char getChar(long va) {
        return cache.tlb().getChar(va);
    }

    public static void putChar(long va, char v) {
        cache.tlb().putChar(va, v);
    }

    public static int getInt(long va) {
        return cache.tlb().getInt(va);
    }

    public static void putInt(long va, int v) {
        cache.tlb().putInt(va, v);
    }

    public static long getLong(long va) {
        return cache.tlb().getLong(va);
    }

    public static void putLong(long va, long v) {
        cache.tlb().putLong(va, v);
    }

    public static float getFloat(long va) {
        return cache.tlb().getFloat(va);
    }

    public static void putFloat(long va, float v) {
        cache.tlb().putFloat(va, v);
    }

    public static double getDouble(long va) {
        return cache.tlb().getDouble(va);
    }

    public static void putDouble(long va, double v) {
        cache.tlb().putDouble(va, v);
    }
}
