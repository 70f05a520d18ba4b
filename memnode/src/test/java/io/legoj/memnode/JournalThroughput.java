package io.legoj.memnode;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.Ticker;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What the journal costs, measured in one JVM (not a unit test): batches of write-backs per second
 * to a node on loopback without a journal, with one (default compaction), with one never compacted,
 * and with one forced at every batch; then how long a restart on each journal takes. One
 * connection, one batch outstanding at a time, so every batch waits for its acknowledgement.
 * Run with the test class path and the Chronicle flags:
 * {@code java <flags> -cp <test class path> io.legoj.memnode.JournalThroughput [seconds] [pagesPerBatch]}.
 */
public final class JournalThroughput {
    private static final int PS = 4096;
    private static final int PAGES = 4096;
    private static final long BASE = 1L << 30;

    private JournalThroughput() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        EventLoopGroup group = EventLoops.create("journal-throughput", 1);
        try {
            String[] modes = {"none", "journal", "no-compaction", "journal+force"};
            for (int i = 0; i < 2 * modes.length; i++) {
                String mode = modes[i % modes.length];
                Path dir = Files.createTempDirectory("legoj-journal-throughput");
                MemNodeConfig config = MemNodeConfig.of(64L << 20, "s");
                if (!mode.equals("none")) {
                    JournalConfig journal = JournalConfig.of(dir).withForceEachBatch(mode.endsWith("force"));
                    config = config.withJournal(mode.equals("no-compaction")
                            ? journal.withCompaction(Long.MAX_VALUE, Duration.ofDays(1)) : journal);
                }
                try {
                    try (MemNode node = new MemNode(config)) {
                        double rate = run(group, node.start(), seconds, batch);
                        System.out.printf("%-14s %8.0f batches/s of %d pages of 4 KiB (%.0f MiB/s)%n", mode, rate, batch,
                                rate * batch * PS / (1 << 20));
                    }
                    if (!mode.equals("none")) {
                        long start = System.nanoTime();
                        try (MemNode again = new MemNode(config)) {
                            io.legoj.protocol.NodeStats s = again.stats();
                            System.out.printf("%-14s restart: %d entries (%d MiB) replayed, %d pages back, in %d ms%n", "",
                                    s.recoveredEntries, s.journalBytes >> 20, s.pages,
                                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                        }
                    }
                } finally {
                    io.legoj.protocol.journal.Durable.deleteTree(dir);
                }
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static double run(EventLoopGroup group, int port, double seconds, int batch) {
        NodeConnection.Settings s = new NodeConnection.Settings("s", "bench", PS, TimeUnit.SECONDS.toNanos(30), Ticker.SYSTEM);
        try (NodeConnection c = NodeConnection.open(group, "memnode", new HostPort("127.0.0.1", port), s)) {
            c.call(new RegionAlloc(c.nextRequestId(), BASE, (long) PAGES * PS)).release();
            Random random = new Random(1);
            int[] seeds = new int[batch];
            long[] addrs = new long[batch];
            long warmUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            long end = warmUntil + (long) (seconds * 1e9);
            long n = 0;
            long start = 0;
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                if (start == 0 && now >= warmUntil) {
                    start = now;
                    n = 0;
                }
                for (int i = 0; i < batch; i++) {
                    addrs[i] = BASE + (long) random.nextInt(PAGES) * PS;
                    seeds[i] = random.nextInt(1 << 20);
                }
                c.call(new PageBatch(c.nextRequestId(), PS, addrs.clone(), Pages.of(PS, seeds), new long[0])).release();
                n++;
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }
}
