package io.legoj.bench;

import static io.legoj.bench.Report.f1;
import static io.legoj.bench.Report.f2;
import static io.legoj.bench.Report.whole;

import io.legoj.protocol.Echo;
import io.legoj.protocol.EventLoops;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.Ticker;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.PageCache;
import io.legoj.runtime.RuntimeConfig;
import io.legoj.runtime.Tlb;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code fault}: the latency of a remote 4 KiB page fault through the MMU next to the round trip of
 * a 4 KiB ECHO frame to the same memnode, both measured in one run, in alternating rounds, by one
 * blocking caller with one request outstanding; then cold-fault throughput with 1 and 4 threads.
 */
final class FaultBench implements BenchMain.Driver {
    static final int PAGE = 4096;
    private static final int SHIFT = 12;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The driver's settings; see {@link #help()}. */
    record Options(int pages, int samples, int warmup, int round, int cachePages, int coldPages, int trials,
            String memnode, long capacity) {
        static Options of(Args a) {
            Options o = new Options(a.positive("pages", 16384), a.positive("samples", 40000),
                    a.atLeastZero("warmup", 10000), a.positive("round", 500), a.positive("cache-pages", 64),
                    a.positive("cold-pages", 4096), a.positive("trials", 5), a.string("memnode", "process"),
                    a.size("capacity", 1L << 30));
            if (o.cachePages < 4 || o.cachePages * 4L > o.pages) {
                throw new UsageException("--cache-pages must be at least 4 and at most a quarter of --pages, so every "
                        + "access faults");
            }
            if (o.coldPages * 4L > o.pages) {
                throw new UsageException("--cold-pages times 4 threads must not exceed --pages (" + o.pages + ")");
            }
            return o;
        }
    }

    @Override
    public String summary() {
        return "remote 4 KiB page fault p50/p99 vs the raw 4 KiB Netty round trip (ECHO) to a memnode child JVM; "
                + "cold-fault throughput with 1 and 4 threads";
    }

    @Override
    public List<String> help() {
        return List.of(
                "--pages N        pages written (and so remote) before measuring (default 16384 = 64 MiB)",
                "--samples N      measured faults, and as many echoes (default 40000)",
                "--warmup N       unrecorded faults and echoes first (default 10000)",
                "--round N        samples of one kind before switching to the other (default 500)",
                "--cache-pages N  frames of the fault-latency cache, tiny so every access faults (default 64)",
                "--cold-pages N   pages each thread faults in the throughput test (default 4096)",
                "--trials N       throughput trials, the median counts (default 5)",
                "--memnode M      " + Memnode.CHOICES,
                "--capacity SIZE  capacity of a started memnode (default 1g)");
    }

    @Override
    public void run(Args args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.of(args);
        try (Memnode node = Memnode.open(o.memnode, o.capacity, err)) {
            out.println("fault: " + node.describe());
            String appId = "bench-fault-" + System.nanoTime();
            RuntimeConfig config = new RuntimeConfig(List.of(node.address()), appId, node.secret(), PAGE,
                    (long) o.cachePages * PAGE, RuntimeConfig.DEFAULT_REGION, 0, 0, 16, TIMEOUT, 1, java.time.Duration.ZERO);
            try (LegojRuntime rt = LegojRuntime.start(config)) {
                long base = populate(rt, o);
                out.println("fault: " + o.pages + " pages of 4 KiB written and written back; cache " + o.cachePages
                        + " frames, readAheadMax 0 (pages are visited in random order, where read-ahead never fires)");
                Latency lat = latency(rt, node, appId, base, o);
                out.println("fault: " + lat.fault.getTotalCount() + " faults and " + lat.rtt.getTotalCount()
                        + " echoes measured after " + o.warmup + " of each unrecorded, alternating every " + o.round
                        + "; accesses that did not fault (not counted): " + lat.notFaulted);
                printLatency(out, lat);
                Throughput tp = throughput(rt, base, o);
                out.println("cold: " + o.coldPages + " distinct remote pages per thread, cache of " + tp.frames4
                        + " frames (no eviction), readAheadMax 0; faults/s per trial 1t " + Report.list(tp.oneThread)
                        + " 4t " + Report.list(tp.fourThreads));
                double a = Report.median(tp.oneThread);
                double b = Report.median(tp.fourThreads);
                out.println("cold_faults_per_s_1t=" + whole(a) + " cold_faults_per_s_4t=" + whole(b) + " scaling=" + f2(b / a));
                double x = lat.fault.getValueAtPercentile(50) / 1000.0;
                double y = lat.rtt.getValueAtPercentile(50) / 1000.0;
                out.println("fault_p50_us=" + f1(x) + " rtt_p50_us=" + f1(y) + " ratio=" + f2(x / y));
            }
        }
    }

    static long value(int page) {
        return page * 0x9E3779B97F4A7C15L + 1;
    }

    /**
     * Writes every page, then reads never-written pages (zero fills, no round trip) until every
     * dirty page was evicted and written back, then reads one page remotely: its request travels
     * behind the write-backs on the same connection, so they are all stored when it returns.
     */
    static long populate(LegojRuntime rt, Options o) {
        long base = rt.heap().allocate((long) o.pages * PAGE);
        Tlb t = rt.cache().tlb();
        for (int p = 0; p < o.pages; p++) {
            t.putLong(base + ((long) p << SHIFT), value(p));
        }
        int flushPages = 2 * o.cachePages + 32;
        long flush = rt.heap().allocate((long) flushPages * PAGE);
        for (int q = 0; q < flushPages; q++) {
            t.getLong(flush + ((long) q << SHIFT));
        }
        check(0, t.getLong(base));
        long vpn = base >>> SHIFT;
        for (int p = 0; p < o.pages; p++) {
            if (!rt.remote().hasRemoteCopy(vpn + p)) {
                throw new IllegalStateException("page " + p + " has no remote copy after the flush: " + rt.summary());
            }
        }
        return base;
    }

    static void check(int page, long v) {
        if (v != value(page)) {
            throw new IllegalStateException("page " + page + " read " + v + ", but " + value(page) + " was written");
        }
    }

    /** Histograms in nanoseconds. */
    private record Latency(Histogram fault, Histogram rtt, long notFaulted) {
    }

    private static Latency latency(LegojRuntime rt, Memnode node, String appId, long base, Options o) {
        EventLoopGroup group = EventLoops.create("bench-echo", 1);
        NodeConnection echo = NodeConnection.open(group, "memnode", node.address(),
                new NodeConnection.Settings(node.secret(), appId, PAGE, TIMEOUT.toNanos(), Ticker.SYSTEM));
        ByteBuf payload = Unpooled.directBuffer(PAGE);
        byte[] bytes = new byte[PAGE];
        new Random(7).nextBytes(bytes);
        payload.writeBytes(bytes);
        try {
            Sampler s = new Sampler(rt.cache(), echo, payload, base, o.pages);
            s.rounds(o.warmup, o.round, false);
            s.rounds(o.samples, o.round, true);
            return new Latency(s.fault, s.rtt, s.notFaulted);
        } finally {
            payload.release();
            echo.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** Takes the samples: a fault is one typed read of a page that is not resident. */
    private static final class Sampler {
        final Histogram fault = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final Histogram rtt = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        private final PageCache cache;
        private final Tlb tlb;
        private final NodeConnection echo;
        private final ByteBuf payload;
        private final long base;
        private final Random rnd = new Random(42);
        private int[] order;
        private int next;
        long notFaulted;

        Sampler(PageCache cache, NodeConnection echo, ByteBuf payload, long base, int pages) {
            this.cache = cache;
            this.tlb = cache.tlb();
            this.echo = echo;
            this.payload = payload;
            this.base = base;
            this.order = Report.shuffled(pages, rnd);
        }

        private int nextPage() {
            if (next == order.length) {
                order = Report.shuffled(order.length, rnd);
                next = 0;
            }
            return order[next++];
        }

        /** {@code total} faults and as many echoes, in alternating blocks of {@code round}; which goes first alternates too. */
        void rounds(int total, int round, boolean record) {
            for (int done = 0, r = 0; done < total; done += round, r++) {
                int n = Math.min(round, total - done);
                if (r % 2 == 0) {
                    faults(n, record);
                    echoes(n, record);
                } else {
                    echoes(n, record);
                    faults(n, record);
                }
            }
        }

        void faults(int n, boolean record) {
            for (int i = 0; i < n; i++) {
                int p = nextPage();
                long va = base + ((long) p << SHIFT);
                long before = cache.counters.faults.sum();
                long t0 = System.nanoTime();
                long v = tlb.getLong(va);
                long t1 = System.nanoTime();
                check(p, v);
                if (cache.counters.faults.sum() != before + 1) {
                    notFaulted++;
                } else if (record) {
                    fault.recordValue(t1 - t0);
                }
            }
        }

        void echoes(int n, boolean record) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                Message m = echo.send(new Echo(echo.nextRequestId(), payload.retainedDuplicate())).join();
                long t1 = System.nanoTime();
                int got = ((Echo) m).payload().readableBytes();
                m.release();
                if (got != PAGE) {
                    throw new IllegalStateException("ECHO returned " + got + " bytes, sent " + PAGE);
                }
                if (record) {
                    rtt.recordValue(t1 - t0);
                }
            }
        }
    }

    private static void printLatency(PrintStream out, Latency l) {
        out.println("latency_us      p50     p90     p99   p99.9     max    mean");
        row(out, "fault (MMU)", l.fault);
        row(out, "rtt (ECHO)", l.rtt);
        out.println("fault_p99_us=" + f1(l.fault.getValueAtPercentile(99) / 1000.0)
                + " rtt_p99_us=" + f1(l.rtt.getValueAtPercentile(99) / 1000.0));
    }

    private static void row(PrintStream out, String name, Histogram h) {
        out.printf(java.util.Locale.ROOT, "%-12s %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f%n", name,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
                h.getMean() / 1000.0);
    }

    private record Throughput(double[] oneThread, double[] fourThreads, int frames4) {
    }

    /**
     * Each trial builds a fresh cache over the same remote memory (so the written pages are remote
     * and not resident), large enough that nothing is evicted, and lets each thread fault its own pages.
     */
    private static Throughput throughput(LegojRuntime rt, long base, Options o) throws InterruptedException {
        double[] one = new double[o.trials];
        double[] four = new double[o.trials];
        for (int k = 0; k < o.trials; k++) {
            one[k] = ColdFaults.run(rt.remote(), base, 1, o.coldPages, k);
            four[k] = ColdFaults.run(rt.remote(), base, 4, o.coldPages, k);
        }
        return new Throughput(one, four, ColdFaults.frames(4, o.coldPages));
    }
}
