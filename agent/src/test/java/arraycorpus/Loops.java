package arraycorpus;

import java.util.Arrays;

/**
 * Counted loops of every shape the agent gives a page-by-page fast copy, and their edges: every
 * kind, reads and writes, for-each, breaks and returns from inside, a bound past the length, a null
 * array, a negative start, an exception in the body, nested loops, and loops it leaves alone.
 */
public final class Loops {
    private static final int N = 20_000;
    private static int calls;
    private int scale = 3;

    private Loops() {
    }

    static long sum(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    static long sumTo(long[] a, int from, int n) {
        long s = 0;
        for (int i = from; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    /** As {@link #sumTo}, called only where it throws: a plain JVM's hot code may throw without a message. */
    static long sumPast(long[] a, int from, int n) {
        long s = 0;
        for (int i = from; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    static double forEach(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * 0.5;
        }
        return s;
    }

    static void fill(short[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (short) (v + i);
        }
    }

    static void increment(char[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] += 7;
        }
    }

    static int flip(boolean[] a) {
        int set = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = !a[i];
            if (a[i]) {
                set++;
            }
        }
        return set;
    }

    static long bytes(byte[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] ^= (byte) 0x5A;
            s = s * 31 + a[i];
        }
        return s;
    }

    static float floats(float[] a) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] * 1.5f - 2;
            max = a[i] > max ? a[i] : max;
        }
        return max;
    }

    static int indexOf(int[] a, int key) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == key) {
                return i;
            }
        }
        return -1;
    }

    static int firstOver(long[] a, long limit) {
        int found = -1;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > limit) {
                found = i;
                break;
            }
        }
        return found;
    }

    static long skipOdd(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & 1) != 0) {
                continue;
            }
            s += a[i];
        }
        return s;
    }

    static long divide(int[] a, int by) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] / (by - i);
        }
        return s;
    }

    long scaled(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (long) a[i] * scale;
            scale ^= 1;
        }
        return s;
    }

    static long withCall(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i]);
            calls++;
        }
        return s;
    }

    private static long twice(int v) {
        calls++;
        return 2L * v;
    }

    /** A call of the application's own code may run anything: the windows are checked after it. */
    static long withOwnCall(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += twice(a[i]);
        }
        return s;
    }

    /** Reads {@code far} at pages away from the loop's: under a small cache, the loop's pages leave the table. */
    private static long touch(long[] far, int i) {
        return far[(int) ((i * 4099L) % far.length)];
    }

    /** Each call may take the window's page from the table, or bring it back in another frame. */
    static void evictingCall(int[] a, long[] far) {
        for (int i = 0; i < a.length; i++) {
            a[i] += (int) touch(far, i);
            a[i] ^= i;
        }
    }

    static java.nio.ByteBuffer kept;

    /** Halfway, JDK code keeps the array (its home becomes a JVM array): the rest of the loop writes there. */
    static void pinningCall(byte[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] += 3;
            if (i == a.length / 2) {
                kept = java.nio.ByteBuffer.wrap(a);
            }
            a[i] *= 5;
        }
    }

    /** Bounded by the length of the row it walks, which a call replaces halfway. */
    static long rowWalk(long[][] g, int r) {
        long s = 0;
        for (int i = 0; i < g[r].length; i++) {
            s += g[r][i];
            replaceRow(g, r, i);
        }
        return s;
    }

    /** A call may replace the row: the run reads it again after each call. */
    static long rowReplacing(long[][] g, int r) {
        long s = 0;
        for (int i = 0; i < 1000; i++) {
            s += g[r][i];
            replaceRow(g, r, i);
        }
        return s;
    }

    private static void replaceRow(long[][] g, int r, int i) {
        if (i == 500) {
            g[r] = new long[1000];
            Arrays.fill(g[r], 9);
        }
    }

    /** Counting down, with a call. */
    static void downWithCall(double[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            a[i] = Math.max(a[i], a[i - 1]) + twice(i);
        }
    }

    /** JDK functions of primitives touch no remote memory: windows, and their exceptions as they were. */
    static long primitiveFunctions(long[] a, char[] c, int[] exact) {
        long s = 0;
        for (int i = 0; i < c.length; i++) {
            s += Long.bitCount(a[i]) + (Character.isLetter(c[i]) ? 1 : 0) + Math.floorMod(a[i], 7);
            exact[i] = Math.addExact(exact[i], (int) (a[i] >>> 40));
        }
        return s;
    }

    static long matrix(double[][] m, double[] v, double[] out) {
        for (int r = 0; r < m.length; r++) {
            double[] row = m[r];
            double s = 0;
            for (int c = 0; c < row.length; c++) {
                s += row[c] * v[c];
            }
            out[r] = s;
        }
        return Double.doubleToLongBits(total(out));
    }

    private static double total(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    static void add(int[] a, long[] b, long[] sum) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] = a[i] + b[i];
        }
    }

    static void copy(char[] from, char[] to, int n) {
        for (int i = 0; i < n; i++) {
            to[i] = from[i];
        }
    }

    static long five(byte[] a, byte[] b, byte[] c, byte[] d, byte[] e) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] + b[i] + c[i] + d[i] + e[i];
        }
        return s;
    }

    static double rowSums(double[][] m) {
        double t = 0;
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                t += m[r][c] * (c + 1);
            }
        }
        return t;
    }

    static void scaleRows(long[][] g, long by) {
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[r].length; c++) {
                g[r][c] *= by;
            }
        }
    }

    static long column(int[][] g, int row, int n) {
        long s = 0;
        for (int c = 0; c < n; c++) {
            s += g[row][c];
        }
        return s;
    }

    static long swapRows(int[][] g) {
        long s = 0;
        for (int c = 0; c < g[0].length; c++) {
            s += g[0][c];
            g[0] = g[1];
        }
        return s;
    }

    static long inclusive(int[] a, int last) {
        long s = 0;
        for (int i = 0; i <= last; i++) {
            s += a[i];
        }
        return s;
    }

    static long strided(long[] a, int step) {
        long s = 0;
        for (int i = 1; i < a.length; i += 3) {
            s += a[i] * step;
            a[i] = -a[i];
        }
        return s;
    }

    /** Arrays in fields, read once per run: as {@code this.data[i]}, up to {@code size} or a length. */
    public static final class Holder {
        int[] data;
        long[] totals = new long[5000];
        int size;
        volatile int[] shared = {1, 2, 3};

        long sumData() {
            long s = 0;
            for (int i = 0; i < data.length; i++) {
                s += data[i];
            }
            return s;
        }

        /** A call may replace the field: the run reads it again after each call. */
        long sumReplacing() {
            long s = 0;
            for (int i = 0; i < size; i++) {
                s += data[i];
                replaceAt(i);
            }
            return s;
        }

        /** A call may change the bound: the run stops where the loop's test would. */
        long sumShrinking() {
            long s = 0;
            for (int i = 0; i < size; i++) {
                s += data[i];
                shrinkAt(i);
            }
            return s;
        }

        /** Bounded by the length of the field it walks; a call replaces the field (maybe by null) halfway. */
        long weighAll(int replaceAt, int[] with) {
            long s = 0;
            for (int i = 0; i < data.length; i++) {
                s += data[i];
                replaceAt(i, replaceAt, with);
            }
            return s;
        }

        /** Bounded by the length of a field it does not walk, which a call drops: no window. */
        long sumAlongTotals(int dropAt) {
            long s = 0;
            for (int i = 0; i < totals.length; i++) {
                s += data[i]++;
                dropTotalsAt(i, dropAt);
            }
            return s;
        }

        private void dropTotalsAt(int i, int at) {
            if (i == at) {
                totals = null;
            }
        }

        private void replaceAt(int i, int at, int[] with) {
            if (i == at) {
                data = with;
            }
        }

        private void shrinkAt(int i) {
            if (i == 100) {
                size = 150;
            }
        }

        private void replaceAt(int i) {
            if (i == 10) {
                data = Arrays.copyOf(data, data.length);
                Arrays.fill(data, 7);
            }
        }

        long sumSize() {
            long s = 0;
            for (int i = 0; i < size; i++) {
                s += data[i] * 2;
            }
            return s;
        }

        void scaleTotals() {
            for (int i = 0; i < totals.length; i++) {
                totals[i] = totals[i] * 3 + data[i];
            }
        }

        long sumShared() {
            long s = 0;
            for (int i = 0; i < shared.length; i++) {
                s += shared[i];
            }
            return s;
        }

        long replaceDuring(int[] other) {
            long s = 0;
            for (int i = 0; i < size; i++) {
                s += data[i];
                if (i == 100) {
                    data = other;
                }
            }
            return s;
        }
    }

    /** An inherited field may be volatile, as here: its loop is left alone. */
    public static class Base {
        volatile int[] vals = {4, 5, 6};
    }

    public static final class Derived extends Base {
        long sum(int n) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += vals[i];
            }
            return s;
        }
    }

    /** Indexes at constant offsets from the loop's: each array and offset its own window. */
    static void smooth(double[] in, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (in[i - 1] + in[i] + in[i + 1]) / 3;
        }
    }

    static long prefix(long[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] += a[i - 1];
        }
        return a[a.length - 1];
    }

    /** Indexes offset by locals the body does not store: a copy between buffers at their own offsets. */
    static void copyAt(int[] from, int fromOffset, int[] to, int toOffset, int n) {
        for (int i = 0; i < n; i++) {
            to[toOffset + i] = from[i + fromOffset];
        }
    }

    static long sumFrom(int[] a, int from, int to, int offset) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += a[i + offset];
        }
        return s;
    }

    /** Row {@code r} of a matrix kept row after row in one array, each element less its left neighbour. */
    static long flatRow(long[] flat, int r, int width) {
        int start = r * width;
        long s = 0;
        for (int i = 1; i < width; i++) {
            s += flat[start + i] - flat[start + i - 1];
        }
        return s;
    }

    /** An offset the body changes is not a window's. */
    static long sliding(int[] a, int n) {
        long s = 0;
        int at = 0;
        for (int i = 0; i < n; i++) {
            s += a[i + at];
            at = i & 3;
        }
        return s;
    }

    /** {@code a[i + i]} is not at an offset from {@code i}. */
    static long doubled(int[] a) {
        long s = 0;
        int half = a.length / 2;
        for (int i = 0; i < half; i++) {
            s += a[i + i];
        }
        return s;
    }

    /** Counting down to 0: the digits of a sum from the least significant end, carry by carry. */
    static int addDigits(byte[] a, byte[] b, byte[] sum) {
        int carry = 0;
        for (int i = sum.length - 1; i >= 0; i--) {
            int d = a[i] + b[i] + carry;
            sum[i] = (byte) (d % 10);
            carry = d / 10;
        }
        return carry;
    }

    /** Moves {@code a[from..to)} one place right, as a list's insert does: counting down to above {@code from}. */
    static void shiftRight(long[] a, int from, int to) {
        for (int i = to; i > from; i--) {
            a[i] = a[i - 1];
        }
    }

    /** Suffix sums every other element, counting down by two to a constant. */
    static long suffix(int[] a) {
        long s = 0;
        for (int i = a.length - 1; i >= 3; i -= 2) {
            s += a[i];
            a[i] = (int) s;
        }
        return s;
    }

    static double downToOne(double[] a, int from) {
        double s = 0;
        for (int i = from; i > 0; i--) {
            s += a[i] * i;
        }
        return s;
    }

    static long backwardsAt(int[] a, int offset, int n) {
        long s = 0;
        for (int i = n - 1; i >= 0; i--) {
            s = s * 31 + a[offset + i];
        }
        return s;
    }

    /** Bounds less a constant or a local: up to the last element but one, inside margins, down to k + 1. */
    static void shiftLeft(int[] a) {
        for (int i = 0; i < a.length - 1; i++) {
            a[i] = a[i + 1];
        }
    }

    static void inner(double[] in, double[] out, int n, int margin) {
        for (int i = margin; i < n - margin; i++) {
            out[i] = in[i - 1] - in[i + 1];
        }
    }

    static long tail(long[] a, int k) {
        long s = 0;
        for (int i = a.length - 1; i >= k + 1; i--) {
            s += a[i];
        }
        return s;
    }

    /** Indexes that run against the loop: a reversed copy, a palindrome test, a convolution. */
    static void reverseInto(int[] from, int[] to) {
        int n = from.length;
        for (int i = 0; i < n; i++) {
            to[n - 1 - i] = from[i];
        }
    }

    static boolean palindrome(char[] c) {
        int n = c.length;
        int half = n / 2;
        for (int i = 0; i < half; i++) {
            if (c[i] != c[n - 1 - i]) {
                return false;
            }
        }
        return true;
    }

    static double convolve(double[] x, double[] h, int k) {
        double s = 0;
        for (int i = 0; i <= k; i++) {
            s += x[i] * h[k - i];
        }
        return s;
    }

    /** Counting down, an index that counts up. */
    static long mirrorDown(long[] a, int n) {
        long s = 0;
        for (int i = n - 1; i >= 0; i--) {
            s = s * 7 + a[n - 1 - i];
        }
        return s;
    }

    static int firstTen(int[] a) {
        int s = 0;
        for (int i = 0; i < 10; i++) {
            s += a[i];
        }
        return s;
    }

    static String outcome(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        calls = 0;
        int[] ints = new int[N];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = i * 7 - 3_000;
        }
        out.append("sum ").append(sum(ints)).append('\n');
        long[] longs = new long[N];
        for (int i = 0; i < longs.length; i++) {
            longs[i] = Long.MAX_VALUE - i * 1_000_003L;
        }
        out.append("sumTo ").append(sumTo(longs, 5, N - 5)).append(' ').append(sumTo(longs, 9, 3)).append('\n');
        double[] doubles = new double[N];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = i / 3.0;
        }
        out.append("forEach ").append(forEach(doubles)).append('\n');
        short[] shorts = new short[N];
        fill(shorts, 32_000);
        out.append("shorts ").append(shorts[0]).append(' ').append(shorts[N - 1]).append(' ')
                .append(Arrays.hashCode(shorts)).append('\n');
        char[] chars = new char[N];
        Arrays.fill(chars, '\uFFFD');
        increment(chars);
        out.append("chars ").append((int) chars[0]).append(' ').append(Arrays.hashCode(chars)).append('\n');
        boolean[] flags = new boolean[N];
        for (int i = 0; i < flags.length; i += 3) {
            flags[i] = true;
        }
        out.append("flip ").append(flip(flags)).append(' ').append(Arrays.hashCode(flags)).append('\n');
        byte[] bytes = new byte[N];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        out.append("bytes ").append(bytes(bytes)).append(' ').append(Arrays.hashCode(bytes)).append('\n');
        float[] floats = new float[N];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = i % 1000 - 500.25f;
        }
        out.append("floats ").append(floats(floats)).append(' ').append(Arrays.hashCode(floats)).append('\n');
        out.append("indexOf ").append(indexOf(ints, 7 * 15_000 - 3_000)).append(' ').append(indexOf(ints, 1)).append('\n');
        out.append("firstOver ").append(firstOver(new long[] {1, 2, 3, 40, 5}, 10)).append(' ')
                .append(firstOver(longs, Long.MAX_VALUE)).append('\n');
        out.append("skipOdd ").append(skipOdd(ints)).append('\n');
        out.append("divide ").append(outcome(() -> divide(ints, 12_345))).append('\n');
        long[] ten = Arrays.copyOf(longs, 10);
        out.append("past the length ").append(outcome(() -> sumPast(ten, 0, 11))).append('\n');
        out.append("negative start ").append(outcome(() -> sumPast(ten, -2, 4))).append('\n');
        String npe = outcome(() -> sumTo(null, 0, 4));
        // helpful messages name what rewritten code reads: only the class is compared
        out.append("null ").append(npe, 0, npe.indexOf(':')).append('\n');
        out.append("empty ").append(sum(new int[0])).append(' ').append(sumTo(longs, 7, 7)).append('\n');
        out.append("small ").append(sum(new int[] {1, 2, 3})).append('\n');
        out.append("scaled ").append(new Loops().scaled(ints)).append('\n');
        out.append("withCall ").append(withCall(ints)).append(' ').append(calls).append('\n');
        out.append("withOwnCall ").append(withOwnCall(ints)).append(' ').append(calls).append('\n');
        double[][] m = new double[64][300];
        double[] v = new double[300];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < v.length; c++) {
                m[r][c] = r - c * 0.25;
            }
        }
        for (int c = 0; c < v.length; c++) {
            v[c] = c % 7;
        }
        out.append("matrix ").append(matrix(m, v, new double[64])).append('\n');
        long[] sums = new long[N];
        add(ints, longs, sums);
        out.append("add ").append(Arrays.hashCode(sums)).append(' ').append(sums[N - 1]).append('\n');
        add(ints, sums, sums);
        out.append("add aliased ").append(Arrays.hashCode(sums)).append('\n');
        String shorter = outcome(() -> add(new int[N - 1], longs, new long[N]));
        // add is hot: a plain JVM may throw without a message
        out.append("add shorter ").append(shorter, 0, shorter.indexOf(':')).append('\n');
        char[] copied = new char[N];
        copy(chars, copied, N);
        copy(copied, copied, N / 2);
        out.append("copy ").append(Arrays.equals(chars, copied)).append('\n');
        out.append("five ").append(five(bytes, bytes, Arrays.copyOf(bytes, N), bytes, bytes)).append('\n');
        out.append("rowSums ").append(rowSums(m)).append('\n');
        long[][] grid = {new long[3000], null, new long[0], {5, -6}};
        for (int c = 0; c < grid[0].length; c++) {
            grid[0][c] = c;
        }
        out.append("scaleRows ").append(outcome(() -> scaleRows(grid, -3)).replaceAll(": .*", "")).append(' ')
                .append(grid[0][2999]).append(' ')
                .append(grid[3][1]).append('\n');
        int[][] jagged = {new int[5000], new int[] {1, 2}};
        Arrays.fill(jagged[0], 7);
        out.append("column ").append(column(jagged, 0, 5000)).append(' ')
                .append(outcome(() -> column(jagged, 1, 3)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> column(jagged, 2, 1)).replaceAll(": .*", "")).append('\n');
        out.append("swapRows ").append(swapRows(new int[][] {{1, 2, 3}, {10, 20, 30}})).append('\n');
        out.append("inclusive ").append(inclusive(ints, N - 1)).append(' ')
                .append(outcome(() -> inclusive(new int[3000], 3000)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> inclusive(ints, Integer.MAX_VALUE)).replaceAll(": .*", "")).append('\n');
        out.append("strided ").append(strided(longs, 5)).append(' ').append(longs[4]).append(' ').append(longs[5])
                .append('\n');
        Holder h = new Holder();
        h.data = Arrays.copyOf(ints, 6000);
        h.size = 4000;
        h.scaleTotals();
        out.append("holder ").append(h.sumData()).append(' ').append(h.sumSize()).append(' ')
                .append(Arrays.hashCode(h.totals)).append(' ').append(h.sumShared()).append(' ')
                .append(h.replaceDuring(new int[6000])).append('\n');
        h.size = 7000;
        out.append("holder past ").append(outcome(h::sumSize).replaceAll(": .*", "")).append(' ');
        h.data = null;
        out.append(outcome(h::sumSize).replaceAll(": .*", "")).append('\n');
        out.append("inherited ").append(new Derived().sum(3)).append('\n');
        double[] smoothed = new double[N];
        smooth(doubles, smoothed, 1, N - 1);
        out.append("smooth ").append(Arrays.hashCode(smoothed)).append(' ')
                .append(outcome(() -> smooth(doubles, smoothed, 0, 5)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> smooth(doubles, smoothed, N - 5, N)).replaceAll(": .*", "")).append(' ')
                .append(smoothed[0]).append(' ').append(smoothed[N - 1]).append('\n');
        out.append("prefix ").append(prefix(longs)).append(' ').append(longs[N / 2]).append('\n');
        int[] buffer = new int[N];
        copyAt(ints, 100, buffer, 7, N - 100);
        out.append("copyAt ").append(Arrays.hashCode(buffer)).append(' ');
        copyAt(buffer, 3, buffer, 0, N - 3);
        out.append(Arrays.hashCode(buffer)).append(' ')
                .append(outcome(() -> copyAt(ints, 5, buffer, 0, N)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> copyAt(ints, Integer.MAX_VALUE, buffer, 0, 3)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> copyAt(ints, -3, buffer, 0, 3)).replaceAll(": .*", "")).append(' ')
                .append(Arrays.hashCode(buffer)).append('\n');
        out.append("sumFrom ").append(sumFrom(ints, -3, 10, 3)).append(' ').append(sumFrom(ints, 100, N - 50, 50))
                .append(' ').append(outcome(() -> sumFrom(ints, -3, 10, 2)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> sumFrom(ints, 0, 10, Integer.MIN_VALUE)).replaceAll(": .*", "")).append('\n');
        long[] flat = Arrays.copyOf(longs, 20 * 900);
        out.append("flatRow ").append(flatRow(flat, 3, 900)).append(' ').append(flatRow(flat, 19, 900)).append(' ')
                .append(outcome(() -> flatRow(flat, 20, 900)).replaceAll(": .*", "")).append('\n');
        out.append("sliding ").append(sliding(ints, N - 3)).append(" doubled ").append(doubled(ints)).append('\n');
        byte[] digits = new byte[N];
        byte[] others = new byte[N];
        byte[] digitSum = new byte[N];
        Arrays.fill(digits, (byte) 9);
        Arrays.fill(others, 1, N, (byte) 0);
        others[N - 1] = 1;
        out.append("addDigits ").append(addDigits(digits, others, digitSum)).append(' ').append(Arrays.hashCode(digitSum))
                .append(' ').append(digitSum[0]).append(' ')
                .append(outcome(() -> addDigits(new byte[N - 1], others, new byte[N])).replaceAll(": .*", ""))
                .append('\n');
        long[] shifted = Arrays.copyOf(longs, N);
        shiftRight(shifted, 5, N - 1);
        out.append("shiftRight ").append(Arrays.hashCode(shifted)).append(' ').append(shifted[5]).append(' ')
                .append(shifted[6]).append(' ').append(shifted[N - 1]).append(' ')
                .append(outcome(() -> shiftRight(shifted, -1, 3)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> shiftRight(shifted, 0, N)).replaceAll(": .*", "")).append(' ')
                .append(Arrays.hashCode(shifted)).append('\n');
        int[] suffixed = Arrays.copyOf(ints, N);
        out.append("suffix ").append(suffix(suffixed)).append(' ').append(Arrays.hashCode(suffixed)).append(' ')
                .append(suffix(new int[4])).append('\n');
        out.append("downToOne ").append(downToOne(doubles, N - 1)).append(' ').append(downToOne(doubles, 0)).append(' ')
                .append(outcome(() -> downToOne(doubles, N)).replaceAll(": .*", "")).append('\n');
        out.append("backwardsAt ").append(backwardsAt(ints, 17, N - 17)).append(' ')
                .append(outcome(() -> backwardsAt(ints, -1, 5)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> backwardsAt(ints, 1, N)).replaceAll(": .*", "")).append('\n');
        char[] text = new char[N];
        for (int i = 0; i < N; i++) {
            text[i] = (char) (i % 200);
        }
        int[] exact = new int[N];
        out.append("primitiveFunctions ").append(primitiveFunctions(longs, text, exact)).append(' ')
                .append(Arrays.hashCode(exact)).append(' ');
        Arrays.fill(exact, N / 2, N, Integer.MAX_VALUE - 5);
        out.append(outcome(() -> primitiveFunctions(longs, text, exact))).append(' ').append(Arrays.hashCode(exact))
                .append('\n');
        int[] evicted = Arrays.copyOf(ints, N);
        long[] far = Arrays.copyOf(longs, 4 * N);
        evictingCall(evicted, far);
        out.append("evictingCall ").append(Arrays.hashCode(evicted)).append('\n');
        byte[] pinned = Arrays.copyOf(bytes, N);
        pinningCall(pinned);
        out.append("pinningCall ").append(Arrays.hashCode(pinned)).append(' ').append(kept.get(0)).append(' ')
                .append(kept.get(N - 1)).append(' ').append(pinned[N / 2 + 1]).append('\n');
        Holder replaced = new Holder();
        replaced.data = Arrays.copyOf(ints, 6000);
        replaced.size = 5000;
        out.append("replacingCall ").append(replaced.sumReplacing()).append(' ');
        replaced.data = Arrays.copyOf(ints, 6000);
        replaced.size = 5000;
        out.append(replaced.sumShrinking()).append(' ').append(replaced.size).append(' ');
        long[][] replacedRows = {Arrays.copyOf(longs, 1000), Arrays.copyOf(longs, 1000)};
        out.append(rowReplacing(replacedRows, 1)).append(' ').append(replacedRows[0][999]).append('\n');
        replaced.data = Arrays.copyOf(ints, 6000);
        out.append("weighAll ").append(replaced.weighAll(1000, Arrays.copyOf(ints, 1200))).append(' ');
        replaced.data = Arrays.copyOf(ints, 6000);
        out.append(replaced.weighAll(2000, new int[1500])).append(' ');
        replaced.data = Arrays.copyOf(ints, 6000);
        String nulled = outcome(() -> replaced.weighAll(3000, null));
        long[][] walked = {Arrays.copyOf(longs, 1000), Arrays.copyOf(longs, 3000)};
        out.append(nulled, 0, nulled.indexOf(':')).append(' ').append(rowWalk(walked, 1)).append(' ');
        Holder dropping = new Holder();
        dropping.data = Arrays.copyOf(ints, 6000);
        String dropped = outcome(() -> dropping.sumAlongTotals(700));
        out.append(dropped, 0, dropped.indexOf(':')).append(' ').append(Arrays.hashCode(dropping.data)).append('\n');
        double[] maxima = Arrays.copyOf(doubles, N);
        downWithCall(maxima);
        out.append("downWithCall ").append(Arrays.hashCode(maxima)).append(' ').append(calls).append('\n');
        int[] left = Arrays.copyOf(ints, N);
        shiftLeft(left);
        double[] differences = new double[N];
        inner(doubles, differences, N, 1);
        out.append("bounds ").append(Arrays.hashCode(left)).append(' ').append(Arrays.hashCode(differences)).append(' ')
                .append(outcome(() -> inner(doubles, differences, N, 0)).replaceAll(": .*", "")).append(' ')
                .append(outcome(() -> inner(doubles, differences, N + 3, 1)).replaceAll(": .*", "")).append(' ')
                .append(tail(longs, 5)).append(' ').append(outcome(() -> tail(longs, -3)).replaceAll(": .*", ""))
                .append('\n');
        int[] reversed = new int[N];
        reverseInto(ints, reversed);
        char[] word = "abcdefgfedcba".toCharArray();
        out.append("reversed ").append(Arrays.hashCode(reversed)).append(' ').append(reversed[0]).append(' ')
                .append(outcome(() -> reverseInto(ints, new int[N - 1])).replaceAll(": .*", "")).append(' ')
                .append(palindrome(text)).append(' ').append(palindrome(word)).append(' ')
                .append(convolve(doubles, doubles, N - 1)).append(' ').append(convolve(doubles, doubles, -1)).append(' ')
                .append(outcome(() -> convolve(doubles, doubles, N)).replaceAll(": .*", "")).append(' ')
                .append(mirrorDown(longs, N)).append(' ')
                .append(outcome(() -> mirrorDown(longs, N + 1)).replaceAll(": .*", "")).append('\n');
        out.append("firstTen ").append(firstTen(ints)).append(' ')
                .append(outcome(() -> firstTen(new int[9])).replaceAll(": .*", "")).append('\n');
        return out.toString();
    }
}
