package arraycorpus;

import java.util.Arrays;

/** Every primitive element kind: defaults, edge values, narrowing stores, compound assignments, chained stores. */
public final class Kinds {
    private static int calls;

    private Kinds() {
    }

    private static int next() {
        return calls++ % 3;
    }

    public static String run() {
        calls = 0;
        StringBuilder out = new StringBuilder();
        out.append("defaults ").append(Arrays.toString(new boolean[2])).append(Arrays.toString(new byte[2]))
                .append(Arrays.toString(new short[2])).append(Arrays.toString(new char[2]).replace('\0', '0'))
                .append(Arrays.toString(new int[2])).append(Arrays.toString(new long[2]))
                .append(Arrays.toString(new float[2])).append(Arrays.toString(new double[2])).append('\n');

        boolean[] z = new boolean[4];
        z[1] = true;
        z[2] = !z[1];
        z[3] = z[1] ^ z[0];
        z[0] |= z[3];
        out.append("boolean ").append(Arrays.toString(z)).append(' ').append(z.length).append('\n');

        byte[] b = new byte[5];
        int big = 200;
        b[0] = (byte) big;
        b[1] = Byte.MIN_VALUE;
        b[2] = (byte) (b[0] + b[1]);
        b[3] += 130;
        b[4] = Byte.MAX_VALUE;
        b[4]++;
        out.append("byte ").append(Arrays.toString(b)).append(' ').append(b[0] & 0xff).append(' ').append(b[0] >>> 4)
                .append('\n');

        short[] s = new short[4];
        s[0] = (short) 70_000;
        s[1] = Short.MAX_VALUE;
        s[1]++;
        s[2] = (short) -s[1];
        s[3] -= 1;
        s[3] >>>= 2;
        out.append("short ").append(Arrays.toString(s)).append('\n');

        char[] c = {'a', '\uffff', 0, 'z'};
        c[2] = (char) (c[1] + 2);
        c[0] += 1;
        c[1]++;
        c[3] -= 'a' - 'A';
        out.append("char ").append((int) c[0]).append(' ').append((int) c[1]).append(' ').append((int) c[2]).append(' ')
                .append(c[3]).append(' ').append(c[0] + c[3]).append('\n');

        int[] i = {Integer.MAX_VALUE, 7, -9, 100};
        i[0]++;
        i[1] = -i[1];
        i[2] <<= 3;
        i[3] = i[0] / 7;
        i[next()] += 5;
        i[next()] *= 2;
        int chained = i[3] = 11;
        out.append("int ").append(Arrays.toString(i)).append(' ').append(chained).append('\n');

        long[] l = {Long.MIN_VALUE, 1L << 40, 0, 0};
        l[0]--;
        l[1] *= 3;
        l[2] = l[0] ^ l[1];
        long lchained = l[3] = l[2] = 9;
        l[next()] += 1L << 33;
        out.append("long ").append(Arrays.toString(l)).append(' ').append(lchained).append('\n');

        float[] f = {Float.NaN, -0.0f, 1.5f, Float.MAX_VALUE};
        f[2] /= 0;
        f[3] *= 2;
        float fchained = f[1] = -0.0f;
        out.append("float ").append(Arrays.toString(f)).append(' ').append(f[0] == f[0]).append(' ')
                .append(Float.floatToRawIntBits(f[1])).append(' ').append(fchained).append('\n');

        double[] d = {Math.PI, -0.0, Double.MIN_VALUE, 1e308};
        d[0] *= 2;
        d[2] /= 2;
        d[3] += d[3];
        double dchained = d[1] = d[2] = 0.25;
        out.append("double ").append(Arrays.toString(d)).append(' ').append(Double.doubleToRawLongBits(-0.0)).append(' ')
                .append(dchained).append('\n');

        long sum = 0;
        int[] counts = new int[1000];
        for (int k = 0; k < 100_000; k++) {
            counts[(k * 7) % counts.length]++;
        }
        for (int k = 0; k < counts.length; k++) {
            sum += (long) counts[k] * k;
        }
        out.append("histogram ").append(sum).append(' ').append(counts[0]).append(' ').append(counts[999]).append('\n');

        Object[] all = {new boolean[1], new byte[2], new short[3], new char[4], new int[5], new long[6], new float[7],
            new double[8]};
        for (Object a : all) {
            out.append(a.getClass().getSimpleName()).append(java.lang.reflect.Array.getLength(a)).append(' ');
        }
        return out.toString();
    }
}
