package io.legoj.runtime.objects;

/**
 * Implemented (by the agent's rewriting) by the topmost remote class of every remote hierarchy:
 * besides the address, the handle remembers where one thread's page cache last put its object, so
 * that this thread's next field access needs no lookup in its TLB.
 */
public interface RemoteObject extends RemoteHandle {
    /**
     * Remembers the frame address where the object starts, valid while the translation stamp of
     * the calling thread's TLB is {@code stamp} (odd: also for writing). Only a TLB's owner calls
     * this, with its own stamp, right after it translated the object's address. The fields are
     * plain: a thread only ever matches a stamp it wrote itself, and HotSpot on 64-bit platforms
     * reads and writes a {@code long} field whole.
     */
    void $legoj$remember(long base, long stamp);
}
