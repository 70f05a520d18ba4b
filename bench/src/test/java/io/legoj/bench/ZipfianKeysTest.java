package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZipfianKeysTest {
    private static final int N = 1000;
    private static final int DRAWS = 200_000;

    @Test
    void theSameSeedsGiveTheSameKeys() {
        assertArrayEquals(draw(new ZipfianKeys(N, 0.99, 7), 5), draw(new ZipfianKeys(N, 0.99, 7), 5));
        assertFalse(Arrays.equals(draw(new ZipfianKeys(N, 0.99, 7), 5), draw(new ZipfianKeys(N, 0.99, 7), 6)),
                "another sequence seed, another sequence");
        assertFalse(Arrays.equals(draw(new ZipfianKeys(N, 0.99, 7), 5), draw(new ZipfianKeys(N, 0.99, 8), 5)),
                "another permutation seed, other keys");
    }

    @Test
    void ranksAreAPermutationOfTheKeys() {
        ZipfianKeys z = new ZipfianKeys(N, 0.99, 3);
        boolean[] seen = new boolean[N];
        for (int r = 0; r < N; r++) {
            assertFalse(seen[z.keyOfRank(r)], "key of rank " + r + " given twice");
            seen[z.keyOfRank(r)] = true;
        }
    }

    @Test
    void frequenciesFollowTheRanks() {
        ZipfianKeys z = new ZipfianKeys(N, 0.99, 3);
        int[] count = new int[N];
        for (int k : draw(z, 11)) {
            count[k]++;
        }
        double sum = 0;
        for (int r = 0; r < N; r++) {
            sum += 1 / Math.pow(r + 1, 0.99);
        }
        double p0 = 1 / sum;
        assertEquals(p0, z.probability(0), 1e-12);
        assertEquals(p0 * DRAWS, count[z.keyOfRank(0)], 0.05 * p0 * DRAWS, "rank 0 drawn as often as its probability");
        assertEquals(p0 / Math.pow(10, 0.99) * DRAWS, count[z.keyOfRank(9)], 0.1 * p0 / 10 * DRAWS, "rank 9 likewise");
        assertTrue(count[z.keyOfRank(0)] > count[z.keyOfRank(1)] && count[z.keyOfRank(1)] > count[z.keyOfRank(10)]
                && count[z.keyOfRank(10)] > count[z.keyOfRank(500)], "more popular ranks are drawn more often");
        int top = 0;
        for (int r = 0; r < N / 10; r++) {
            top += count[z.keyOfRank(r)];
        }
        assertTrue(top > DRAWS * 0.6, "the top 10 % of the keys take most draws: " + top);
        assertEquals(DRAWS, Arrays.stream(count).sum());
    }

    @Test
    void oneKeyAlwaysComesOut() {
        ZipfianKeys z = new ZipfianKeys(1, 0.99, 1);
        assertTrue(Arrays.stream(draw(z, 1)).allMatch(k -> k == 0));
    }

    private static int[] draw(ZipfianKeys z, long seed) {
        Random r = new Random(seed);
        int[] keys = new int[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            keys[i] = z.next(r);
        }
        return keys;
    }
}
