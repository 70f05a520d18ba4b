package io.legoj.runtime;

/**
 * Hands out regions of the virtual address space, each placed on a memory node. Never the region at
 * address 0: a remote object's handle holds address 0 until the object has storage, and the TLB
 * relies on page 0 never being translated to send such a handle to its miss path ({@link Tlb#objectMiss}).
 */
public interface RegionSource {
    long regionSize();

    /** Allocates {@code count} adjacent regions and returns the address of the first. */
    long allocateRegions(int count);
}
