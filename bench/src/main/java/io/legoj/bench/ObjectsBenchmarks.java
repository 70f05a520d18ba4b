package io.legoj.bench;

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
import org.openjdk.jmh.annotations.Threads;
import workloads.objects.ObjectWork;

/**
 * Field access on a live object and pointer chasing along a resident list, through the code of
 * {@link ObjectWork}, and field reads of two threads that share their objects. The driver runs this
 * twice: on a plain JVM, and with the agent and {@code objects=remote}, where that code is
 * rewritten and every field lives on a memnode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ObjectsBenchmarks {
    /** Nodes in the list; 100k nodes stay resident in the default 64 MiB cache. */
    @Param("100000")
    public int nodes;

    /** Rounds of the field loop per invocation. */
    static final int ROUNDS = 1_000_000;

    private ObjectWork.Node head;
    private ObjectWork.Counter[] counters;

    @Setup(Level.Trial)
    public void setUp() {
        head = ObjectWork.list(nodes, 42);
        counters = ObjectWork.counters(1024);
        ObjectWork.chase(head);
    }

    @Benchmark
    public long chase() {
        return ObjectWork.chase(head);
    }

    @Benchmark
    public long fields() {
        return ObjectWork.fields(counters, ROUNDS);
    }

    /** A ring that every benchmark thread reads: under the agent, its handles remember one thread's translations. */
    @State(Scope.Benchmark)
    public static class SharedRing {
        ObjectWork.Counter[] counters;

        @Setup(Level.Trial)
        public void setUp() {
            counters = ObjectWork.counters(1024);
        }
    }

    @Benchmark
    @Threads(2)
    public long sharedReads(SharedRing ring) {
        return ObjectWork.reads(ring.counters, ROUNDS);
    }
}
