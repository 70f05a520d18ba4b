package corpus;

import java.util.ArrayList;
import java.util.List;

/** NullPointerException messages of chained remote field reads: the JVM's own words, as without the agent. */
public final class NullChains {
    static Link root;

    static final class Link {
        Link next;
        int count;
        long total;

        int viaThis() {
            return next.next.count;
        }
    }

    private NullChains() {
    }

    private static void record(List<String> out, Runnable r) {
        try {
            r.run();
            out.add("no NPE");
        } catch (NullPointerException e) {
            out.add(e.getMessage() + " @" + e.getStackTrace()[0].getMethodName());
        }
    }

    static int read(Link a) {
        return a.next.next.count;
    }

    static void assign(Link a) {
        a.next.next.total = 7;
    }

    static void compound(Link a) {
        a.next.next.count += 2;
    }

    static int deep(Link a) {
        return a.next.next.next.next.next.next.count;
    }

    static int fromStatic() {
        return root.next.next.count;
    }

    public static String run() {
        Link a = new Link();
        Link c = a;
        for (int i = 0; i < 6; i++) {
            c.next = new Link();
            c = c.next;
        }
        Link shortChain = new Link();
        shortChain.next = new Link();
        root = shortChain;
        List<String> out = new ArrayList<>();
        record(out, () -> read(shortChain));
        record(out, () -> assign(shortChain));
        record(out, () -> compound(shortChain));
        record(out, shortChain::viaThis);
        record(out, () -> deep(a.next));
        record(out, NullChains::fromStatic);
        record(out, () -> read(new Link()));
        out.add("fine " + read(a) + " " + deep(a));
        return String.join("\n", out);
    }
}
