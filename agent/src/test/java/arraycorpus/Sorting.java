package arraycorpus;

import java.util.Arrays;
import java.util.Comparator;

/** Sorting in place, by hand and by the JDK, on arrays larger than the test runtime's page cache. */
public final class Sorting {
    private Sorting() {
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        int n = 70_000;
        int[] a = new int[n];
        long seed = 42;
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            a[i] = (int) (seed >>> 33) % 100_000 - 50_000;
        }
        int[] b = a.clone();
        int[] c = Arrays.copyOf(a, n);
        quicksort(a, 0, n - 1);
        Arrays.sort(b);
        Arrays.sort(c, 1000, 2000);
        out.append("quicksort sorted=").append(isSorted(a, 0, n)).append(" sameAsJdk=").append(Arrays.equals(a, b))
                .append(" sum=").append(sum(a)).append(" min=").append(a[0]).append(" max=").append(a[n - 1])
                .append(" median=").append(a[n / 2]).append(" rangeSorted=").append(isSorted(c, 1000, 2000))
                .append(" before=").append(c[999]).append(" after=").append(c[2000]).append('\n');
        out.append("binarySearch ").append(Arrays.binarySearch(a, a[1234]) >= 0).append(' ')
                .append(Arrays.binarySearch(a, 1_000_000)).append('\n');

        double[] d = new double[600];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sin(i * 0.37) * 1000;
        }
        insertionSort(d);
        out.append("insertion ").append(d[0]).append(' ').append(d[299]).append(' ').append(d[599]).append('\n');

        long[] l = new long[20_000];
        for (int i = 0; i < l.length; i++) {
            l[i] = (long) (i * 7919 % 20_011) << 20 ^ i;
        }
        shellSort(l);
        out.append("shell ").append(l[0]).append(' ').append(l[10_000]).append(' ').append(l[l.length - 1])
                .append(" sorted=").append(isSorted(l)).append('\n');

        char[] cs = "the quick brown fox jumps over the lazy dog".toCharArray();
        Arrays.sort(cs);
        out.append("chars '").append(new String(cs).trim()).append("'\n");

        int[][] rows = new int[40][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new int[(i * 17) % 7];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = (i * 31 + j * 11) % 23;
            }
        }
        Arrays.sort(rows, Comparator.comparingInt((int[] r) -> r.length).thenComparingInt(r -> r.length == 0 ? -1 : r[0]));
        out.append("rows ").append(Arrays.deepToString(Arrays.copyOf(rows, 8))).append('\n');

        short[] s = {5, -3, 32767, -32768, 0};
        Arrays.sort(s);
        float[] f = {Float.NaN, 1.5f, -0.0f, 0.0f, Float.NEGATIVE_INFINITY};
        Arrays.sort(f);
        byte[] by = {7, -7, 127, -128};
        Arrays.sort(by);
        out.append("kinds ").append(Arrays.toString(s)).append(Arrays.toString(f)).append(Arrays.toString(by));
        return out.toString();
    }

    static void quicksort(int[] a, int lo, int hi) {
        while (lo < hi) {
            int p = a[lo + (hi - lo) / 2];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < p) {
                    i++;
                }
                while (a[j] > p) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (j - lo < hi - i) {
                quicksort(a, lo, j);
                lo = i;
            } else {
                quicksort(a, i, hi);
                hi = j;
            }
        }
    }

    static void insertionSort(double[] d) {
        for (int i = 1; i < d.length; i++) {
            double v = d[i];
            int j = i - 1;
            while (j >= 0 && d[j] > v) {
                d[j + 1] = d[j];
                j--;
            }
            d[j + 1] = v;
        }
    }

    static void shellSort(long[] a) {
        for (int gap = a.length / 2; gap > 0; gap /= 2) {
            for (int i = gap; i < a.length; i++) {
                long v = a[i];
                int j = i;
                for (; j >= gap && a[j - gap] > v; j -= gap) {
                    a[j] = a[j - gap];
                }
                a[j] = v;
            }
        }
    }

    static boolean isSorted(int[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (a[i - 1] > a[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isSorted(long[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1] > a[i]) {
                return false;
            }
        }
        return true;
    }

    static long sum(int[] a) {
        long s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }
}
