package io.legoj.bench;

import static io.legoj.bench.Report.f1;
import static io.legoj.bench.Report.f2;
import static io.legoj.bench.Report.whole;

import io.legoj.protocol.Sizes;
import io.legoj.runtime.CacheCounters;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.RuntimeConfig;
import io.legoj.runtime.Tlb;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code pagesize}: for each page size, a sequential scan and a random workload over a data set
 * several times the cache, against one memnode child JVM (a fresh application id per run, the
 * runtime's defaults otherwise: read-ahead up to 32 pages, eviction batches of 16). Sizes are run in
 * turn, round after round, so noise hits each of them.
 */
final class PageSizeBench implements BenchMain.Driver {
    /** The driver's settings; see {@link #help()}. */
    record Options(List<Integer> sizes, long cache, int factor, int passes, double randSeconds, double warmupSeconds,
            int writePercent, int rounds, int warmupRounds, String memnode, long capacity) {
        static Options of(Args a) {
            List<Integer> sizes = new ArrayList<>();
            for (String s : a.string("sizes", "4k,16k,64k").split(",")) {
                long v = sizeOf(s);
                if (Long.bitCount(v) != 1 || v < 512 || v > (1 << 20)) {
                    throw new UsageException("--sizes: " + s + " is not a power of two from 512 to 1m");
                }
                sizes.add((int) v);
            }
            Options o = new Options(sizes, a.size("cache", 16L << 20), a.positive("factor", 4), a.positive("passes", 3),
                    a.seconds("rand-seconds", 4), a.seconds("rand-warmup", 1), a.atLeastZero("write-percent", 25),
                    a.positive("rounds", 3), a.atLeastZero("warmup-rounds", 1), a.string("memnode", "process"),
                    a.size("capacity", 2L << 30));
            if (o.writePercent > 100) {
                throw new UsageException("--write-percent must be 0..100, got " + o.writePercent);
            }
            return o;
        }

        private static long sizeOf(String s) {
            try {
                return Sizes.parse(s);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sizes: " + e.getMessage());
            }
        }

        long data() {
            return cache * factor;
        }

        /** A short run of every size that only warms the JIT up: one pass, one second of random ops. */
        Options warmupRun() {
            return new Options(sizes, cache, factor, 1, Math.min(1, randSeconds), Math.min(0.2, warmupSeconds),
                    writePercent, 1, 0, memnode, capacity);
        }
    }

    @Override
    public String summary() {
        return "page sizes 4/16/64 KiB: sequential scan MiB/s and random ops/s over a data set 4x the cache, "
                + "against a memnode child JVM; recommends a default";
    }

    @Override
    public List<String> help() {
        return List.of(
                "--sizes LIST         page sizes (default 4k,16k,64k)",
                "--cache SIZE         page cache (default 16m)",
                "--factor N           data set = N x cache (default 4)",
                "--passes N           sequential passes per run, the median counts (default 3)",
                "--rand-seconds S     measured random workload per run (default 4)",
                "--rand-warmup S      unmeasured random workload first (default 1)",
                "--write-percent P    random ops that are read-modify-writes, the rest reads (default 25)",
                "--rounds N           runs of every size, the median counts (default 3)",
                "--warmup-rounds N    short unrecorded runs of every size first, for the JIT (default 1)",
                "--memnode M          " + Memnode.CHOICES,
                "--capacity SIZE      capacity of a started memnode (default 2g)");
    }

    /** One run's figures. */
    record Run(int pageSize, double seqMiBs, double randOps, double faultsPerOp, double bytesPerOp) {
    }

    @Override
    public void run(Args args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.of(args);
        if (o.data() / 8 > Integer.MAX_VALUE) {
            throw new UsageException("the data set (" + Sizes.format(o.data()) + ") is too large");
        }
        try (Memnode node = Memnode.open(o.memnode, o.capacity, err)) {
            out.println("pagesize: " + node.describe() + "; cache " + Sizes.format(o.cache) + ", data set "
                    + Sizes.format(o.data()) + ", random ops " + o.writePercent + "% read-modify-write of 8 bytes");
            List<List<Run>> bySize = new ArrayList<>();
            o.sizes.forEach(s -> bySize.add(new ArrayList<>()));
            for (int round = 0; round < o.warmupRounds; round++) {
                for (int size : o.sizes) {
                    runOne(node, size, o.warmupRun());
                }
                out.println("warm-up round " + (round + 1) + " done (not counted)");
            }
            for (int round = 0; round < o.rounds; round++) {
                for (int i = 0; i < o.sizes.size(); i++) {
                    Run r = runOne(node, o.sizes.get(i), o);
                    bySize.get(i).add(r);
                    out.println("run " + (round + 1) + " page=" + Sizes.format(r.pageSize) + " seq_MiB/s=" + f1(r.seqMiBs)
                            + " rand_ops/s=" + whole(r.randOps) + " faults/op=" + f2(r.faultsPerOp));
                }
            }
            List<Run> medians = new ArrayList<>();
            for (List<Run> runs : bySize) {
                medians.add(median(runs));
            }
            table(medians, out);
            out.println(recommendation(medians));
        }
    }

    private static Run median(List<Run> runs) {
        double[] seq = runs.stream().mapToDouble(Run::seqMiBs).toArray();
        double[] rand = runs.stream().mapToDouble(Run::randOps).toArray();
        double[] faults = runs.stream().mapToDouble(Run::faultsPerOp).toArray();
        double[] bytes = runs.stream().mapToDouble(Run::bytesPerOp).toArray();
        return new Run(runs.get(0).pageSize, Report.median(seq), Report.median(rand), Report.median(faults),
                Report.median(bytes));
    }

    private static Run runOne(Memnode node, int pageSize, Options o) {
        String appId = "bench-pagesize-" + pageSize + "-" + System.nanoTime();
        RuntimeConfig config = RuntimeConfig.defaults(List.of(node.address()), appId, node.secret())
                .withCache(o.cache, pageSize);
        try (LegojRuntime rt = LegojRuntime.start(config)) {
            long base = rt.heap().allocate(o.data());
            int longs = (int) (o.data() / 8);
            Tlb t = rt.cache().tlb();
            for (int i = 0; i < longs; i++) {
                t.putLong(base + 8L * i, i);
            }
            double[] passes = new double[o.passes];
            for (int p = 0; p < o.passes; p++) {
                passes[p] = scan(t, base, longs);
            }
            CacheCounters c = rt.cache().counters;
            random(t, base, longs, o.writePercent, o.warmupSeconds);
            long faults = c.faults.sum();
            long moved = c.pagesRead.sum() + c.writeBacks.sum();
            long[] ops = new long[1];
            double seconds = random(t, base, longs, o.writePercent, o.randSeconds, ops);
            double perOp = 1.0 / ops[0];
            return new Run(pageSize, Report.median(passes), ops[0] / seconds, (c.faults.sum() - faults) * perOp,
                    (c.pagesRead.sum() + c.writeBacks.sum() - moved) * (double) pageSize * perOp);
        }
    }

    /** One sequential pass reading every long; returns MiB/s. Checks the sum, so a lost page shows. */
    private static double scan(Tlb t, long base, int longs) {
        long t0 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < longs; i++) {
            sum += t.getLong(base + 8L * i);
        }
        long t1 = System.nanoTime();
        long expected = (long) longs * (longs - 1) / 2;
        if (sum != expected) {
            throw new IllegalStateException("sequential pass read sum " + sum + ", expected " + expected);
        }
        return longs * 8.0 / (1 << 20) / ((t1 - t0) / 1e9);
    }

    private static void random(Tlb t, long base, int longs, int writePercent, double seconds) {
        random(t, base, longs, writePercent, seconds, new long[1]);
    }

    /** Random 8-byte reads and read-modify-writes for {@code seconds}; returns the seconds taken, ops in {@code ops[0]}. */
    private static double random(Tlb t, long base, int longs, int writePercent, double seconds, long[] ops) {
        long x = System.nanoTime() | 1;
        long n = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        long now;
        do {
            for (int k = 0; k < 256; k++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                long va = base + 8L * (int) ((x >>> 33) % longs);
                if ((int) ((x >>> 8) & 0xffff) % 100 < writePercent) {
                    t.putLong(va, t.getLong(va) + 1);
                } else {
                    t.getLong(va);
                }
            }
            n += 256;
            now = System.nanoTime();
        } while (now < deadline);
        ops[0] = n;
        return (now - t0) / 1e9;
    }

    private static void table(List<Run> runs, PrintStream out) {
        out.println("page   seq_MiB/s   rand_ops/s  rand_faults/op  rand_remote_KiB/op");
        for (Run r : runs) {
            out.printf(Locale.ROOT, "%-5s %10.1f %12.0f %15.3f %19.1f%n", Sizes.format(r.pageSize), r.seqMiBs,
                    r.randOps, r.faultsPerOp, r.bytesPerOp / 1024);
        }
    }

    /** The size with the best geometric mean of sequential and random throughput, each relative to the best size. */
    static String recommendation(List<Run> runs) {
        Run bestSeq = runs.get(0);
        Run bestRand = runs.get(0);
        for (Run r : runs) {
            bestSeq = r.seqMiBs > bestSeq.seqMiBs ? r : bestSeq;
            bestRand = r.randOps > bestRand.randOps ? r : bestRand;
        }
        Run best = runs.get(0);
        double bestScore = -1;
        for (Run r : runs) {
            double score = Math.sqrt(r.seqMiBs / bestSeq.seqMiBs * (r.randOps / bestRand.randOps));
            if (score > bestScore) {
                bestScore = score;
                best = r;
            }
        }
        return "recommendation: page=" + Sizes.format(best.pageSize) + " (score " + f2(bestScore)
                + " = geometric mean of sequential and random throughput relative to the best size; sequential best "
                + Sizes.format(bestSeq.pageSize) + ", random best " + Sizes.format(bestRand.pageSize) + ")";
    }
}
