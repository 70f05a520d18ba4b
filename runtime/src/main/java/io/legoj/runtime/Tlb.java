package io.legoj.runtime;

import static io.legoj.runtime.UnsafeAccess.U;

import io.legoj.runtime.objects.RemoteObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import jdk.internal.vm.annotation.DontInline;
import jdk.internal.vm.annotation.ForceInline;

/**
 * One thread's translation buffer: the hot path of LegoJ. A direct-mapped table from virtual page
 * to frame address; every valid entry holds a pin on its frame, so the frame cannot be reassigned
 * while this thread may touch it. Only the owner thread changes its entries and pins (in
 * {@link PageCache#translate}); the evictor only reads the pins and may invalidate tags, which
 * merely sends the owner to the slow path, where it drops its pins when asked to.
 *
 * <p>Handles of remote objects remember the frame address of their object under a stamp of the TLB
 * that translated it ({@link #objectMiss}). A stamp is unique in the JVM and changes whenever the
 * owner drops a pin, so a handle whose stamp is this TLB's current one holds a translation that is
 * still pinned: the owner's field access needs no table lookup. Another thread may overwrite the
 * remembered frame address, but only with one it translated while its own pin kept the page in its
 * frame; while this TLB's pin keeps it there too, that is the same frame, and a write from before
 * the page last moved happened before its pin was dropped, so before this TLB translated it.
 *
 * <p>Typed accesses must be naturally aligned, so that none straddles a page.
 */
public final class Tlb {
    private static final VarHandle PIN = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle TAG = MethodHandles.arrayElementVarHandle(long[].class);
    /** Where slot 0 of {@link #e} starts: a slot is four longs, 32 bytes. */
    private static final long SLOT_BASE = U.arrayBaseOffset(long[].class);
    /** The shift of every TLB of this JVM when the agent pinned the page size ({@link PageShift}), else -1. */
    private static final int PINNED_SHIFT = PageShift.read();
    /** Where TLBs take blocks of stamps: every stamp of the JVM's life is used once. */
    private static final AtomicLong STAMPS = new AtomicLong();
    private static final long STAMP_BLOCK = 1L << 20;
    /** The stamp an evictor leaves when it asks the owner to drop its pins: no handle holds it. */
    private static final long FLUSHING = -2;

    final PageCache cache;
    final Thread owner;
    final int shift;
    final long offsetMask;
    final int maxEntries;
    /** The owner's view: only the owner replaces these, in {@link #grow}. A long, so slot offsets need no sign extension. */
    long mask;
    /** Slot i at k = 4i: [k] page readable (or -1), [k+1] page writable (or -1), [k+2] frame address minus the page's virtual address. */
    long[] e;
    /** {@link #e} as other threads see it, for shootdowns. */
    private volatile long[] published;
    /** Frame pinned by slot i, or -1; read by evictors, hence volatile access. */
    private volatile int[] pins;
    /** Set by an evictor that needs this thread to drop its pins. */
    volatile boolean flushRequested;
    /**
     * Where {@code ArrayLoops.open} leaves the window it opened, for the caller to read at once:
     * element i is at {@code windowOffset + (i << shift)} of {@code windowBase} (null: a frame address).
     */
    public Object windowBase;
    public long windowOffset;
    /** See {@link #changes()}; counted by the owner in {@link PageCache#translate}. */
    int changes;
    long lastFault = -2;
    int readAhead;
    /** Misses since the last growth on a resident page whose slot held another page: the reach was too short. */
    int residentConflicts;
    /**
     * Positive and even: what handles translated by this TLB since it last dropped a pin hold (odd:
     * also for writing). {@link #FLUSHING} after a shootdown, until the owner's next slow path.
     */
    private volatile long stamp;
    /** The owner's last stamp, and the end of its block. */
    private long lastStamp;
    private long stampLimit;
    /** Accesses that {@link #servesFromTable} gave to the table. */
    private int tableServed;

    Tlb(PageCache cache, Thread owner, int entries, int maxEntries, int pageShift) {
        this.cache = cache;
        this.owner = owner;
        this.shift = pageShift;
        this.offsetMask = (1L << pageShift) - 1;
        this.maxEntries = maxEntries;
        install(entries);
        renewStamp();
    }

    /** Owner only: a stamp no handle holds yet, so that every remembered translation is forgotten. */
    void renewStamp() {
        long next = lastStamp + 2;
        if (next >= stampLimit) {
            long block = STAMPS.getAndAdd(STAMP_BLOCK);
            next = block + 2;
            stampLimit = block + STAMP_BLOCK;
        }
        lastStamp = next;
        stamp = next;
    }

    /** Owner only, at the end of a slow path: a stamp again, should a shootdown have left {@link #FLUSHING}. */
    void restamp() {
        if (stamp < 0) {
            renewStamp();
        }
    }

    private void install(int entries) {
        long[] tags = new long[4 * entries];
        int[] p = new int[entries];
        java.util.Arrays.fill(tags, -1);
        java.util.Arrays.fill(p, -1);
        this.e = tags;
        this.mask = entries - 1;
        this.published = tags;
        this.pins = p;
    }

    /** True when the resident conflict misses say a larger table would hit, and it may grow. */
    boolean shouldGrow() {
        return residentConflicts > 4 * entries() && entries() < maxEntries;
    }

    /** Four times the entries (at most {@link #maxEntries}); owner only, with every pin dropped. */
    void grow() {
        install(Math.min(maxEntries, 4 * entries()));
        residentConflicts = 0;
    }

    /**
     * Frame address of {@code va} for reading, for several accesses to its page: it stays valid until
     * this thread's next miss, since only the owner drops its pins, and only on a miss.
     */
    public long readAddress(long va) {
        return r(va);
    }

    /**
     * Owner only: whether the table translates {@code va} (for writing when {@code write}), and so
     * holds a pin on its page, wherever the current size puts it.
     */
    @ForceInline
    public boolean holds(long va, boolean write) {
        long vpn = va >>> (PINNED_SHIFT >= 0 ? PINNED_SHIFT : shift);
        return U.getLong(e, SLOT_BASE + ((vpn & mask) << 5) + (write ? 8 : 0)) == vpn;
    }

    /**
     * Owner only: how many times this thread took the slow path, where alone its entries and pins
     * change. While it stays the same, every translation the thread got since is still pinned.
     */
    public int changes() {
        return changes;
    }

    /** The bits of a virtual address that are its offset in its page. */
    public long pageMask() {
        return offsetMask;
    }

    /** {@link #readAddress} for writing (the page is marked dirty, and stays so while pinned). */
    public long writeAddress(long va) {
        return w(va);
    }

    /**
     * Address of {@code va} for reading, pinned until this slot is reused. The slot's offset into
     * {@link #e} is masked, so the entries are read without the JVM's index checks. Forced inline:
     * once compiled on its own, C2 would refuse to inline it ("already compiled into a big method")
     * depending on compile order, and every access of a hot loop paid a call (a random update went
     * from about 34 to 56 ns from one JVM to the next).
     */
    @ForceInline
    long r(long va) {
        long vpn = va >>> (PINNED_SHIFT >= 0 ? PINNED_SHIFT : shift);
        long[] e = this.e;
        long at = SLOT_BASE + ((vpn & mask) << 5);
        return U.getLong(e, at) == vpn ? va + U.getLong(e, at + 16) : cache.translate(this, va, false) + (va & offsetMask);
    }

    /** Address of {@code va} for writing (the page is marked dirty); forced inline as {@link #r}. */
    @ForceInline
    long w(long va) {
        long vpn = va >>> (PINNED_SHIFT >= 0 ? PINNED_SHIFT : shift);
        long[] e = this.e;
        long at = SLOT_BASE + ((vpn & mask) << 5);
        return U.getLong(e, at + 8) == vpn ? va + U.getLong(e, at + 16) : cache.translate(this, va, true) + (va & offsetMask);
    }

    /**
     * Whether a handle that remembers {@code handleStamp} may read its object at its remembered
     * frame address: the hit test of a linked field access, which puts it in a {@code guardWithTest}
     * of its own, so that each access site profiles its own misses and C2 compiles no miss path into
     * a site that never missed. The stamp is read each time, so that a shootdown is seen at once.
     */
    @ForceInline
    public boolean readsThrough(long handleStamp) {
        return (handleStamp | 1) == (stamp | 1);
    }

    /** {@link #readsThrough} for writing: the remembered translation is for writing. */
    @ForceInline
    public boolean writesThrough(long handleStamp) {
        return handleStamp == (stamp | 1);
    }

    /**
     * Whether the table gives the frame address where the object of a handle starts, for a handle
     * that does not hold this TLB's current stamp ({@code raw} is its address field): for all but
     * one such access in 4096, which goes to {@link #objectMiss} and has the handle remember. Were
     * every such handle taken over at once, threads that share objects would take turns writing
     * their handles; and a handle that holds an older stamp of this TLB's is left to the same odds,
     * since telling it apart cost this path more than it saved. A handle whose object has no
     * storage yet holds address 0, and no TLB ever holds page 0 (no region starts there: {@link
     * RegionSource}), so it goes to {@link #objectMiss}, which allocates.
     */
    @ForceInline
    public boolean servesFromTable(long raw, boolean write) {
        return holds(raw, write) && (++tableServed & 4095) != 0;
    }

    /** Frame address of {@code va}, which {@link #servesFromTable} just said the table translates. */
    @ForceInline
    public long heldAddress(long va) {
        long vpn = va >>> (PINNED_SHIFT >= 0 ? PINNED_SHIFT : shift);
        return va + U.getLong(e, SLOT_BASE + ((vpn & mask) << 5) + 16);
    }

    /**
     * The miss of a linked field access to the page where the object of {@code handle} starts:
     * allocates an object that has no storage yet, translates its address, and has the handle
     * remember the result under this TLB's stamp (none while a shootdown waits for this thread).
     */
    @DontInline
    public long objectMiss(RemoteObject handle, boolean write) {
        long va = handle.$legoj$address();
        long base = stamp < 0 ? cache.translate(this, va, write) + (va & offsetMask) : write ? w(va) : r(va);
        long s = stamp;
        if (s > 0) {
            handle.$legoj$remember(base, write || holds(va, true) ? s | 1 : s);
        }
        return base;
    }

    public byte getByte(long va) {
        return U.getByte(r(va));
    }

    public void putByte(long va, byte v) {
        U.putByte(w(va), v);
    }

    public boolean getBoolean(long va) {
        return U.getByte(r(va)) != 0;
    }

    public void putBoolean(long va, boolean v) {
        U.putByte(w(va), v ? (byte) 1 : (byte) 0);
    }

    public short getShort(long va) {
        return U.getShort(r(va));
    }

    public void putShort(long va, short v) {
        U.putShort(w(va), v);
    }

    public char getChar(long va) {
        return U.getChar(r(va));
    }

    public void putChar(long va, char v) {
        U.putChar(w(va), v);
    }

    public int getInt(long va) {
        return U.getInt(r(va));
    }

    public void putInt(long va, int v) {
        U.putInt(w(va), v);
    }

    public long getLong(long va) {
        return U.getLong(r(va));
    }

    public void putLong(long va, long v) {
        U.putLong(w(va), v);
    }

    public float getFloat(long va) {
        return U.getFloat(r(va));
    }

    public void putFloat(long va, float v) {
        U.putFloat(w(va), v);
    }

    public double getDouble(long va) {
        return U.getDouble(r(va));
    }

    public void putDouble(long va, double v) {
        U.putDouble(w(va), v);
    }

    public int getIntVolatile(long va) {
        return U.getIntVolatile(null, r(va));
    }

    public void putIntVolatile(long va, int v) {
        U.putIntVolatile(null, w(va), v);
    }

    public long getLongVolatile(long va) {
        return U.getLongVolatile(null, r(va));
    }

    public void putLongVolatile(long va, long v) {
        U.putLongVolatile(null, w(va), v);
    }

    public byte getByteVolatile(long va) {
        return U.getByteVolatile(null, r(va));
    }

    public void putByteVolatile(long va, byte v) {
        U.putByteVolatile(null, w(va), v);
    }

    public short getShortVolatile(long va) {
        return U.getShortVolatile(null, r(va));
    }

    public void putShortVolatile(long va, short v) {
        U.putShortVolatile(null, w(va), v);
    }

    public char getCharVolatile(long va) {
        return U.getCharVolatile(null, r(va));
    }

    public void putCharVolatile(long va, char v) {
        U.putCharVolatile(null, w(va), v);
    }

    public float getFloatVolatile(long va) {
        return U.getFloatVolatile(null, r(va));
    }

    public void putFloatVolatile(long va, float v) {
        U.putFloatVolatile(null, w(va), v);
    }

    public double getDoubleVolatile(long va) {
        return U.getDoubleVolatile(null, r(va));
    }

    public void putDoubleVolatile(long va, double v) {
        U.putDoubleVolatile(null, w(va), v);
    }

    public boolean compareAndSetInt(long va, int expect, int update) {
        return U.compareAndSwapInt(null, w(va), expect, update);
    }

    public boolean compareAndSetLong(long va, long expect, long update) {
        return U.compareAndSwapLong(null, w(va), expect, update);
    }

    // ---- slow-path helpers, called by the owner thread only unless stated ----

    int pin(int i) {
        return (int) PIN.getVolatile(pins, i);
    }

    void setPin(int i, int frame) {
        PIN.setVolatile(pins, i, frame);
    }

    /** The pins as they are now, for evictors: read after a frame turned EVICTING, it shows every pin on it. */
    int[] pinsSnapshot() {
        return pins;
    }

    static int pinAt(int[] pins, int i) {
        return (int) PIN.getVolatile(pins, i);
    }

    /** Makes slot i translate {@code vpn} to {@code frameAddress}; volatile so an evictor's later invalidation wins. */
    void fill(int i, long vpn, long frameAddress, boolean writable) {
        e[(i << 2) + 2] = frameAddress - (vpn << shift);
        TAG.setVolatile(e, i << 2, vpn);
        TAG.setVolatile(e, (i << 2) + 1, writable ? vpn : -1L);
    }

    boolean writable(int i, long vpn) {
        return e[(i << 2) + 1] == vpn;
    }

    /** Whether {@code vpn} is in the table for writing, wherever the current size puts it. */
    boolean holdsWritable(long vpn) {
        return writable((int) (vpn & mask), vpn);
    }

    /** Owner only: slot i translates nothing; handles that remember a translation of this TLB's forget it. */
    void invalidate(int i) {
        TAG.setVolatile(e, i << 2, -1L);
        TAG.setVolatile(e, (i << 2) + 1, -1L);
        renewStamp();
    }

    /** Any thread: asks the owner to drop its pins at its next access, remembered translations included. */
    void shootDown() {
        flushRequested = true;
        invalidateAll();
        stamp = FLUSHING;
    }

    /**
     * Any thread: invalidates every entry, after {@link #flushRequested} was set. Should the owner
     * be growing meanwhile, it reads the flag after publishing its new table and drops its pins.
     */
    private void invalidateAll() {
        long[] tags = published;
        for (int k = 0; k < tags.length; k += 4) {
            TAG.setVolatile(tags, k, -1L);
            TAG.setVolatile(tags, k + 1, -1L);
        }
    }

    int entries() {
        return (int) mask + 1;
    }
}
