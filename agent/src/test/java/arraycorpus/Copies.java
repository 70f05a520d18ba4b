package arraycorpus;

import java.util.Arrays;

/** System.arraycopy (overlapping, across pages, across kinds of memory), Arrays.copyOf and clone. */
public final class Copies {
    private Copies() {
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        int[] big = new int[5000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i;
        }
        System.arraycopy(big, 0, big, 1, 4999);
        out.append("forward ").append(big[0]).append(' ').append(big[1]).append(' ').append(big[2500]).append(' ')
                .append(big[4999]).append(' ').append(checksum(big)).append('\n');
        System.arraycopy(big, 1000, big, 0, 3000);
        out.append("backward ").append(big[0]).append(' ').append(big[2999]).append(' ').append(big[3000]).append(' ')
                .append(checksum(big)).append('\n');
        System.arraycopy(big, 7, big, 7, 100);
        System.arraycopy(big, 5000, big, 0, 0);
        out.append("self ").append(checksum(big)).append('\n');

        long[] lb = new long[3000];
        for (int i = 0; i < lb.length; i++) {
            lb[i] = (long) i * i;
        }
        System.arraycopy(lb, 0, lb, 700, 2300);
        System.arraycopy(lb, 1500, lb, 1, 1400);
        out.append("long overlap ").append(lb[0]).append(' ').append(lb[1]).append(' ').append(lb[700]).append(' ')
                .append(lb[2999]).append(' ').append(checksum(lb)).append('\n');

        byte[] bytes = new byte[10_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        System.arraycopy(bytes, 1, bytes, 0, 9999);
        System.arraycopy(bytes, 0, bytes, 3, 9997);
        long bs = 0;
        for (int i = 0; i < bytes.length; i++) {
            bs = bs * 31 + bytes[i];
        }
        out.append("bytes ").append(bs).append('\n');

        char[] cs = "abcdefghij".toCharArray();
        System.arraycopy(cs, 0, cs, 2, 8);
        out.append("chars ").append(new String(cs)).append('\n');

        int[] small = {-1, -2, -3};
        System.arraycopy(small, 0, big, 10, small.length);
        int[] into = new int[6];
        System.arraycopy(big, 9, into, 1, 5);
        out.append("mixed ").append(Arrays.toString(into)).append('\n');

        byte[] fromJdk = "xyz".getBytes();
        byte[] dst = new byte[5];
        System.arraycopy(fromJdk, 0, dst, 1, 3);
        System.arraycopy(dst, 1, fromJdk, 0, 2);
        out.append("jdk ").append(Arrays.toString(dst)).append(new String(fromJdk)).append('\n');

        int[] longer = Arrays.copyOf(small, 5);
        int[] shorter = Arrays.copyOf(big, 3);
        int[] range = Arrays.copyOfRange(big, 4998, 5002);
        char[] crange = Arrays.copyOfRange(cs, 2, 5);
        boolean[] zs = Arrays.copyOf(new boolean[] {true}, 3);
        double[] ds = Arrays.copyOf(new double[] {0.5, 1.5}, 1);
        int[] bigCopy = Arrays.copyOf(big, 6000);
        out.append("copyOf ").append(Arrays.toString(longer)).append(Arrays.toString(shorter)).append(Arrays.toString(range))
                .append(new String(crange)).append(Arrays.toString(zs)).append(Arrays.toString(ds)).append(' ')
                .append(checksum(bigCopy)).append(' ').append(bigCopy[5999]).append('\n');

        int[] clone = big.clone();
        clone[0] = -5;
        long[] lclone = lb.clone();
        lclone[2999] = 0;
        out.append("clone ").append(big[0]).append(' ').append(clone[0]).append(' ').append(checksum(clone)).append(' ')
                .append(lb[2999]).append(' ').append(clone != big).append(' ').append(new float[0].clone().length)
                .append('\n');

        int[][] rows = {{1, 2}, {3}};
        int[][] rowsCopy = new int[3][];
        System.arraycopy(rows, 0, rowsCopy, 1, 2);
        rowsCopy[1][0] = 10;
        Object[] objects = new Object[3];
        System.arraycopy(rows, 0, objects, 0, 2);
        int[][] copied2d = Arrays.copyOf(rows, 3);
        out.append("rows ").append(Arrays.deepToString(rowsCopy)).append(' ').append(rows[0][0]).append(' ')
                .append(objects[1] == rows[1]).append(' ').append(Arrays.deepToString(copied2d)).append(' ')
                .append(copied2d[0] == rows[0]).append(' ').append(copied2d.getClass().getSimpleName());
        return out.toString();
    }

    static long checksum(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s = s * 1_000_003 + a[i];
        }
        return s;
    }

    static long checksum(long[] a) {
        long s = 0;
        for (long v : a) {
            s = s * 1_000_003 + v;
        }
        return s;
    }
}
