package arraycorpus;

import java.util.Arrays;

/** Two- and three-dimensional arrays: rectangular, partial, jagged, shared rows, in fields. */
public final class Grids {
    long[][] field = new long[2][3];
    static int[][][] statics = {{{1, 2}, {3}}, {}};

    private Grids() {
    }

    /** What printing gave, the array's identity hash replaced (plain and rewritten arrays differ in it). */
    private static String printed(String s, Object a) {
        return s.replace(Integer.toHexString(System.identityHashCode(a)), "#") + " ";
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        int[][] m = new int[4][5];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = i * j + 1;
            }
        }
        int[][] t = transpose(m);
        long[][] p = multiply(m, t);
        out.append("product ").append(Arrays.deepToString(p)).append('\n');

        double[][][] cube = new double[3][4][5];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 5; k++) {
                    cube[i][j][k] = i * 100 + j * 10 + k + 0.5;
                }
            }
        }
        double total = 0;
        for (double[][] plane : cube) {
            for (double[] row : plane) {
                for (double v : row) {
                    total += v;
                }
            }
        }
        out.append("cube total=").append(total).append(" corner=").append(cube[2][3][4]).append(" lengths=")
                .append(cube.length).append(cube[0].length).append(cube[0][0].length).append('\n');

        int[][][] partial = new int[2][3][];
        out.append("partial null=").append(partial[1][2] == null);
        partial[1][2] = new int[] {7, 8};
        partial[0][0] = new int[0];
        out.append(' ').append(Arrays.deepToString(partial)).append('\n');

        int[][] jagged = {{1}, {2, 3}, {}, {4, 5, 6}};
        jagged[2] = new int[] {9};
        StringBuilder lengths = new StringBuilder();
        for (int[] row : jagged) {
            lengths.append(row.length);
        }
        out.append("jagged ").append(lengths).append(' ').append(Arrays.deepToString(jagged)).append(" hash=")
                .append(Arrays.deepHashCode(jagged)).append('\n');

        int[][] pascal = new int[10][];
        for (int i = 0; i < pascal.length; i++) {
            pascal[i] = new int[i + 1];
            pascal[i][0] = 1;
            pascal[i][i] = 1;
            for (int j = 1; j < i; j++) {
                pascal[i][j] = pascal[i - 1][j - 1] + pascal[i - 1][j];
            }
        }
        out.append("pascal ").append(Arrays.toString(pascal[9])).append('\n');

        char[][] board = new char[3][3];
        for (char[] row : board) {
            Arrays.fill(row, '.');
        }
        board[1][1] = 'X';
        board[0][2] = 'O';
        out.append("board ");
        for (char[] row : board) {
            out.append(new String(row)).append('/');
        }
        boolean[][] flags = new boolean[2][3];
        flags[1][2] = true;
        out.append(" flags ").append(Arrays.deepToString(flags)).append('\n');

        int[] row = {1, 2};
        int[][] twice = {row, row};
        twice[0][0] = 5;
        out.append("shared ").append(twice[1][0]).append(' ').append(twice[0] == twice[1]).append('\n');

        Object o = m;
        out.append("types ").append(o instanceof int[][]).append(o instanceof Object[]).append(o instanceof long[][])
                .append(((Object[]) o)[0] instanceof int[]).append(((int[][]) o)[3][4]).append(' ')
                .append(o.getClass().getName()).append(' ').append(o.getClass().getComponentType().getName()).append('\n');

        out.append("printed ").append(printed(m.toString(), m)).append(printed(String.valueOf(m), m))
                .append(printed("" + m, m)).append(printed(java.util.Objects.toString(m), m))
                .append(printed(new StringBuilder().append(m).toString(), m))
                .append(printed(new StringBuffer().append(m).toString(), m))
                .append(printed(printed("at " + 3 + m + 'x' + flags, m), flags)).append(printed(String.valueOf(row), row));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new java.io.PrintStream(bytes, true).print(m);
        out.append(printed(bytes.toString(), m));
        int[][] none = null;
        out.append(String.valueOf(none)).append(' ').append("" + none).append(' ');
        try {
            out.append(none.toString());
        } catch (NullPointerException e) {
            out.append(e.getMessage());
        }
        out.append('\n');

        int[][] c = m.clone();
        c[0][0] = -1;
        c[1] = new int[1];
        out.append("clone ").append(m[0][0]).append(' ').append(m[1].length).append(' ').append(c[0] == m[0])
                .append(' ').append(Arrays.deepEquals(m, c)).append(' ').append(Arrays.deepEquals(m, m.clone()))
                .append('\n');

        int[][] big = new int[300][300];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 300; j++) {
                big[i][j] = i ^ j;
            }
        }
        long bigSum = 0;
        for (int j = 0; j < 300; j++) {
            for (int i = 0; i < 300; i++) {
                bigSum += big[i][j] * (long) (i + 1);
            }
        }
        out.append("big ").append(bigSum).append('\n');

        long[][][] deep = new long[2][2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    deep[i][j][k] += i + j * 2 + k * 4;
                }
            }
        }
        deep[1][1][1]++;
        deep[0][1][0] <<= 3;
        out.append("deep ").append(Arrays.deepToString(deep)).append('\n');

        Grids g = new Grids();
        g.field[1][2] = 42;
        g.field[0] = new long[] {1, 2, 3, 4};
        statics[1] = new int[][] {{5, 6}};
        statics[0][1][0]++;
        out.append("fields ").append(Arrays.deepToString(g.field)).append(' ').append(Arrays.deepToString(statics));

        Object[] mixed = {new int[] {1}, new String[] {"s"}, new double[][] {{2.5}}, 3};
        out.append(" mixed ").append(Arrays.deepToString(mixed));
        statics = new int[][][] {{{1, 2}, {3}}, {}};
        return out.toString();
    }

    static int[][] transpose(int[][] m) {
        int[][] t = new int[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    static long[][] multiply(int[][] a, int[][] b) {
        long[][] r = new long[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                long s = 0;
                for (int k = 0; k < b.length; k++) {
                    s += (long) a[i][k] * b[k][j];
                }
                r[i][j] = s;
            }
        }
        return r;
    }
}
