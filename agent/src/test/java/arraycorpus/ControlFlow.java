package arraycorpus;

import java.util.Arrays;

/** Element accesses in constructors before super(), in try/catch/finally, across branches and wide locals. */
public final class ControlFlow {
    private ControlFlow() {
    }

    static class Base {
        final int x;

        Base(int x) {
            this.x = x;
        }
    }

    static final class Derived extends Base {
        final long[] data;

        {
            data = new long[2];
            data[1] = 5;
        }

        Derived(int[] a) {
            super(a[0] + a[1]);
            data[0] = a[2];
        }

        Derived(int n) {
            this(new int[] {n, n + 1, n + 2});
        }
    }

    interface Constants {
        int[] PRIMES = {2, 3, 5, 7};
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        int[] counts = new int[3];
        for (int k = -1; k < 5; k++) {
            try {
                counts[k]++;
            } catch (ArrayIndexOutOfBoundsException e) {
                counts[0] += 10;
            } finally {
                counts[2] += 100;
            }
        }
        out.append("try ").append(Arrays.toString(counts)).append('\n');

        long wide = 1L;
        double dd = 2.0;
        double[] acc = new double[2];
        for (int i = 0; i < 10; i++) {
            wide = wide * 3 + i;
            acc[i & 1] += dd * i;
        }
        Object o = wide > 0 ? new int[] {1} : new long[] {2};
        int[] maybe = null;
        if (wide % 2 == 0) {
            maybe = new int[] {4};
        }
        out.append("wide ").append(wide).append(' ').append(Arrays.toString(acc)).append(' ').append(o instanceof int[])
                .append(' ').append(maybe == null ? -1 : maybe[0]).append('\n');

        Derived d = new Derived(4);
        out.append("constructors ").append(d.x).append(' ').append(Arrays.toString(d.data)).append('\n');

        int[][] grid = new int[3][3];
        outer:
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i * j == 2) {
                    break outer;
                }
                grid[i][j] = switch (j) {
                    case 0 -> i;
                    case 1 -> Constants.PRIMES[i];
                    default -> -1;
                };
            }
        }
        synchronized (grid[1]) {
            grid[1][1] += 10;
        }
        out.append("branches ").append(Arrays.deepToString(grid)).append(' ').append(Constants.PRIMES.length);
        return out.toString();
    }
}
