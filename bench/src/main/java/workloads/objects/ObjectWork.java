package workloads.objects;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Plain Java object code for the {@code objects} benchmark. It lives outside {@code io.legoj}, so
 * under {@code objects=remote} the agent rewrites it like any application class.
 */
public final class ObjectWork {
    private ObjectWork() {
    }

    public static final class Node {
        long value;
        Node next;
    }

    public static final class Counter {
        long total;
        int step = 3;
        int reads;
    }

    /** A list of {@code n} nodes linked in a random order, so that each hop lands somewhere else. */
    public static Node list(int n, long seed) {
        List<Node> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Node x = new Node();
            x.value = i;
            nodes.add(x);
        }
        Collections.shuffle(nodes, new Random(seed));
        for (int i = 0; i + 1 < n; i++) {
            nodes.get(i).next = nodes.get(i + 1);
        }
        return nodes.get(0);
    }

    /** Follows the list to its end: one field read and one reference load per hop. */
    public static long chase(Node head) {
        long sum = 0;
        for (Node x = head; x != null; x = x.next) {
            sum += x.value;
        }
        return sum;
    }

    /** Live objects for {@link #fields}: a ring, so the JIT cannot keep one object's fields in registers. */
    public static Counter[] counters(int n) {
        Counter[] ring = new Counter[n];
        for (int i = 0; i < n; i++) {
            ring[i] = new Counter();
        }
        return ring;
    }

    /** {@code n} rounds of two field reads, each on the next object of the ring: for threads that share the ring. */
    public static long reads(Counter[] ring, int n) {
        int mask = ring.length - 1;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Counter c = ring[i & mask];
            sum += c.total + c.step;
        }
        return sum;
    }

    /** {@code n} rounds of four field reads and two field writes, each round on the next object of the ring. */
    public static long fields(Counter[] ring, int n) {
        int mask = ring.length - 1;
        long last = 0;
        for (int i = 0; i < n; i++) {
            Counter c = ring[i & mask];
            c.total += c.step;
            c.reads++;
            last = c.total;
        }
        return last;
    }
}
