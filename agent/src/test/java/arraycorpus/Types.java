package arraycorpus;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Arrays held as Object: instanceof, casts, getClass, collections, reflection, records, enum switches. */
public final class Types {
    private Types() {
    }

    record Sample(int[] values, String name) {
    }

    enum Color {
        RED, GREEN, BLUE
    }

    static String describe(Object o) {
        Class<?> c = o.getClass();
        return c.getName() + "/" + c.getSimpleName() + "/" + (c.getComponentType() == null ? "-" : c.getComponentType())
                + "/" + c.isArray() + "/" + (o instanceof int[]) + (o instanceof long[]) + (o instanceof Object[])
                + (o instanceof int[][]) + (o instanceof Cloneable) + (o instanceof Serializable) + "/"
                + (c == int[].class) + (c == int[][].class);
    }

    static <T> T same(T t) {
        return t;
    }

    static int score(Color c) {
        switch (c) {
            case RED:
                return 1;
            case GREEN:
                return 2;
            default:
                return 3;
        }
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        Object[] things = {new int[] {1, 2, 3}, new long[0], new boolean[1], new char[2], new byte[][] {{1}},
            new int[2][2], new double[1][1][1], new String[1], new Object[0], new Integer[0][0], 5};
        for (Object o : things) {
            out.append(describe(o)).append('\n');
        }

        Object o = things[0];
        if (o instanceof int[] ia && ia.length == 3) {
            out.append("pattern ").append(ia[2]).append(' ');
        }
        int[] cast = (int[]) o;
        cast[0] = 7;
        out.append(((int[]) things[0])[0]).append(' ').append(cast == o).append(' ').append(o.equals(cast)).append(' ')
                .append(o.equals(cast.clone())).append(' ').append(o.hashCode() == System.identityHashCode(cast))
                .append(' ').append(o.toString().startsWith("[I@")).append(' ')
                .append(String.valueOf(o).equals(o.toString())).append(' ')
                .append(Objects.requireNonNull(cast) == cast).append('\n');

        try {
            long[] wrong = (long[]) o;
            out.append("no exception ").append(wrong.length);
        } catch (ClassCastException e) {
            out.append("cast int[] to long[]: ").append(e.getClass().getName()).append('\n');
        }
        try {
            Object[] wrong = (Object[]) o;
            out.append("no exception ").append(wrong.length);
        } catch (ClassCastException e) {
            out.append("cast int[] to Object[]: ").append(e.getClass().getName()).append('\n');
        }
        Object twoD = things[5];
        int[][] m = (int[][]) twoD;
        Object[] asObjects = (Object[]) twoD;
        int[] row = (int[]) asObjects[1];
        row[1] = 9;
        out.append("2-D ").append(m[1][1]).append(' ').append(asObjects[0] instanceof int[]).append(' ')
                .append(Object[].class.isInstance(twoD)).append(' ').append(int[][].class.isInstance(twoD)).append('\n');

        List<int[]> list = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int[] r = new int[i + 1];
            Arrays.fill(r, i);
            list.add(r);
        }
        int[] third = list.get(2);
        third[0] = 99;
        Object back = list.get(2);
        int[] again = (int[]) back;
        int[][] asRows = list.toArray(new int[0][]);
        Object[] plain = list.toArray();
        out.append("list ").append(Arrays.toString(again)).append(' ').append(again == third).append(' ')
                .append(list.indexOf(third)).append(' ').append(list.contains(third.clone())).append(' ')
                .append(Arrays.deepToString(asRows)).append(' ').append(plain[3] instanceof int[]).append(' ')
                .append(same(third) == third).append('\n');

        Map<String, long[]> map = new HashMap<>();
        map.put("a", new long[] {1, 2});
        map.computeIfAbsent("b", k -> new long[] {3});
        map.get("a")[1] = 20;
        Map<String, Object> objects = new TreeMap<>();
        objects.put("ints", new int[] {4});
        objects.put("chars", new char[] {'c'});
        out.append("map ").append(Arrays.toString(map.get("a"))).append(Arrays.toString(map.get("b"))).append(' ')
                .append(((int[]) objects.get("ints"))[0]).append(((char[]) objects.get("chars"))[0]).append('\n');

        Object arr = Array.newInstance(int.class, 4);
        Array.setInt(arr, 1, 11);
        Array.set(arr, 2, 22);
        Object multi = Array.newInstance(long.class, 2, 3);
        ((long[][]) multi)[1][2] = 5;
        out.append("reflect ").append(Array.getLength(arr)).append(' ').append(Array.get(arr, 1)).append(' ')
                .append(Array.getInt(arr, 2)).append(' ').append(Arrays.toString((int[]) arr)).append(' ')
                .append(multi.getClass().getName()).append(' ').append(Arrays.deepToString((Object[]) multi)).append(' ')
                .append(arr.getClass() == int[].class).append('\n');

        int[] shared = {1, 2};
        Sample s1 = new Sample(shared, "s");
        Sample s2 = new Sample(shared, "s");
        Sample s3 = new Sample(new int[] {1, 2}, "s");
        s1.values()[0] = 5;
        out.append("record ").append(s2.values()[0]).append(' ').append(s1.equals(s2)).append(' ').append(s1.equals(s3))
                .append(' ').append(s1.hashCode() == s2.hashCode()).append(' ').append(s1.name()).append('\n');

        int total = 0;
        for (Color c : Color.values()) {
            total = total * 10 + score(c);
        }
        out.append("switch ").append(total).append('\n');

        int[] lock = new int[1];
        synchronized (lock) {
            lock[0]++;
        }
        out.append("monitor ").append(lock[0]).append(' ').append(int[].class.getName()).append(' ')
                .append(double[][].class.getSimpleName()).append(' ').append(int[].class.getSuperclass().getName())
                .append(' ').append(int[].class.getInterfaces().length).append(' ')
                .append(Arrays.asList(new int[] {1}).get(0) instanceof int[]);
        return out.toString();
    }
}
