package io.legoj.bench;

import io.legoj.protocol.Sizes;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.PageCache;
import io.legoj.runtime.RuntimeConfig;
import io.legoj.runtime.Tlb;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Typed int reads and writes on resident pages through a {@link Tlb} taken once per invocation (as
 * rewritten code takes one per method), against the same loop over a plain {@code int[]}. The
 * runtime runs on an in-process {@code MemNode}: every page is resident after set-up, so the
 * backend is never asked again. One invocation visits all {@link #ints} ints; the driver divides.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResidentBenchmarks {
    /** Working-set size in ints (4 MiB by default). */
    @Param("1048576")
    public int ints;

    /** Page cache size; the default runtime cache, whose TLB reaches 4 MiB. */
    @Param("64m")
    public String cache;

    /** Held, so the level set on it stays: the node's INFO lines would land in the middle of JMH's. */
    private static final java.util.logging.Logger NODE_LOG = java.util.logging.Logger.getLogger("io.legoj.memnode");

    private Memnode node;
    private LegojRuntime rt;
    private PageCache pages;
    private long base;
    private int[] plain;
    private int[] index;
    private long faultsAfterSetUp;

    @Setup(Level.Trial)
    public void setUp() {
        NODE_LOG.setLevel(java.util.logging.Level.WARNING);
        node = Memnode.open("inprocess", 1L << 30, System.err);
        RuntimeConfig config = RuntimeConfig.defaults(List.of(node.address()), "bench-resident-" + System.nanoTime(),
                node.secret()).withCache(Sizes.parse(cache), RuntimeConfig.DEFAULT_PAGE_SIZE);
        rt = LegojRuntime.start(config);
        pages = rt.cache();
        if ((long) ints * 4 > (long) pages.frameCount() * pages.pageSize() / 2) {
            throw new IllegalArgumentException("ints=" + ints + " needs a cache of at least twice " + 4L * ints + " bytes");
        }
        base = rt.heap().allocate(4L * ints);
        plain = new int[ints];
        Tlb t = pages.tlb();
        for (int i = 0; i < ints; i++) {
            plain[i] = i;
            t.putInt(base + ((long) i << 2), i);
        }
        index = new int[ints];
        Random rnd = new Random(1234);
        for (int k = 0; k < ints; k++) {
            index[k] = rnd.nextInt(ints);
        }
        faultsAfterSetUp = pages.counters.faults.sum();
    }

    /** Fails the run if anything faulted after set-up: then the pages were not resident. */
    @TearDown(Level.Trial)
    public void tearDown() {
        long faults = pages.counters.faults.sum() - faultsAfterSetUp;
        rt.close();
        node.close();
        if (faults != 0) {
            throw new IllegalStateException(faults + " faults during a resident benchmark: the working set did not stay resident");
        }
    }

    @Benchmark
    public int seqSumPlain() {
        int[] a = plain;
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    @Benchmark
    public int seqSumTlb() {
        Tlb t = pages.tlb();
        long b = base;
        int n = ints;
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += t.getInt(b + ((long) i << 2));
        }
        return s;
    }

    @Benchmark
    public void seqRmwPlain() {
        int[] a = plain;
        for (int i = 0; i < a.length; i++) {
            a[i] += 1;
        }
    }

    @Benchmark
    public void seqRmwTlb() {
        Tlb t = pages.tlb();
        long b = base;
        int n = ints;
        for (int i = 0; i < n; i++) {
            long va = b + ((long) i << 2);
            t.putInt(va, t.getInt(va) + 1);
        }
    }

    @Benchmark
    public int randSumPlain() {
        int[] a = plain;
        int[] ix = index;
        int s = 0;
        for (int k = 0; k < ix.length; k++) {
            s += a[ix[k]];
        }
        return s;
    }

    @Benchmark
    public int randSumTlb() {
        Tlb t = pages.tlb();
        long b = base;
        int[] ix = index;
        int s = 0;
        for (int k = 0; k < ix.length; k++) {
            s += t.getInt(b + ((long) ix[k] << 2));
        }
        return s;
    }

    @Benchmark
    public void randRmwPlain() {
        int[] a = plain;
        int[] ix = index;
        for (int k = 0; k < ix.length; k++) {
            a[ix[k]] += 1;
        }
    }

    @Benchmark
    public void randRmwTlb() {
        Tlb t = pages.tlb();
        long b = base;
        int[] ix = index;
        for (int k = 0; k < ix.length; k++) {
            long va = b + ((long) ix[k] << 2);
            t.putInt(va, t.getInt(va) + 1);
        }
    }
}
