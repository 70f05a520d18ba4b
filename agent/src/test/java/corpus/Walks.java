package corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Walks along linked objects whose locals only read fields and test for null (the rewriter keeps
 * them as addresses), beside locals that must stay handles, with the exceptions a plain JVM throws.
 */
public final class Walks {
    private Walks() {
    }

    static class Node {
        long value;
        Node next;
        volatile Node skip;
        String label;
        int[] counts = {1, 2};

        Node(long value) {
            this.value = value;
        }
    }

    static final class Heavy extends Node {
        double weight;
        final int tag;

        Heavy(long value, int tag) {
            super(value);
            this.tag = tag;
            this.weight = value / 2.0;
        }
    }

    private Node head;

    static Node list(int n, long seed) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node x = i % 3 == 0 ? new Heavy(i, i * 7) : new Node(i);
            x.label = i % 5 == 0 ? null : "n" + i;
            nodes.add(x);
        }
        Collections.shuffle(nodes, new Random(seed));
        for (int i = 0; i + 1 < n; i++) {
            nodes.get(i).next = nodes.get(i + 1);
            nodes.get(i).skip = nodes.get(Math.min(n - 1, i + 5));
        }
        return nodes.get(0);
    }

    static long sum(Node head) {
        long s = 0;
        for (Node x = head; x != null; x = x.next) {
            s += x.value;
        }
        return s;
    }

    /** Reads every kind of field along the walk, a volatile link, a subclass's fields through the superclass. */
    static String details(Node head) {
        StringBuilder out = new StringBuilder();
        int labels = 0;
        long skips = 0;
        Node x = head;
        while (x != null) {
            String l = x.label;
            labels += l == null ? 0 : l.length();
            int[] c = x.counts;
            skips += c[0] + c[1];
            x = x.skip == null ? null : x.next;
        }
        for (Node y = head; y != null; y = y.skip) {
            skips += y.value;
            if (y.next == null) {
                out.append("last ").append(y.value);
            }
        }
        return out.append(" labels ").append(labels).append(" skips ").append(skips).toString();
    }

    /** The walk's local is handed on at the end: it must stay a handle, with identity. */
    static String identity(Node head) {
        Node last = head;
        while (last.next != null) {
            last = last.next;
        }
        Node again = head;
        for (Node z = head; z != null; z = z.next) {
            again = z;
        }
        return "same " + (last == again) + " " + System.identityHashCode(last) % 1 + " " + last.value;
    }

    long fromField() {
        long s = 0;
        Node x = this.head;
        while (x != null) {
            s += x.value * 3;
            x = x.next;
        }
        return s;
    }

    static String nulls(Node head) {
        StringBuilder out = new StringBuilder();
        Node x = head;
        for (int i = 0; i < 3; i++) {
            x = x.next;
        }
        Node gone = null;
        try {
            out.append(gone.value);
        } catch (NullPointerException e) {
            out.append(e.getMessage()).append('\n');
        }
        Node end = head;
        try {
            while (true) {
                end = end.next;
                out.append(end.value % 2);
            }
        } catch (NullPointerException e) {
            out.append('\n').append(e.getMessage()).append('\n');
        }
        Node y = head;
        try {
            while (true) {
                out.append(y.next.value % 3);
                y = y.next;
            }
        } catch (NullPointerException e) {
            out.append('\n').append(e.getMessage()).append('\n');
        }
        return out.append(x.value).toString();
    }

    static String walkSubclass(Node head) {
        long tags = 0;
        double weights = 0;
        for (Node x = head; x != null; x = x.next) {
            if (x instanceof Heavy h) {
                tags += h.tag;
                weights += h.weight;
            }
        }
        return tags + " " + weights;
    }

    /** Walks from a call's result and returns where it stopped: the handle every other path sees. */
    static Node find(Node[] heads, long value) {
        for (Node x = first(heads); x != null; x = x.next) {
            if (x.value == value) {
                return x;
            }
        }
        return null;
    }

    private static Node first(Node[] heads) {
        return heads[0];
    }

    static String finds(Node head) {
        Node[] heads = {head};
        Node third = head.next.next;
        Node found = find(heads, third.value);
        return "found " + (found == third) + " " + (found == null ? -1 : found.value) + " missing " + find(heads, -5)
                + " hash " + (System.identityHashCode(found) == System.identityHashCode(third));
    }

    /** Walks with its parameter. */
    static long length(Node n) {
        long c = 0;
        while (n != null) {
            c += n.value % 7;
            n = n.next;
        }
        return c;
    }

    static String parameters(Node head) {
        StringBuilder out = new StringBuilder().append(length(head)).append(' ').append(length(null));
        try {
            out.append(valueOf(null));
        } catch (NullPointerException e) {
            out.append(' ').append(e.getMessage());
        }
        return out.append(' ').append(valueOf(head)).toString();
    }

    static long valueOf(Node n) {
        return n.value + n.next.value;
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        Node head = list(3000, 42);
        out.append(sum(head)).append('\n');
        out.append(details(head)).append('\n');
        out.append(identity(head)).append('\n');
        Walks w = new Walks();
        w.head = head;
        out.append(w.fromField()).append('\n');
        out.append(nulls(list(40, 7))).append('\n');
        out.append(walkSubclass(head)).append('\n');
        out.append(sum(null)).append('\n');
        out.append(finds(head)).append('\n');
        out.append(parameters(head)).append('\n');
        return out.toString();
    }
}
