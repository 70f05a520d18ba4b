package io.legoj.examples.matrix;

import java.util.Locale;

/**
 * A numeric kernel over {@code double[][]}: {@code MatMul N} fills two N x N matrices with a fixed
 * pattern, multiplies them (i-k-j loop order) and prints the trace, a weighted checksum and a hash
 * of the result's bits.
 */
public final class MatMul {
    private MatMul() {
    }

    static double[][] pattern(int n, int salt) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = ((i * 31 + j * 17 + salt) % 97) / 97.0 - 0.5;
            }
        }
        return m;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /** What the program prints for the product {@code c}. */
    static String summary(double[][] c) {
        double trace = 0;
        double weighted = 0;
        long bits = 1125899906842597L;
        for (int i = 0; i < c.length; i++) {
            trace += c[i][i];
            for (int j = 0; j < c[i].length; j++) {
                weighted += c[i][j] * ((i + 2 * j) % 7 + 1);
                bits = 31 * bits + Double.doubleToLongBits(c[i][j]);
            }
        }
        return String.format(Locale.ROOT, "matmul n=%d trace=%.6f checksum=%.6f bits=%016x%n", c.length, trace, weighted,
                bits);
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: MatMul N");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        System.out.print(summary(multiply(pattern(n, 0), pattern(n, 13))));
        System.out.flush();
    }
}
