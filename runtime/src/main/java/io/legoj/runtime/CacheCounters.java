package io.legoj.runtime;

import java.util.concurrent.atomic.LongAdder;

/** What the page cache did; slow-path counters only, the hit path counts nothing. */
public final class CacheCounters {
    /** Translations that missed the thread's TLB. */
    public final LongAdder tlbMisses = new LongAdder();
    /** TLB misses whose page was not resident. */
    public final LongAdder faults = new LongAdder();
    public final LongAdder zeroFills = new LongAdder();
    public final LongAdder pagesRead = new LongAdder();
    public final LongAdder readAheadPages = new LongAdder();
    public final LongAdder evictions = new LongAdder();
    public final LongAdder writeBacks = new LongAdder();
    public final LongAdder piggybackedWriteBacks = new LongAdder();
    public final LongAdder shootdowns = new LongAdder();
    /** Thread TLBs that grew because their resident working set did not fit. */
    public final LongAdder tlbGrowths = new LongAdder();

    /** Share of TLB misses served without a fault. */
    public double hitRatio() {
        long misses = tlbMisses.sum();
        return misses == 0 ? 1.0 : 1.0 - (double) faults.sum() / misses;
    }
}
