package arraycorpus;

import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.Checksum;

/** Declarations whose types the array rewrite changes (or must not change); for the structural tests. */
public class Declarations {
    int[] ints;
    long[][] grid;
    String[] names;
    static double[] weights;
    static char[][][] cube;

    long[] sums(int[][] rows) {
        long[] r = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                r[i] += rows[i][j];
            }
        }
        return r;
    }

    int[][] square(int n) {
        return new int[n][n];
    }

    int[][] rows(int n) {
        return new int[n][];
    }

    String[][] strings(int n) {
        return new String[n][n];
    }

    int lengthOnly(byte[] b) {
        return b.length;
    }

    static native int[] nat(long[] x);

    static String shown(int[] a) {
        Function<int[], String> show = Arrays::toString;
        return show.apply(a);
    }

    /** A JDK stream: its {@code read(byte[], int, int)} is called by JDK code and keeps its descriptor. */
    public static class Bytes extends InputStream {
        private final byte[] data;
        private int pos;

        public Bytes(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Not an override: mapped. */
        public int read(byte[] b, int off) {
            return read(b, off, b.length - off);
        }
    }

    /** Overrides through an application class: still the JDK's descriptor. */
    public static class MoreBytes extends Bytes {
        public MoreBytes(byte[] data) {
            super(data);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 2));
        }
    }

    /** Implements a JDK interface method taking an array. */
    public static class Sum implements Checksum {
        private long sum;

        @Override
        public void update(int b) {
            sum += b & 0xff;
        }

        @Override
        public void update(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                sum += b[i] & 0xff;
            }
        }

        @Override
        public long getValue() {
            return sum;
        }

        @Override
        public void reset() {
            sum = 0;
        }
    }
}
