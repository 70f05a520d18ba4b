package io.legoj.memnode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The journal of a {@link MemNode} ({@code bin/legoj memnode --journal DIR}). Start from
 * {@link #of(Path)}.
 *
 * <p>Durability. A change is acknowledged once it is appended to the journal, a memory-mapped
 * Chronicle Queue: it then survives the death of the process ({@code kill -9}, a JVM crash), not
 * necessarily a crash of the machine, whose kernel may not have written the last pages back yet.
 * With {@code forceEachBatch} every append is also forced to the disk before the acknowledgement,
 * which survives the machine's crash too, at the price of one {@code msync} per request.
 *
 * @param dir directory of the journal (created if missing); a node started on it again gets back
 *        the regions and pages it held
 * @param compactBytes journal growth since the last compaction after which the live state is
 *        rewritten into a fresh generation and the older ones deleted (the growth must also reach
 *        the size of the live state, so a compaction never writes more than it reclaims)
 * @param compactInterval time after which a compaction is taken if anything was journaled since
 *        the last one (on the node's ticker)
 * @param forceEachBatch force every append to the disk before acknowledging it
 */
public record JournalConfig(Path dir, long compactBytes, Duration compactInterval, boolean forceEachBatch) {
    public static final long DEFAULT_COMPACT_BYTES = 64L << 20;
    public static final Duration DEFAULT_COMPACT_INTERVAL = Duration.ofMinutes(5);

    public JournalConfig {
        Objects.requireNonNull(dir, "dir must not be null");
        Objects.requireNonNull(compactInterval, "compactInterval must not be null");
        if (compactBytes < 1) {
            throw new IllegalArgumentException("compactBytes must be positive, got " + compactBytes);
        }
        if (compactInterval.isNegative() || compactInterval.isZero()) {
            throw new IllegalArgumentException("compactInterval must be positive, got " + compactInterval);
        }
    }

    /** Defaults: compaction after 64 MiB of growth or 5 minutes, no force per batch. */
    public static JournalConfig of(Path dir) {
        return new JournalConfig(dir, DEFAULT_COMPACT_BYTES, DEFAULT_COMPACT_INTERVAL, false);
    }

    public JournalConfig withCompaction(long bytes, Duration interval) {
        return new JournalConfig(dir, bytes, interval, forceEachBatch);
    }

    public JournalConfig withForceEachBatch(boolean force) {
        return new JournalConfig(dir, compactBytes, compactInterval, force);
    }
}
