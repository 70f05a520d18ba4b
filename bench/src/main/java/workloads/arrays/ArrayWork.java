package workloads.arrays;

/**
 * Plain Java array code for the {@code arrays} benchmark. It lives outside {@code io.legoj}, so
 * under {@code arrays=remote} the agent rewrites it like any application class: its {@code int[]},
 * {@code long[]} and {@code byte[]} become handles on remote memory (or local mode below
 * {@code arraylocal=}). Callers outside this package only see {@code long}, {@code int} and
 * {@code String}, so that the JMH class, which is not rewritten, links against either form.
 */
public final class ArrayWork {
    private ArrayWork() {
    }

    /** The xorshift64 seed of every random pass: the same index sequence on both sides. */
    static final long SEED = 0x9E3779B97F4A7C15L;

    /** The next xorshift64 state. */
    static long next(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        return x ^ (x << 17);
    }

    /** An index in {@code [0, n)} from the high half of {@code x} (multiply-shift, no division). */
    static int index(long x, int n) {
        return (int) (((x >>> 32) * n) >>> 32);
    }

    /**
     * An {@code int[]} with {@code ints[i] == i} and a {@code long[]} with {@code longs[i] == 3 i},
     * for sequential sums and random read-modify-writes.
     */
    public static final class Scan {
        private final int[] ints;
        private final long[] longs;
        private long intIncrements;
        private long longIncrements;

        public Scan(int intCount, int longCount) {
            ints = new int[intCount];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = i;
            }
            longs = new long[longCount];
            for (int i = 0; i < longs.length; i++) {
                longs[i] = 3L * i;
            }
        }

        public long sumInts() {
            int[] a = ints;
            long s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i];
            }
            return s;
        }

        public long sumLongs() {
            long[] a = longs;
            long s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i];
            }
            return s;
        }

        /** The {@code int[]}'s distances from 1000, through a JDK function in the loop. */
        public long sumAbsInts() {
            int[] a = ints;
            long s = 0;
            for (int i = 0; i < a.length; i++) {
                s += Math.abs(a[i] - 1000);
            }
            return s;
        }

        /** The {@code int[]}'s low bytes plus one, through a method of the application in the loop. */
        public long sumWeights() {
            int[] a = ints;
            long s = 0;
            for (int i = 0; i < a.length; i++) {
                s += weight(a[i]);
            }
            return s;
        }

        private static int weight(int v) {
            return (v & 0xff) + 1;
        }

        /** The {@code long[]} summed from its last element to its first. */
        public long sumLongsDown() {
            long[] a = longs;
            long s = 0;
            for (int i = a.length - 1; i >= 0; i--) {
                s += a[i];
            }
            return s;
        }

        /**
         * The {@code long[]} as a matrix kept row after row, rows of {@code width} summed one by one:
         * the index is the row's start plus the loop's ({@code a[start + i]}).
         */
        public long sumRows(int width) {
            long[] a = longs;
            int rows = a.length / width;
            long s = 0;
            for (int r = 0; r < rows; r++) {
                int start = r * width;
                for (int i = 0; i < width; i++) {
                    s += a[start + i];
                }
            }
            return s;
        }

        /** {@code ops} increments at xorshift indexes; returns the sum of the values read. */
        public long randInts(int ops) {
            int[] a = ints;
            int n = a.length;
            long x = SEED;
            long s = 0;
            for (int k = 0; k < ops; k++) {
                x = next(x);
                int i = index(x, n);
                int v = a[i];
                a[i] = v + 1;
                s += v;
            }
            intIncrements += ops;
            return s;
        }

        /** {@code ops} increments at xorshift indexes; returns the sum of the values read. */
        public long randLongs(int ops) {
            long[] a = longs;
            int n = a.length;
            long x = SEED;
            long s = 0;
            for (int k = 0; k < ops; k++) {
                x = next(x);
                int i = index(x, n);
                long v = a[i];
                a[i] = v + 1;
                s += v;
            }
            longIncrements += ops;
            return s;
        }

        /** Null when both arrays hold their initial values plus every increment, else what is wrong. */
        public String check() {
            long ni = ints.length;
            long nl = longs.length;
            long wantInts = ni * (ni - 1) / 2 + intIncrements;
            long wantLongs = 3 * (nl * (nl - 1) / 2) + longIncrements;
            long gotInts = sumInts();
            long gotLongs = sumLongs();
            if (gotInts != wantInts) {
                return "int[" + ni + "] sums to " + gotInts + ", expected " + wantInts + " (" + intIncrements
                        + " random increments)";
            }
            if (gotLongs != wantLongs) {
                return "long[" + nl + "] sums to " + gotLongs + ", expected " + wantLongs + " (" + longIncrements
                        + " random increments)";
            }
            return null;
        }
    }

    /** Two {@code byte[]} of one size, {@code System.arraycopy} from one to the other. */
    public static final class Copy {
        private final byte[] src;
        private final byte[] dst;
        private long copies;

        public Copy(int bytes) {
            src = new byte[bytes];
            for (int i = 0; i < src.length; i++) {
                src[i] = pattern(i);
            }
            dst = new byte[bytes];
            // touch every page of the destination (the last element too: the array need not start on a
            // page boundary), so that both arrays are resident before the first copy
            for (int i = 0; i < dst.length; i += 512) {
                dst[i] = 1;
            }
            if (bytes > 0) {
                dst[bytes - 1] = 1;
            }
        }

        private static byte pattern(int i) {
            return (byte) (i * 31 + (i >>> 9));
        }

        /** Copies the whole source over the destination; returns a byte of the destination. */
        public long copy() {
            System.arraycopy(src, 0, dst, 0, src.length);
            copies++;
            return dst[(int) (copies & 0xffff)];
        }

        /** Null when the destination holds the source's pattern after at least one copy, else what is wrong. */
        public String check() {
            if (copies == 0) {
                return "no copy ran";
            }
            for (int i = 0; i < dst.length; i++) {
                if (dst[i] != pattern(i) || src[i] != pattern(i)) {
                    return "after " + copies + " copies of byte[" + src.length + "]: at " + i + " source " + src[i]
                            + ", destination " + dst[i] + ", expected " + pattern(i);
                }
            }
            return null;
        }
    }

    /**
     * Small {@code int[]}: each one allocated, filled and summed, then kept in a ring of 256 (so it
     * escapes and the plain JVM allocates it too, and old ones die young).
     */
    public static final class Small {
        private final int[][] ring = new int[256][];
        private final int length;

        public Small(int bytes) {
            length = bytes / 4;
        }

        /** {@code count} arrays of {@link #length} ints; returns the sum of all their elements. */
        public long run(int count) {
            int[][] r = ring;
            int n = length;
            long s = 0;
            for (int k = 0; k < count; k++) {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = i + k;
                }
                for (int i = 0; i < n; i++) {
                    s += a[i];
                }
                r[k & 255] = a;
            }
            return s;
        }

        /** What {@link #run} returns for {@code count}. */
        public long expected(int count) {
            long n = length;
            long c = count;
            return c * (n * (n - 1) / 2) + n * (c * (c - 1) / 2);
        }
    }
}
