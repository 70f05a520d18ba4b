package arraycorpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reference arrays, small and large: elements, covariance and its store checks, casts, clones,
 * arrays of arrays, overloads by array type, lambdas and JDK calls that take or return them.
 */
public final class References {
    private References() {
    }

    static class Node {
        final int id;
        Node next;

        Node(int id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return "n" + id;
        }
    }

    /** Overloads that differ only in the array's element type. */
    static String kind(Object[] a) {
        return "objects" + a.length;
    }

    static String kind(String[] a) {
        return "strings" + a.length;
    }

    static String kind(Node[] a) {
        return "nodes" + a.length;
    }

    interface Maker<T> {
        T[] make(int n);

        default int size(T[] a) {
            return a.length;
        }
    }

    static final class StringMaker implements Maker<String> {
        @Override
        public String[] make(int n) {
            String[] a = new String[n];
            Arrays.fill(a, "s");
            return a;
        }

        @Override
        public int size(String[] a) {
            return -a.length;
        }
    }

    static class Base {
        String take(Object[] a) {
            return "base" + a.length;
        }
    }

    static final class Derived extends Base {
        /** Not an override of {@link Base#take}: a different parameter type. */
        String take(String[] a) {
            return "derived" + a.length;
        }
    }

    static Object[] field = new Object[3];
    static String[] reflected;
    Object[][] grid;
    Node[] nodes;

    static int sunk;

    static void sink(Object o) {
        sunk += o.hashCode();
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        for (int n : new int[] {0, 3, 40_000}) {
            out.append(elements(n)).append('\n');
        }
        out.append(covariance()).append('\n');
        out.append(grids()).append('\n');
        out.append(calls()).append('\n');
        out.append(lambdas()).append('\n');
        out.append(reflection()).append('\n');
        return out.toString();
    }

    static String elements(int n) {
        StringBuilder out = new StringBuilder("n=" + n + ":");
        String[] words = new String[n];
        Node[] nodes = new Node[n];
        Object[] mixed = new Object[n];
        for (int i = 0; i < n; i++) {
            words[i] = "w" + (i % 97);
            nodes[i] = new Node(i);
            if (i > 0) {
                nodes[i - 1].next = nodes[i];
            }
            mixed[i] = i % 3 == 0 ? words[i] : i % 3 == 1 ? nodes[i] : Integer.valueOf(i);
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += words[i].length() + nodes[i].id + (mixed[i] instanceof Integer k ? k : 1);
        }
        out.append(" sum=").append(sum).append(" len=").append(words.length).append(nodes.length);
        if (n > 0) {
            out.append(" first=").append(nodes[0].next == (n > 1 ? nodes[1] : null)).append(" last=")
                    .append(words[n - 1]).append(mixed[n - 1]);
            Node[] copy = nodes.clone();
            copy[0] = null;
            out.append(" clone=").append(copy != nodes).append(copy.length).append(nodes[0] != null)
                    .append(copy[n - 1] == nodes[n - 1]).append(copy.getClass().getSimpleName());
            References holder = new References();
            holder.nodes = nodes;
            out.append(" held=").append(holder.nodes == nodes).append(holder.nodes[n - 1].id);
            System.arraycopy(words, 0, words, 1, n - 1);
            out.append(" shifted=").append(words[0]).append(n > 1 ? words[1] : "-").append(words[n - 1]);
            System.arraycopy(words, 1, words, 0, n - 1);
            out.append(words[0]);
            Arrays.sort(words);
            out.append(" sorted=").append(words[0]).append(words[n - 1]);
            List<String> view = Arrays.asList(words);
            view.set(0, "through the list");
            out.append(" view=").append(words[0]).append(view.size());
        }
        out.append(" bounds=").append(Loops.outcome(() -> sink(words[n])));
        out.append(" negative=").append(Loops.outcome(() -> sink(new String[n - 1].length)));
        out.append(" kind=").append(kind(words)).append(kind(nodes)).append(kind(mixed)).append(kind((Object[]) words));
        return out.toString();
    }

    static String covariance() {
        StringBuilder out = new StringBuilder("covariance:");
        for (int n : new int[] {2, 20_000}) {
            Object[] objects = new String[n];
            objects[0] = "fine";
            out.append(' ').append(Loops.outcome(() -> objects[1] = Integer.valueOf(1)));
            out.append(' ').append(Loops.outcome(() -> objects[1] = new int[1]));
            out.append(' ').append(objects[0]).append(objects[1]);
            Object o = objects;
            out.append(' ').append(o instanceof String[]).append(o instanceof Object[]).append(o instanceof Integer[])
                    .append(o instanceof CharSequence[]).append(o instanceof Comparable[]).append(o instanceof Object[][]);
            out.append(' ').append(Loops.outcome(() -> sink(((Integer[]) o).length)));
            CharSequence[] chars = (CharSequence[]) o;
            out.append(' ').append(chars[0]).append(' ').append(o.getClass().getName()).append(' ')
                    .append(o.getClass().getComponentType().getSimpleName());
            field = objects;
            out.append(' ').append(field == o).append(((String[]) field)[0]);
            Comparable<?>[] comparables = (Comparable<?>[]) objects;
            out.append(' ').append(comparables.length == n);
        }
        return out.toString();
    }

    static String grids() {
        StringBuilder out = new StringBuilder("grids:");
        String[][] names = new String[3][4];
        names[1][2] = "x";
        names[2] = new String[] {"a", "b"};
        out.append(' ').append(Arrays.deepToString(names));
        int[][] big = new int[6000][];
        for (int i = 0; i < big.length; i++) {
            big[i] = new int[i % 5];
            for (int j = 0; j < big[i].length; j++) {
                big[i][j] = i + j;
            }
        }
        long sum = 0;
        for (int[] row : big) {
            for (int v : row) {
                sum += v;
            }
        }
        out.append(' ').append(sum).append(' ').append(big[5999].length);
        Object[] rows = big;
        out.append(' ').append(rows[3] instanceof int[]).append(Loops.outcome(() -> rows[0] = "no"));
        long[][][] cube = new long[2][3][];
        cube[1][2] = new long[] {7};
        out.append(' ').append(cube[1][2][0]).append(cube[0][0] == null).append(cube.getClass().getSimpleName());
        Object[][] objectRows = new String[2][];
        out.append(' ').append(Loops.outcome(() -> objectRows[0] = new Integer[1]));
        return out.toString();
    }

    static String calls() {
        StringBuilder out = new StringBuilder("calls:");
        String[] parts = "a,b,,c".split(",");
        out.append(' ').append(parts.length).append(String.join("+", parts));
        out.append(' ').append(String.format("%s-%s-%d", "x", parts[1], 3));
        List<String> list = new ArrayList<>(List.of("q", "r", "s"));
        String[] fromList = list.toArray(new String[0]);
        Object[] plain = list.toArray();
        out.append(' ').append(fromList.length).append(fromList[2]).append(plain[0]).append(plain.getClass().getSimpleName());
        Map<String, String[]> map = new HashMap<>();
        map.put("k", new String[] {"v1", "v2"});
        String[] back = map.get("k");
        out.append(' ').append(back[1]).append(Arrays.toString(back));
        Object[] filled = new Object[5000];
        Arrays.fill(filled, "f");
        out.append(' ').append(filled[4999]).append(Arrays.asList(filled).size()).append(Arrays.hashCode(parts));
        Maker<String> maker = new StringMaker();
        String[] made = maker.make(4);
        out.append(' ').append(made[3]).append(maker.size(made)).append(new Derived().take(made))
                .append(((Base) new Derived()).take(made));
        return out.toString();
    }

    static long weigh(String[] a, long factor, double scale) {
        return (long) (a.length * factor * scale);
    }

    static String fail(Object[] a) {
        throw new IllegalStateException("failed with " + a.length);
    }

    static String reflection() {
        StringBuilder out = new StringBuilder("reflection:");
        try {
            java.lang.reflect.Field f = References.class.getDeclaredField("reflected");
            f.set(null, new String[] {"r0", "r1"});
            out.append(' ').append(reflected[1]).append(' ').append(((String[]) f.get(null)).length).append(' ')
                    .append(f.getType().getSimpleName());
            java.lang.reflect.Field g = References.class.getDeclaredField("grid");
            References r = new References();
            g.set(r, new Object[][] {{"g"}, new String[2]});
            out.append(' ').append(r.grid[0][0]).append(r.grid[1].length).append(' ').append(g.getType().getName());
            out.append(' ').append(Loops.outcome(() -> {
                try {
                    f.set(null, new Object[1]);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }));
            java.lang.reflect.Method m = References.class.getDeclaredMethod("kind", String[].class);
            out.append(' ').append(m.invoke(null, (Object) new String[3])).append(' ')
                    .append(Arrays.toString(m.getParameterTypes()));
            java.lang.reflect.Method make = StringMaker.class.getMethod("make", int.class);
            String[] made = (String[]) make.invoke(new StringMaker(), 2);
            out.append(' ').append(made.length).append(made[1]).append(' ')
                    .append(Loops.outcome(() -> {
                        try {
                            m.invoke(null, (Object) new Integer[1]);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
            java.lang.reflect.Method weigh = References.class.getDeclaredMethod("weigh", String[].class, long.class,
                    double.class);
            out.append(' ').append(weigh.invoke(null, new String[4], 3, 'x')).append(' ').append(Loops.outcome(() -> {
                try {
                    weigh.invoke(null, new String[1], 2.5, 1.0);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }));
            try {
                References.class.getDeclaredMethod("fail", Object[].class).invoke(null, (Object) new Object[0]);
            } catch (java.lang.reflect.InvocationTargetException e) {
                out.append(' ').append(e.getCause().getMessage());
            }
        } catch (ReflectiveOperationException e) {
            out.append(' ').append(e);
        }
        return out.toString();
    }

    static String lambdas() {
        StringBuilder out = new StringBuilder("lambdas:");
        Function<String[], Integer> length = a -> a.length;
        out.append(' ').append(length.apply(new String[7]));
        String[] sorted = Stream.of("c", "a", "b").sorted().toArray(String[]::new);
        out.append(' ').append(String.join("", sorted)).append(sorted.getClass().getSimpleName());
        IntFunction<Node[]> nodes = Node[]::new;
        out.append(' ').append(nodes.apply(3).length);
        List<String[]> pairs = List.of(new String[] {"b", "2"}, new String[] {"a", "1"});
        List<String[]> byKey = new ArrayList<>(pairs);
        byKey.sort(Comparator.comparing(p -> p[0]));
        out.append(' ').append(byKey.get(0)[1]);
        String joined = Stream.of("x y", "z").map(s -> s.split(" ")).filter(a -> a.length > 1)
                .map(a -> a[1]).collect(Collectors.joining());
        out.append(' ').append(joined);
        return out.toString();
    }
}
