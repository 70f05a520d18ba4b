package programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Threads that walk their own linked lists (the locals of {@code sum} and {@code find} hold
 * addresses under the agent), over more nodes than a small page cache holds, while the other
 * threads' faults evict pages; found nodes are updated through the handle {@code find} returns,
 * which must be the very object the thread's table holds. Arguments: nodes per thread, rounds,
 * threads.
 */
public final class Walks {
    static final class Node {
        long value;
        Node next;
        int hits;
    }

    private Walks() {
    }

    static Node[] build(int n, long seed) {
        Node[] nodes = new Node[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = new Node();
            nodes[i].value = i;
        }
        Random r = new Random(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i + 1 < n; i++) {
            nodes[order[i]].next = nodes[order[i + 1]];
        }
        Node[] withHead = new Node[n + 1];
        System.arraycopy(nodes, 0, withHead, 0, n);
        withHead[n] = nodes[order[0]];
        return withHead;
    }

    static long sum(Node head) {
        long s = 0;
        for (Node x = head; x != null; x = x.next) {
            s += x.value;
        }
        return s;
    }

    static Node find(Node head, long value) {
        for (Node x = head; x != null; x = x.next) {
            if (x.value == value) {
                return x;
            }
        }
        return null;
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        long[][] results = new long[threads][3];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(new Thread(() -> {
                Node[] nodes = build(n, id);
                Node head = nodes[n];
                Random r = new Random(100 + id);
                long sums = 0;
                long same = 0;
                for (int round = 0; round < rounds; round++) {
                    sums += sum(head);
                    for (int k = 0; k < 20; k++) {
                        int v = r.nextInt(n + 5);
                        Node found = find(head, v);
                        if (found != null) {
                            found.hits++;
                            same += found == nodes[v] ? 1 : 0;
                        }
                    }
                }
                long hits = 0;
                for (int i = 0; i < n; i++) {
                    hits += nodes[i].hits;
                }
                results[id] = new long[] {sums, same, hits};
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        for (int t = 0; t < threads; t++) {
            System.out.println("thread " + t + " sums=" + results[t][0] + " same=" + results[t][1] + " hits=" + results[t][2]);
        }
    }
}
