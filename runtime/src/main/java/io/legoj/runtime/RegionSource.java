package io.legoj.runtime;

/** Hands out regions of the virtual address space, each placed on a memory node. */
public interface RegionSource {
    long regionSize();

    /** Allocates {@code count} adjacent regions and returns the address of the first. */
    long allocateRegions(int count);
}
