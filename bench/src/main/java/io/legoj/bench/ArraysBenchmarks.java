package io.legoj.bench;

import io.legoj.runtime.arrays.PrimitiveArray;
import java.lang.reflect.Field;
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
import workloads.arrays.ArrayWork;

/**
 * Sequential sums (of a whole array, of {@code Math.abs} or an own method of each {@code int}, of a
 * {@code long[]} backwards and row by row) and random
 * read-modify-writes over an {@code int[]} and a {@code long[]},
 * {@code System.arraycopy} between two {@code byte[]}, and small arrays allocated, filled and
 * summed, through the code of {@link ArrayWork}. The driver runs this on a plain JVM and with the
 * agent and {@code arrays=remote}, where that code is rewritten and the large arrays live on a
 * memnode, resident in the page cache.
 *
 * <p>The states fail the run loudly: when the JVM's mode ({@code -Dlegoj.bench.arrays=plain|remote})
 * does not match what the workload's fields are (not rewritten under the agent, or an array left
 * in local mode), when a page is read from the memnode or evicted during the measurement (the
 * arrays were not resident), or when the arrays do not hold what the workload wrote.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ArraysBenchmarks {
    /** The system property that tells the forked JVM which side it is: {@code plain} or {@code remote}. */
    static final String MODE = "legoj.bench.arrays";
    /** Small arrays per invocation of {@link #small}. */
    static final int SMALL_COUNT = 1024;
    /** Elements of a row in {@link #rowsLong}: 32 KiB of longs. */
    static final int ROW_WIDTH = 4096;

    @State(Scope.Thread)
    public static class ScanState {
        /** int[] length: 16 Mi ints, 64 MiB. */
        @Param("16777216")
        public int ints;

        /** long[] length: 8 Mi longs, 64 MiB. */
        @Param("8388608")
        public int longs;

        /** Read-modify-writes per invocation of the random benchmarks. */
        @Param("1048576")
        public int randOps;

        ArrayWork.Scan work;
        private long[] faults;

        @Setup(Level.Trial)
        public void setUp() {
            work = new ArrayWork.Scan(ints, longs);
            Sides.expect(work, true, "ints", "longs");
            faults = Sides.faults();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Sides.expectResident(faults, "int[" + ints + "] and long[" + longs + "]");
            Sides.expect(work, true, "ints", "longs");
            Sides.check(work.check());
        }
    }

    @State(Scope.Thread)
    public static class CopyState {
        /** Bytes of each of the two byte[]: 64 MiB. */
        @Param("67108864")
        public int copyBytes;

        ArrayWork.Copy work;
        private long[] faults;

        @Setup(Level.Trial)
        public void setUp() {
            work = new ArrayWork.Copy(copyBytes);
            Sides.expect(work, true, "src", "dst");
            faults = Sides.faults();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Sides.expectResident(faults, "two byte[" + copyBytes + "]");
            Sides.expect(work, true, "src", "dst");
            Sides.check(work.check());
        }
    }

    @State(Scope.Thread)
    public static class SmallState {
        /** Bytes of each small int[]. */
        @Param({"16", "64", "256", "1024"})
        public int smallBytes;

        ArrayWork.Small work;
        long expected;

        @Setup(Level.Trial)
        public void setUp() {
            if (smallBytes < 4 || smallBytes % 4 != 0) {
                throw new IllegalArgumentException("smallBytes=" + smallBytes + " is not a positive multiple of 4");
            }
            work = new ArrayWork.Small(smallBytes);
            expected = work.expected(SMALL_COUNT);
            Sides.expect(work, false, "ring");
        }
    }

    @Benchmark
    public long seqInt(ScanState s) {
        return s.work.sumInts();
    }

    @Benchmark
    public long seqLong(ScanState s) {
        return s.work.sumLongs();
    }

    @Benchmark
    public long absInt(ScanState s) {
        return s.work.sumAbsInts();
    }

    @Benchmark
    public long callInt(ScanState s) {
        return s.work.sumWeights();
    }

    @Benchmark
    public long downLong(ScanState s) {
        return s.work.sumLongsDown();
    }

    @Benchmark
    public long rowsLong(ScanState s) {
        return s.work.sumRows(ROW_WIDTH);
    }

    @Benchmark
    public long randInt(ScanState s) {
        return s.work.randInts(s.randOps);
    }

    @Benchmark
    public long randLong(ScanState s) {
        return s.work.randLongs(s.randOps);
    }

    @Benchmark
    public long copy(CopyState s) {
        return s.work.copy();
    }

    @Benchmark
    public long small(SmallState s) {
        long sum = s.work.run(SMALL_COUNT);
        if (sum != s.expected) {
            throw new IllegalStateException("small int[] of " + s.smallBytes + " bytes: " + SMALL_COUNT
                    + " arrays summed to " + sum + ", expected " + s.expected);
        }
        return sum;
    }

    /** What each side must look like, seen from this class, which the agent does not rewrite. */
    static final class Sides {
        private Sides() {
        }

        static boolean remote() {
            String mode = System.getProperty(MODE);
            if (!"plain".equals(mode) && !"remote".equals(mode)) {
                throw new IllegalStateException("-D" + MODE + " is '" + mode + "', expected plain or remote");
            }
            return mode.equals("remote");
        }

        /**
         * On the plain side the fields are JVM arrays; on the remote side the agent rewrote them into
         * handles ({@code IntArray}, an {@code int[][]}'s marker), and with {@code large} the arrays are remote
         * (not in local mode, not pinned to a JVM array).
         */
        static void expect(Object work, boolean large, String... fields) {
            boolean remote = remote();
            for (String name : fields) {
                Object value = read(work, name);
                Class<?> type = field(work.getClass(), name).getType();
                Class<?> element = type;
                while (element.isArray()) {
                    element = element.getComponentType();
                }
                // a handle class, or the marker that stands for an array of arrays in rewritten declarations
                boolean handle = PrimitiveArray.class.isAssignableFrom(element)
                        || io.legoj.runtime.arrays.ArrayBoundary.jvmClassOf(type) != type;
                if (remote != handle) {
                    throw new IllegalStateException(work.getClass().getName() + "." + name + " is a " + type.getTypeName()
                            + (remote ? ": the agent did not rewrite the workload (arrays=remote)"
                                    : " on the plain JVM"));
                }
                if (remote && large && value instanceof PrimitiveArray && read(value, "local") != null) {
                    throw new IllegalStateException(work.getClass().getName() + "." + name
                            + " is in local mode: it should be a remote array (is arraylocal= larger than it?)");
                }
            }
        }

        /** The agent's page cache, or null on the plain side. */
        private static io.legoj.runtime.PageCache cache() {
            if (!remote()) {
                return null;
            }
            try {
                Class<?> memory = Class.forName("io.legoj.runtime.arrays.ArrayMemory");
                Object installed = read(memory, null, "installed");
                if (installed == null) {
                    throw new IllegalStateException("the agent installed no array memory: is arrays=remote set?");
                }
                return (io.legoj.runtime.PageCache) read(memory, installed, "cache");
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Page faults, zero fills, pages read and evictions of the agent's page cache so far; zeros on the plain side. */
        static long[] faults() {
            io.legoj.runtime.PageCache cache = cache();
            if (cache == null) {
                return new long[4];
            }
            io.legoj.runtime.CacheCounters c = cache.counters;
            return new long[] {c.faults.sum(), c.zeroFills.sum(), c.pagesRead.sum(), c.evictions.sum()};
        }

        /**
         * Fails when a page was read from the memnode or evicted while measuring: the arrays were not
         * resident. A fresh page zero-filled in the meantime is not one of the arrays (set-up wrote
         * every page of them), and a wrong element would show in the contents check.
         */
        static void expectResident(long[] afterSetUp, String what) {
            long[] now = faults();
            if (now[2] != afterSetUp[2] || now[3] != afterSetUp[3]) {
                throw new IllegalStateException((now[0] - afterSetUp[0]) + " page faults (" + (now[1] - afterSetUp[1])
                        + " zero fills, " + (now[2] - afterSetUp[2]) + " pages read, " + (now[3] - afterSetUp[3])
                        + " evictions) while measuring " + what + ": the arrays were not resident (give a larger cache=)");
            }
        }

        static void check(String problem) {
            if (problem != null) {
                throw new IllegalStateException("wrong array contents (" + (remote() ? "agent, arrays=remote" : "plain JVM")
                        + "): " + problem);
            }
        }

        private static Object read(Object o, String name) {
            return read(o.getClass(), o, name);
        }

        private static Object read(Class<?> c, Object o, String name) {
            try {
                return field(c, name).get(o);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + c.getName() + "." + name + ": " + e, e);
            }
        }

        private static Field field(Class<?> c, String name) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                try {
                    Field f = k.getDeclaredField(name);
                    f.setAccessible(true);
                    return f;
                } catch (NoSuchFieldException e) {
                    // try the superclass
                }
            }
            throw new IllegalStateException(c.getName() + " has no field " + name);
        }
    }
}
