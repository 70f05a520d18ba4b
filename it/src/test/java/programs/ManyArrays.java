package programs;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code MiB} mebibytes (default 1024) of primitive arrays reachable, in chunks of 8 MiB
 * rotating {@code long[]}, {@code int[]} and {@code byte[]}, each filled with a cheap formula of its
 * index and chunk number; then reads all of them back and prints the total and a checksum. Reports on
 * stderr the heap used after a full collection.
 */
public final class ManyArrays {
    private static final int CHUNK = 8 << 20;

    private static long longAt(int chunk, int i) {
        return (long) i * 0x9E3779B1L + chunk;
    }

    private static int intAt(int chunk, int i) {
        return i * 31 + chunk;
    }

    private static byte byteAt(int chunk, int i) {
        return (byte) (i + chunk * 7);
    }

    public static void main(String[] args) {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        long totalBytes = mib << 20;
        int chunks = (int) ((totalBytes + CHUNK - 1) / CHUNK);
        List<Object> all = new ArrayList<>(chunks);
        long allocated = 0;
        for (int c = 0; c < chunks; c++) {
            int bytes = (int) Math.min(CHUNK, totalBytes - allocated);
            switch (c % 3) {
                case 0 -> {
                    long[] a = new long[bytes / Long.BYTES];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = longAt(c, i);
                    }
                    all.add(a);
                }
                case 1 -> {
                    int[] a = new int[bytes / Integer.BYTES];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = intAt(c, i);
                    }
                    all.add(a);
                }
                default -> {
                    byte[] a = new byte[bytes];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = byteAt(c, i);
                    }
                    all.add(a);
                }
            }
            allocated += bytes;
        }
        long checksum = 0;
        long mismatches = 0;
        for (int c = 0; c < all.size(); c++) {
            Object o = all.get(c);
            long s = 0;
            if (o instanceof long[] a) {
                for (int i = 0; i < a.length; i++) {
                    long v = a[i];
                    s += v;
                    if (v != longAt(c, i)) {
                        mismatches++;
                    }
                }
            } else if (o instanceof int[] a) {
                for (int i = 0; i < a.length; i++) {
                    int v = a[i];
                    s += v;
                    if (v != intAt(c, i)) {
                        mismatches++;
                    }
                }
            } else {
                byte[] a = (byte[]) o;
                for (int i = 0; i < a.length; i++) {
                    byte v = a[i];
                    s += v;
                    if (v != byteAt(c, i)) {
                        mismatches++;
                    }
                }
            }
            checksum = checksum * 1_000_003 + s;
        }
        System.out.println("arrays=" + all.size() + " MiB=" + (allocated >> 20) + " mismatches=" + mismatches);
        System.out.println("checksum=" + checksum);
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.err.println("heap_used_after_gc=" + (r.totalMemory() - r.freeMemory()));
    }
}
