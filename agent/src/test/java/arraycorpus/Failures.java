package arraycorpus;

import java.util.Arrays;

/** The exceptions of array code, with their exact messages. */
public final class Failures {
    private Failures() {
    }

    interface Action {
        Object run();
    }

    private static final StringBuilder OUT = new StringBuilder();

    private static void thrown(String label, Action a) {
        OUT.append(label).append(": ");
        try {
            Object result = a.run();
            OUT.append("no exception ").append(result);
        } catch (RuntimeException e) {
            OUT.append(e.getClass().getName()).append(": ").append(e.getMessage());
        }
        OUT.append('\n');
    }

    /** Helpful NullPointerException messages name what rewritten code reads: only the class is compared. */
    private static void thrownClass(String label, Action a) {
        OUT.append(label).append(": ");
        try {
            Object result = a.run();
            OUT.append("no exception ").append(result);
        } catch (RuntimeException e) {
            OUT.append(e.getClass().getName());
        }
        OUT.append('\n');
    }

    public static String run() {
        OUT.setLength(0);
        int[] a = new int[5];
        thrown("read -1", () -> a[-1]);
        thrown("read 5", () -> a[5]);
        thrown("write -1", () -> a[-1] = 1);
        thrown("write 5", () -> a[5] = 1);
        long[] big = new long[3];
        thrown("long write MAX", () -> big[Integer.MAX_VALUE] = 1);
        thrown("long read MIN", () -> big[Integer.MIN_VALUE]);
        boolean[] z = new boolean[1];
        byte[] b = new byte[2];
        short[] s = new short[3];
        char[] c = new char[4];
        float[] f = new float[5];
        double[] d = new double[6];
        thrown("boolean", () -> z[1]);
        thrown("byte", () -> b[2] = 1);
        thrown("short", () -> s[-3]);
        thrown("char", () -> c[4] = 'x');
        thrown("float", () -> f[5]);
        thrown("double", () -> d[6] = 1);
        thrown("increment", () -> a[7]++);
        thrown("empty", () -> new int[0][0].length);
        int[][] m = new int[2][3];
        thrown("2-D outer", () -> m[2][0]);
        thrown("2-D inner", () -> m[1][3] = 1);
        thrown("2-D row length", () -> m[-1].length);

        int n = -3;
        thrown("new int[n]", () -> new int[n]);
        thrown("new double[n]", () -> new double[n]);
        thrown("new int[2][n]", () -> new int[2][n]);
        thrown("new int[n][2]", () -> new int[n][2]);
        thrown("new int[n][]", () -> new int[n][]);
        thrown("new long[1][n][2]", () -> new long[1][n][2]);
        thrown("new String[n]", () -> new String[n]);
        thrown("copyOf negative", () -> Arrays.copyOf(a, -1));
        thrown("copyOfRange from > to", () -> Arrays.copyOfRange(a, 3, 1));
        thrown("copyOfRange from > length", () -> Arrays.copyOfRange(a, 6, 8));

        Object[] objs = new Integer[2];
        thrown("store String into Integer[]", () -> objs[0] = "no");
        thrown("store Integer", () -> objs[1] = 5);
        int[] src = {1, 2, 3, 4, 5};
        int[] dst = new int[5];
        thrown("arraycopy int[] into long[]", () -> {
            System.arraycopy(src, 0, new long[5], 0, 1);
            return null;
        });
        thrown("arraycopy int[] into Object[]", () -> {
            System.arraycopy(src, 0, new Object[5], 0, 1);
            return null;
        });
        thrown("arraycopy Object[] into int[]", () -> {
            System.arraycopy(new Object[5], 0, dst, 0, 1);
            return null;
        });
        thrown("arraycopy String into int[]", () -> {
            System.arraycopy("text", 0, dst, 0, 1);
            return null;
        });
        thrown("arraycopy int[] into String", () -> {
            System.arraycopy(src, 0, "text", 0, 1);
            return null;
        });
        thrown("arraycopy source -1", () -> {
            System.arraycopy(src, -1, dst, 0, 1);
            return null;
        });
        thrown("arraycopy destination -1", () -> {
            System.arraycopy(src, 0, dst, -1, 1);
            return null;
        });
        thrown("arraycopy length -1", () -> {
            System.arraycopy(src, 0, dst, 0, -1);
            return null;
        });
        thrown("arraycopy last source", () -> {
            System.arraycopy(src, 3, dst, 0, 3);
            return null;
        });
        thrown("arraycopy last destination", () -> {
            System.arraycopy(src, 0, dst, 4, 2);
            return null;
        });
        thrown("arraycopy negative destination before last source", () -> {
            System.arraycopy(src, 3, dst, -1, 4);
            return null;
        });
        thrown("arraycopy negative length before last source", () -> {
            System.arraycopy(src, 9, dst, 0, -1);
            return null;
        });
        thrown("arraycopy last source long", () -> {
            System.arraycopy(new long[2], 1, new long[9], 0, 2);
            return null;
        });
        thrown("arraycopy overflow", () -> {
            System.arraycopy(src, 1, dst, 0, Integer.MAX_VALUE);
            return null;
        });
        thrownClass("arraycopy null", () -> {
            System.arraycopy(null, 0, dst, 0, 1);
            return null;
        });
        thrown("copies intact", () -> Arrays.toString(src) + Arrays.toString(dst));

        int[] none = null;
        Object notAnArray = "s";
        thrownClass("null length", () -> none.length);
        thrownClass("null load", () -> none[0]);
        thrownClass("null store", () -> none[0] = 1);
        thrownClass("cast String to int[]", () -> ((int[]) notAnArray).length);
        thrown("array intact", () -> Arrays.toString(a) + Arrays.toString(objs));
        return OUT.toString();
    }
}
