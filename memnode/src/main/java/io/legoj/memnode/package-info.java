/**
 * The memory node: the pages of many applications, one address space each, in off-heap memory up
 * to a capacity, served over the LegoJ protocol (regions, and PAGE_BATCH write-backs and reads).
 *
 * <h2>The journal ({@code bin/legoj memnode --journal DIR})</h2>
 * Without a journal the pages live and die with the process. With one, every change a processor
 * relies on is appended to a Chronicle Queue under {@code DIR} before it is acknowledged: a region
 * allocated (with the application's page size), a region freed, the writes of a PAGE_BATCH (one
 * entry per batch, the pages as raw bytes; a batch that only reads is not journaled), and an
 * application released when its lease expires. Closing the node journals nothing: its pages come
 * back on the next start. The format is in {@link io.legoj.memnode.PageJournal}; the generations,
 * checkpoint file and lock are the shared {@code io.legoj.protocol.journal.QueueJournal}'s
 * ({@code DIR/gen-NNNNNNNN/}, {@code DIR/checkpoint}, {@code DIR/lock}: one node per directory).
 *
 * <h2>What "durable" means</h2>
 * An acknowledged change survives the death of the process ({@code kill -9}, a JVM crash, the OOM
 * killer): it was copied into the memory-mapped queue, which the kernel owns, before the reply was
 * written. It does not necessarily survive a crash of the machine: the kernel writes those pages
 * back on its own schedule (about 30 s on Linux), so a power cut may lose the last seconds. That
 * is the default because a memnode's job is memory, the journal is for restarting the process
 * (upgrades, crashes), and the machine's failure is what replicas on other memnodes are for; forcing
 * every batch costs 2 to 5 times the throughput here. {@code --journal-fsync}
 * ({@link io.legoj.memnode.JournalConfig#forceEachBatch()}) forces each entry with
 * {@code msync(MS_SYNC)} before the reply, for a node that must survive its machine alone.
 * Compaction always forces the new generation before it deletes the old ones, so a machine crash
 * can cost the tail, never the whole journal.
 *
 * <h2>Restart</h2>
 * Constructing a {@link io.legoj.memnode.MemNode} on an existing journal replays it (see
 * {@link io.legoj.memnode.Recovery}): a first pass over headers and addresses works out every
 * application's final regions and pages, so a journal that holds more than the capacity is refused
 * with one line naming both sizes before any memory is taken; the second pass copies the bytes.
 * Replaying the same journal again gives the same state. Each restored application is idle from
 * the restart: a processor that reconnects within the lease finds its pages at the same addresses;
 * otherwise they are released, and that release is journaled, so they do not come back.
 *
 * <h2>Compaction</h2>
 * The journal rolls to a new generation, the live regions and pages of every application are
 * appended to it as ordinary entries (in chunks, while requests go on), it is forced and committed
 * and the older generations are deleted. It runs when the journal has grown by
 * {@code compactBytes} (default 64 MiB) and by at least the size of the live data, or on the
 * node's ticker after {@code compactInterval} (default 5 minutes) if anything was journaled. The
 * journal therefore holds at most about twice the live data plus the larger of {@code compactBytes}
 * and the live data (while a compaction runs), plus Chronicle's block rounding (files of 16 MiB or
 * more per generation, sparse).
 *
 * <h2>Measured here</h2>
 * {@code JournalThroughput} (test sources) on this 2-core VM, one connection, one batch in flight:
 * batches of 16 pages of 4 KiB, about 8,000-10,000/s without a journal, 3,500-4,400/s with one,
 * 800-1,900/s with {@code --journal-fsync}; single-page batches 16,000-25,000/s, 13,700-14,300/s and
 * 2,600-3,200/s. Most of the journal's cost is copying into freshly mapped file pages on the event
 * loop. A restart replays about 1 GiB of journal in 0.2-0.3 s when the files are in the page cache.
 */
package io.legoj.memnode;
