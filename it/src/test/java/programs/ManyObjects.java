package programs;

/**
 * Keeps {@code n} small objects reachable only through other objects (a linked list hanging off one
 * holder), walks them, and reports on stderr the heap used after a full collection.
 */
public final class ManyObjects {
    static final class Item {
        final long id;
        final int weight;
        Item next;

        Item(long id, int weight, Item next) {
            this.id = id;
            this.weight = weight;
            this.next = next;
        }
    }

    static final class Holder {
        Item first;
        long count;
    }

    public static void main(String[] args) {
        long n = Long.parseLong(args[0]);
        Holder h = new Holder();
        for (long i = 0; i < n; i++) {
            h.first = new Item(i, (int) (i % 97), h.first);
            h.count++;
        }
        long ids = 0;
        long weights = 0;
        long seen = 0;
        for (Item x = h.first; x != null; x = x.next) {
            ids += x.id;
            weights += x.weight;
            seen++;
        }
        System.out.println("count=" + h.count + " seen=" + seen + " ids=" + ids + " weights=" + weights);
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.err.println("heap_used_after_gc=" + (r.totalMemory() - r.freeMemory()));
    }
}
