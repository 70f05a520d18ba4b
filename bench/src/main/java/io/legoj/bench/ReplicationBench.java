package io.legoj.bench;

import static io.legoj.bench.Report.f2;

import io.legoj.protocol.HostPort;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.RuntimeConfig;
import io.legoj.runtime.Tlb;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code replication}: a write-heavy workload (every page dirtied, four times the cache, so every
 * round writes everything back) with {@code replicas=1} and {@code replicas=2} over the same three
 * memnode child JVMs, alternating, in one run; then the longest stall of a running workload while one
 * memnode is killed.
 */
final class ReplicationBench implements BenchMain.Driver {
    private static final int PAGE = 16384;

    @Override
    public String summary() {
        return "write-back cost of a second replica, and the application's stall when a memnode is killed";
    }

    @Override
    public List<String> help() {
        return List.of(
                "--mib N                data written per round (default 64)",
                "--cache-mib N          page cache (default 16)",
                "--rounds N             rounds per setting (default 3)",
                "--failover-seconds N   how long the workload runs around the kill (default 6)");
    }

    @Override
    public void run(Args args, PrintStream out, PrintStream err) throws Exception {
        long bytes = (long) args.positive("mib", 64) << 20;
        long cache = (long) args.positive("cache-mib", 16) << 20;
        int rounds = args.positive("rounds", 3);
        String secret = Memnode.newSecret();
        List<MemnodeProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(MemnodeProcess.start(2L << 30, secret, err));
            }
            List<HostPort> addrs = nodes.stream().map(MemnodeProcess::address).toList();
            out.println("replication: " + (bytes >> 20) + " MiB written per round through a " + (cache >> 20)
                    + " MiB cache, three memnode child JVMs");
            double[] one = new double[rounds];
            double[] two = new double[rounds];
            try (LegojRuntime r1 = start(addrs, secret, cache, 1); LegojRuntime r2 = start(addrs, secret, cache, 2)) {
                long b1 = r1.heap().allocate(bytes);
                long b2 = r2.heap().allocate(bytes);
                round(r1, b1, bytes, 0);
                round(r2, b2, bytes, 0);
                for (int i = 0; i < rounds; i++) {
                    one[i] = round(r1, b1, bytes, i + 1);
                    two[i] = round(r2, b2, bytes, i + 1);
                }
            }
            double m1 = median(one);
            double m2 = median(two);
            out.println("replicas  MiB/s (median of " + rounds + ")");
            out.println("1         " + f2((bytes >> 20) / m1));
            out.println("2         " + f2((bytes >> 20) / m2));
            double stall = failoverStall(addrs, secret, cache, nodes.get(1), args.positive("failover-seconds", 6), out);
            out.println("replication_overhead=" + f2(m2 / m1 - 1) + " failover_stall_ms=" + f2(stall));
        } finally {
            nodes.forEach(MemnodeProcess::close);
        }
    }

    private static LegojRuntime start(List<HostPort> addrs, String secret, long cache, int replicas) {
        RuntimeConfig c = RuntimeConfig.defaults(addrs, "bench-replication-" + replicas + "-" + System.nanoTime(), secret)
                .withCache(cache, PAGE).withReplicas(replicas).withTimeout(Duration.ofSeconds(10));
        return LegojRuntime.start(c);
    }

    /** Dirties every page of {@code [base, base + bytes)} once; returns the seconds it took. */
    private static double round(LegojRuntime rt, long base, long bytes, int round) {
        Tlb t = rt.cache().tlb();
        long start = System.nanoTime();
        for (long off = 0; off < bytes; off += 512) {
            t.putLong(base + off, off + round);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Runs writes and checked reads over remote memory while the given memnode is killed; returns
     * the longest time between two consecutive accesses around the kill, in milliseconds.
     */
    private static double failoverStall(List<HostPort> addrs, String secret, long cache, MemnodeProcess victim,
            int seconds, PrintStream out) throws InterruptedException {
        long bytes = 4 * cache;
        try (LegojRuntime rt = start(addrs, secret, cache, 2)) {
            long base = rt.heap().allocate(bytes);
            round(rt, base, bytes, 1);
            long[] worst = new long[1];
            Thread worker = new Thread(() -> {
                Tlb t = rt.cache().tlb();
                long last = System.nanoTime();
                long end = last + seconds * 1_000_000_000L;
                for (long i = 0; System.nanoTime() < end; i++) {
                    long off = (i * 4096 * 7) % bytes & -8L;
                    t.putLong(base + off, i);
                    if (t.getLong(base + off) != i) {
                        throw new IllegalStateException("read back a different value at offset " + off);
                    }
                    long now = System.nanoTime();
                    worst[0] = Math.max(worst[0], now - last);
                    last = now;
                }
            }, "failover-workload");
            worker.start();
            Thread.sleep(seconds * 250L);
            long before = worst[0];
            victim.process.destroyForcibly();
            worker.join();
            out.println("failover: " + victim.address() + " killed under a running workload; longest gap between "
                    + "accesses " + f2(worst[0] / 1e6) + " ms (before the kill " + f2(before / 1e6) + " ms)");
            return worst[0] / 1e6;
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
