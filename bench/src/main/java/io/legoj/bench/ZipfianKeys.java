package io.legoj.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * Key indexes {@code 0 .. n-1} drawn with a zipfian distribution: rank {@code r} (0 the most
 * popular) has probability proportional to {@code 1 / (r+1)^s}. Ranks map to keys through a seeded
 * permutation, so that popular keys are spread over the key space (and over the pages of a store
 * that allocates keys in order) instead of being its first keys, as YCSB's scrambled zipfian does.
 */
final class ZipfianKeys {
    private final double[] cdf;
    private final int[] keyOfRank;

    ZipfianKeys(int n, double exponent, long seed) {
        if (n < 1 || !(exponent > 0)) {
            throw new IllegalArgumentException("a zipfian distribution needs n >= 1 and s > 0, got n=" + n + " s=" + exponent);
        }
        cdf = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1 / Math.pow(r + 1, exponent);
            cdf[r] = sum;
        }
        for (int r = 0; r < n; r++) {
            cdf[r] /= sum;
        }
        cdf[n - 1] = 1.0;
        keyOfRank = Report.shuffled(n, new Random(seed));
    }

    int size() {
        return cdf.length;
    }

    /** The key of rank {@code r}. */
    int keyOfRank(int r) {
        return keyOfRank[r];
    }

    /** The probability of rank {@code r}. */
    double probability(int r) {
        return r == 0 ? cdf[0] : cdf[r] - cdf[r - 1];
    }

    /** The next key index; the sequence depends only on {@code random}'s seed. */
    int next(Random random) {
        return keyOfRank[rank(random.nextDouble())];
    }

    /** The smallest rank whose cumulative probability exceeds {@code u} in [0, 1). */
    private int rank(double u) {
        int i = Arrays.binarySearch(cdf, u);
        return i >= 0 ? Math.min(i + 1, cdf.length - 1) : -i - 1;
    }
}
