package programs;

import java.util.ArrayList;
import java.util.List;

/**
 * Request loops as servers have, on {@code threads} threads (default 1): each request is an object
 * holding JDK objects (its argument list) and a long-lived one, used once and dropped; one in 10,000
 * is kept in a linked history. Prints, per thread, what the requests computed and what the history
 * still holds after a full collection.
 */
public final class TransientObjects {
    static final class Stats {
        long requests;
        long bytes;
    }

    static final class Request {
        final List<String> args;
        final Stats stats;
        final int weight;

        Request(List<String> args, Stats stats, int weight) {
            this.args = args;
            this.stats = stats;
            this.weight = weight;
        }

        long run() {
            stats.requests++;
            long n = 0;
            for (String a : args) {
                n += a.length();
            }
            stats.bytes += n;
            return n * weight;
        }
    }

    static final class Kept {
        Request request;
        Kept next;
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String[] results = new String[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> results[id] = run(n, id));
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        for (String r : results) {
            System.out.println(r);
        }
    }

    /** One request loop; what it computed and what its history holds after a full collection. */
    static String run(int n, int thread) {
        Stats stats = new Stats();
        Kept kept = null;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Request r = new Request(new ArrayList<>(List.of("set", "key" + thread + ":" + i, "value-" + i * 31L)), stats,
                    (i + thread) % 7);
            sum += r.run();
            if (i % 10_000 == 0) {
                Kept k = new Kept();
                k.request = r;
                k.next = kept;
                kept = k;
            }
        }
        System.gc();
        long keptHash = 0;
        int keptCount = 0;
        for (Kept k = kept; k != null; k = k.next) {
            keptHash = keptHash * 31 + k.request.args.get(1).hashCode() + k.request.weight;
            keptCount++;
        }
        return "thread=" + thread + " requests=" + stats.requests + " bytes=" + stats.bytes + " sum=" + sum + " kept="
                + keptCount + " hash=" + keptHash;
    }
}
