package io.legoj.bench;

import java.util.Arrays;
import java.util.Locale;

/** Number formatting and small statistics shared by the drivers; {@link Locale#ROOT}, so a dot is the decimal point. */
final class Report {
    private Report() {
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String whole(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** A size for people: KiB below one MiB, else MiB or GiB with one decimal. */
    static String size(long bytes) {
        if (bytes >= (1L << 30)) {
            return f1(bytes / (double) (1L << 30)) + " GiB";
        }
        return bytes >= (1L << 20) ? f1(bytes / (double) (1L << 20)) + " MiB" : whole(bytes / 1024.0) + " KiB";
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String list(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : " ").append(whole(values[i]));
        }
        return b.append(']').toString();
    }

    /** A random permutation of {@code 0 .. n-1}. */
    static int[] shuffled(int n, java.util.Random rnd) {
        return shuffled(0, n, rnd);
    }

    /** A random permutation of {@code from .. from+n-1}. */
    static int[] shuffled(int from, int n, java.util.Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
