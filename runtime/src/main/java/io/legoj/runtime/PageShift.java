package io.legoj.runtime;

/**
 * The page size of this JVM's runtime, fixed by the agent before any {@link Tlb} exists. The TLB
 * reads it into a static final field, so the JIT folds each translation's shift into a constant (a
 * variable shift and its load took about 7 % of a resident field round). A JVM without the agent
 * (the runtime's own tests) pins nothing, and each TLB shifts by its cache's page size.
 */
public final class PageShift {
    private static int pinned = -1;
    private static boolean read;

    private PageShift() {
    }

    /** Fixes the page size for this JVM; only before the TLB class is initialised. */
    public static synchronized void pin(int pageSize) {
        if (Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("pageSize must be a power of two, got " + pageSize);
        }
        if (read) {
            throw new IllegalStateException("the page size is pinned only before the first TLB exists");
        }
        pinned = Integer.numberOfTrailingZeros(pageSize);
    }

    /** The pinned shift, or -1; after this, {@link #pin} refuses. */
    static synchronized int read() {
        read = true;
        return pinned;
    }

    /** Refuses a page cache whose pages are not the pinned size: its TLBs would translate wrongly. */
    static void check(int pageShift) {
        check(read(), pageShift);
    }

    static void check(int pinnedShift, int pageShift) {
        int p = pinnedShift;
        if (p >= 0 && p != pageShift) {
            throw new IllegalArgumentException("this JVM's pages are " + (1 << p) + " bytes, not " + (1 << pageShift));
        }
    }
}
