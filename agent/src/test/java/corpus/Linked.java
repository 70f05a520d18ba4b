package corpus;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/** A linked list, inner classes capturing their outer object, identity and maps of objects. */
public final class Linked {
    private final int base;

    private Linked(int base) {
        this.base = base;
    }

    static final class Node {
        final int value;
        Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    final class Counter {
        int count;

        int next() {
            return base + count++;
        }
    }

    static final class Key {
        final String k;

        Key(String k) {
            this.k = k;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.k.equals(k);
        }

        @Override
        public int hashCode() {
            return k.hashCode();
        }
    }

    static final class Plain {
        int n;
    }

    public static String run(int n) {
        Node head = null;
        for (int i = 0; i < n; i++) {
            head = new Node(i, head);
        }
        long sum = 0;
        int length = 0;
        for (Node x = head; x != null; x = x.next) {
            sum += x.value;
            length++;
        }
        Counter c = new Linked(100).new Counter();
        c.next();
        int third = c.next() + c.next();
        Map<Key, Integer> byValue = new HashMap<>();
        byValue.put(new Key("a"), 1);
        Plain p = new Plain();
        Map<Plain, String> byIdentity = new IdentityHashMap<>();
        byIdentity.put(p, "p");
        Map<Plain, String> byDefaultHash = new HashMap<>();
        byDefaultHash.put(p, "q");
        int h1 = p.hashCode();
        int h2 = System.identityHashCode(p);
        return "length=" + length + " sum=" + sum + " counter=" + third + " key=" + byValue.get(new Key("a"))
                + " identity=" + byIdentity.get(p) + " default=" + byDefaultHash.get(p) + " stableHash=" + (h1 == h2)
                + " toString=" + p.toString().startsWith("corpus.Linked$Plain@");
    }
}
