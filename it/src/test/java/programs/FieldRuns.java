package programs;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads that each update their own objects' primitive fields in runs of accesses (several fields
 * of one object, nothing else between), over more objects than a small page cache holds, while the
 * other threads' faults evict pages: every object must keep its invariant ({@code sum == a + b},
 * {@code count} rounds) and the totals must be those of a plain run. Arguments: objects per thread,
 * rounds, threads.
 */
public final class FieldRuns {
    static final class Cell {
        long a;
        int b;
        long sum;
        short count;
        double ratio;
        boolean odd;
    }

    private FieldRuns() {
    }

    static void round(Cell c, int i) {
        c.a += i;
        c.b ^= i;
        c.sum = c.a + c.b;
        c.count++;
        c.ratio = (double) c.a / (c.count + 1);
        c.odd = (c.sum & 1) != 0;
    }

    public static void main(String[] args) throws InterruptedException {
        int objects = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        List<Cell[]> owned = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Cell[] cells = new Cell[objects];
            for (int i = 0; i < objects; i++) {
                cells[i] = new Cell();
            }
            owned.add(cells);
            int seed = t;
            workers.add(new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < cells.length; i++) {
                        round(cells[(i * 7919 + r * 31 + seed) % cells.length], r + i);
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        for (int t = 0; t < threads; t++) {
            long total = 0;
            int broken = 0;
            double ratios = 0;
            int odd = 0;
            for (Cell c : owned.get(t)) {
                total += c.sum;
                ratios += c.ratio;
                odd += c.odd ? 1 : 0;
                if (c.sum != c.a + c.b || c.count != (short) rounds || c.odd != ((c.sum & 1) != 0)) {
                    broken++;
                }
            }
            System.out.println("thread " + t + " total=" + total + " ratios=" + ratios + " odd=" + odd + " broken=" + broken);
        }
    }
}
