package programs;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads that each run counted loops (fill, sum, scale in place, search) over their own arrays,
 * and sum one shared array, all far larger than a small page cache, so that other threads' faults
 * evict pages while a loop runs through a page: the totals must be those of a plain run.
 * Arguments: elements per array, rounds, threads.
 */
public final class ArrayLoops {
    private ArrayLoops() {
    }

    static void fill(long[] a, long seed) {
        for (int i = 0; i < a.length; i++) {
            a[i] = seed ^ (i * 0x9E3779B97F4A7C15L);
        }
    }

    static void scale(int[] a, int by) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] * by + 1;
        }
    }

    static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    static long sum(int[] a, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    static long sumRows(long[][] rows) {
        long s = 0;
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                s += rows[r][c] ^ c;
            }
        }
        return s;
    }

    static int find(long[] a, long key) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == key) {
                return i;
            }
        }
        return -1;
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int[] shared = new int[n];
        for (int i = 0; i < n; i++) {
            shared[i] = i % 1000;
        }
        long[] totals = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(new Thread(() -> {
                long[] longs = new long[n];
                int[] ints = new int[n];
                long[][] rows = new long[8][n / 8];
                long total = 0;
                for (int r = 0; r < rounds; r++) {
                    fill(longs, id * 1_000_003L + r);
                    for (long[] row : rows) {
                        fill(row, r * 31L + id);
                    }
                    total = total * 31 + sumRows(rows);
                    scale(ints, 3 + r);
                    total = total * 31 + sum(longs);
                    total = total * 31 + sum(ints, r, n - r);
                    total = total * 31 + find(longs, longs[(r * 7919) % n]);
                    total = total * 31 + sum(shared, 0, n);
                }
                totals[id] = total;
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        for (int t = 0; t < threads; t++) {
            System.out.println("thread " + t + " total=" + totals[t]);
        }
    }
}
