package programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A plain program touching the corners of Java arrays; it prints the same lines with and without
 * LegoJ. (Identity hash codes and the default toString of arrays are never printed: they differ
 * between any two runs.) The optional first argument is the size in MiB of the part that outgrows a
 * small page cache (default 10).
 */
public final class ArraysCorpus {
    /** An array field of an object. */
    /** An element of large reference arrays: with objects=remote, a remote object those arrays refer to by address. */
    static final class Item {
        final int id;
        Item next;
        String label;

        Item(int id) {
            this.id = id;
            this.label = "item" + id;
        }
    }

    /**
     * Reference arrays larger than the cache: an {@code Item[]} and an {@code Object[]} (remote slots),
     * a {@code String[]} (a JVM array at any size), moves within them, identity, covariance, a ring of
     * buffers overwritten many times, and a grid of rows.
     */
    static void referenceArrays() {
        header("reference arrays");
        int n = 60_000;
        Item[] items = new Item[n];
        Object[] mixed = new Object[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            items[i] = new Item(i);
            if (i > 0) {
                items[i - 1].next = items[i];
            }
            mixed[i] = i % 2 == 0 ? items[i] : "s" + i;
            labels[i] = items[i].label;
        }
        long sum = 0;
        for (int i = n - 1; i >= 0; i--) {
            sum += items[i].id + labels[i].length() + (mixed[i] instanceof Item it ? it.id : 1);
        }
        System.out.println("sum=" + sum + " same=" + (mixed[8] == items[8]) + " linked=" + (items[99].next == items[100]));
        System.arraycopy(items, 0, items, 1, n - 1);
        System.out.println("moved " + items[0].id + " " + items[1].id + " " + items[n - 1].id);
        Object[] view = items;
        try {
            view[2] = "not an item";
        } catch (ArrayStoreException e) {
            System.out.println("store " + e.getMessage());
        }
        Item[] copy = items.clone();
        copy[5] = null;
        System.out.println("clone " + (copy != items) + " " + (items[5] != null) + " " + (copy[6] == items[6]));
        Object[] ring = new Object[512];
        long filled = 0;
        for (int k = 0; k < 20_000; k++) {
            int[] buffer = new int[32];
            buffer[31] = k;
            ring[k & 511] = buffer;
            int[] earlier = (int[]) ring[(k * 7) & 511];
            filled += earlier == null ? 0 : earlier[31];
        }
        System.out.println("ring " + filled + " " + ((int[]) ring[511])[31]);
        Item[][] grid = new Item[300][];
        for (int r = 0; r < grid.length; r++) {
            grid[r] = Arrays.copyOfRange(items, r * 100, r * 100 + 100);
        }
        System.out.println("grid " + grid[299][99].id + " " + grid.getClass().getSimpleName() + " "
                + Arrays.stream(grid).mapToInt(row -> row.length).sum());
    }

    static final class Holder {
        int[] data;
        long[][] grid;

        Holder(int n) {
            data = new int[n];
            grid = new long[2][n];
        }
    }

    /** Serialized in its plain form: a {@code int[]} field, shared, and a {@code long[][]} one. */
    static final class Saved implements Serializable {
        final int[] data;
        long[][] grid = {{1, 2}, {3}};
        String label;

        Saved(int[] data, String label) {
            this.data = data;
            this.label = label;
        }
    }

    /** A functional interface of the program's own, over arrays. */
    interface Op {
        int[] apply(int[] a);
    }

    /** A static array field with an initializer, and one filled later. */
    static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};
    static long[] squares;
    static final String[] NAMES = {"alpha", "beta", "gamma"};

    public static void main(String[] args) throws Throwable {
        int bigMiB = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.println("ArraysCorpus args=" + args.length);
        quicksort();
        librarySort();
        matrix();
        jagged();
        defaults();
        charsAndStrings();
        dataStreams();
        byteBufferAliasing();
        arraycopy();
        arraycopyExceptions();
        primitiveKinds();
        collections();
        typesAndReflection();
        methodHandles();
        cloning();
        lambdas();
        arraysUtilities();
        varargs();
        exceptions();
        digest();
        synchronizedOnArray();
        referenceArrays();
        fields();
        charBuffer();
        randomAndStreams();
        serialization();
        larger(bigMiB);
        System.out.println("done");
    }

    private static void header(String topic) {
        System.out.println("== " + topic);
    }

    // ---------------------------------------------------------------- sorting

    private static int[] lcgInts(int n, long seed, int bound) {
        int[] a = new int[n];
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            a[i] = (int) ((x >>> 33) % bound) - bound / 2;
        }
        return a;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void quicksort(int[] a, int lo, int hi) {
        while (lo < hi) {
            int p = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < p) {
                    i++;
                }
                while (a[j] > p) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                quicksort(a, lo, j);
                lo = i;
            } else {
                quicksort(a, i, hi);
                hi = j;
            }
        }
    }

    private static boolean sorted(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1] > a[i]) {
                return false;
            }
        }
        return true;
    }

    private static long checksum(int[] a) {
        long h = 17;
        for (int v : a) {
            h = h * 31 + v;
        }
        return h;
    }

    static void quicksort() {
        header("quicksort");
        int[] a = lcgInts(200_000, 7, 1_000_000);
        long before = checksum(a);
        int[] copy = a.clone();
        quicksort(a, 0, a.length - 1);
        Arrays.sort(copy);
        System.out.println("before=" + before + " after=" + checksum(a) + " sorted=" + sorted(a)
                + " sameAsLibrary=" + Arrays.equals(a, copy));
        System.out.println("min=" + a[0] + " median=" + a[a.length / 2] + " max=" + a[a.length - 1]);
        int[] small = {5, -1, 3, 3, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 2};
        quicksort(small, 0, small.length - 1);
        System.out.println(Arrays.toString(small));
        int[] empty = {};
        quicksort(empty, 0, -1);
        System.out.println("empty " + Arrays.toString(empty) + " length=" + empty.length);
    }

    static void librarySort() {
        header("Arrays.sort");
        int[] ints = lcgInts(50_000, 11, 100_000);
        Arrays.sort(ints);
        System.out.println("int sorted=" + sorted(ints) + " checksum=" + checksum(ints) + " first="
                + ints[0] + " last=" + ints[ints.length - 1]);
        long[] longs = new long[30_000];
        for (int i = 0; i < longs.length; i++) {
            longs[i] = (i * 0x9E3779B97F4A7C15L) ^ (i >>> 3);
        }
        Arrays.sort(longs);
        long lh = 0;
        for (long v : longs) {
            lh = lh * 1_000_003 + v;
        }
        System.out.println("long first=" + longs[0] + " last=" + longs[longs.length - 1] + " hash=" + lh);
        double[] ds = {3.5, -0.0, Double.NaN, 0.0, Double.NEGATIVE_INFINITY, -7.25, Double.MIN_VALUE,
            Double.POSITIVE_INFINITY, 1e300, -1e-300};
        Arrays.sort(ds);
        System.out.println("double " + Arrays.toString(ds));
        double[] many = new double[20_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = Math.sin(i) * 1000;
        }
        Arrays.sort(many, 100, 19_900);
        System.out.println("double range sorted first=" + many[100] + " last=" + many[19_899] + " edge="
                + many[0] + "," + many[19_999]);
        char[] cs = "the quick brown fox jumps over the lazy dog".toCharArray();
        Arrays.sort(cs);
        System.out.println("char [" + new String(cs) + "]");
        String[] words = {"pear", "Apple", "fig", "banana", "cherry"};
        Arrays.sort(words);
        System.out.println("strings " + Arrays.toString(words));
        Arrays.sort(words, String.CASE_INSENSITIVE_ORDER);
        System.out.println("strings ci " + Arrays.toString(words));
        Integer[] boxed = {5, 3, 9, 1};
        Arrays.sort(boxed, Comparator.reverseOrder());
        System.out.println("boxed reverse " + Arrays.toString(boxed));
        System.out.println("binarySearch found=" + (ints[Arrays.binarySearch(ints, ints[1234])] == ints[1234]) + " missing -> "
                + (Arrays.binarySearch(new int[] {1, 3, 5}, 4)));
    }

    // ---------------------------------------------------------------- multi-dimensional

    static void matrix() {
        header("matrix multiply");
        int n = 120;
        double[][] a = new double[n][n];
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = ((i * 7 + j * 3) % 11) / 10.0 - 0.5;
                b[i][j] = ((i * 5 + j * 13) % 17) / 8.0 - 1.0;
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            double[] ai = a[i];
            for (int k = 0; k < n; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        double sum = 0;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += c[i][i];
            for (int j = 0; j < n; j++) {
                sum += c[i][j] * ((i + j) % 3 + 1);
            }
        }
        System.out.println("checksum=" + sum + " trace=" + trace);
        System.out.println("c[0][0]=" + c[0][0] + " c[17][42]=" + c[17][42] + " c[119][119]=" + c[n - 1][n - 1]);
        System.out.println("rows=" + c.length + " cols=" + c[0].length);
    }

    static void jagged() {
        header("jagged and 3-D");
        int[][][] cube = new int[3][4][5];
        long sum = 0;
        for (int i = 0; i < cube.length; i++) {
            for (int j = 0; j < cube[i].length; j++) {
                for (int k = 0; k < cube[i][j].length; k++) {
                    cube[i][j][k] = i * 100 + j * 10 + k;
                    sum += cube[i][j][k];
                }
            }
        }
        System.out.println("cube sum=" + sum + " " + Arrays.deepToString(cube[1]));
        long[][] rows = new long[4][];
        int[] lengths = {0, 1, 3, 7};
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new long[lengths[i]];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = (long) i << 40 | j;
            }
        }
        System.out.println("jagged " + Arrays.deepToString(rows));
        long total = 0;
        for (long[] row : rows) {
            for (long v : row) {
                total += v;
            }
        }
        System.out.println("jagged total=" + total);
        rows[0] = rows[3];
        rows[0][6] = -1;
        System.out.println("shared row: rows[3][6]=" + rows[3][6] + " same=" + (rows[0] == rows[3]));
        int[][][] partial = new int[2][3][];
        System.out.println("partial null=" + (partial[1][2] == null) + " len=" + partial[1].length);
        partial[1][2] = new int[] {9, 8};
        System.out.println("partial " + Arrays.deepToString(partial));
        int[][] lit = {{1}, {2, 3}, {}, {4, 5, 6}};
        System.out.println("literal " + Arrays.deepToString(lit) + " lengths=" + lit[0].length + lit[1].length
                + lit[2].length + lit[3].length);
        char[][] board = new char[3][3];
        for (char[] r : board) {
            Arrays.fill(r, '.');
        }
        board[1][1] = 'X';
        board[0][2] = 'O';
        for (char[] r : board) {
            System.out.println("board " + new String(r));
        }
        boolean[][][] flags = new boolean[2][2][2];
        flags[1][0][1] = true;
        System.out.println("flags " + Arrays.deepToString(flags));
    }

    static void defaults() {
        header("defaults");
        System.out.println("boolean " + Arrays.toString(new boolean[2]) + " byte " + Arrays.toString(new byte[2])
                + " short " + Arrays.toString(new short[2]) + " char " + (int) (new char[2])[1]
                + " int " + Arrays.toString(new int[2]) + " long " + Arrays.toString(new long[2])
                + " float " + Arrays.toString(new float[2]) + " double " + Arrays.toString(new double[2])
                + " Object " + Arrays.toString(new Object[2]) + " String " + Arrays.toString(new String[2]));
        int[] zero = new int[0];
        System.out.println("zero length=" + zero.length + " " + Arrays.toString(zero) + " equalsEmpty="
                + Arrays.equals(zero, new int[] {}));
    }

    // ---------------------------------------------------------------- chars, strings, bytes

    static void charsAndStrings() {
        header("char[] and String");
        String s = "Grüße, 世界! \uD83D\uDE00 ok";
        char[] cs = s.toCharArray();
        System.out.println("chars=" + cs.length + " first=" + cs[0] + " last=" + cs[cs.length - 1]);
        cs[0] = 'g';
        System.out.println("new String=" + new String(cs) + " original=" + s);
        System.out.println("valueOf=" + String.valueOf(cs) + " range=" + String.valueOf(cs, 7, 2)
                + " copyValueOf=" + String.copyValueOf(cs, 0, 5) + " new String(range)=" + new String(cs, 1, 4));
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        System.out.println("utf8 bytes=" + utf8.length + " " + hex(utf8, 0, 12));
        String back = new String(utf8, StandardCharsets.UTF_8);
        System.out.println("round trip equal=" + back.equals(s) + " " + back);
        byte[] latin = "café".getBytes(StandardCharsets.ISO_8859_1);
        System.out.println("latin1 " + Arrays.toString(latin) + " utf16=" + "ab".getBytes(StandardCharsets.UTF_16BE).length);
        System.out.println("partial decode=" + new String(utf8, 0, 9, StandardCharsets.UTF_8));
        char[] target = new char[10];
        Arrays.fill(target, '-');
        "HELLO".getChars(1, 4, target, 3);
        System.out.println("getChars " + new String(target));
        System.out.print("println(char[]) ");
        System.out.println(new char[] {'a', 'b', 'c'});
        StringBuilder sb = new StringBuilder();
        sb.append(new char[] {'x', 'y'}).append(target, 3, 3).insert(0, new char[] {'<'});
        System.out.println("builder " + sb);
        String joined = String.join("|", NAMES);
        String[] split = "a,b,,c".split(",");
        System.out.println("join=" + joined + " split=" + split.length + " " + Arrays.toString(split));
        System.out.println("chars() sum=" + s.chars().sum() + " codePoints=" + s.codePoints().toArray().length);
    }

    private static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < off + len && i < b.length; i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    static void dataStreams() throws IOException {
        header("DataOutputStream / DataInputStream");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bos);
        out.writeInt(0xCAFEBABE);
        out.writeLong(Long.MIN_VALUE + 12345);
        out.writeDouble(-0.0);
        out.writeFloat(Float.NaN);
        out.writeShort(-2);
        out.writeChar('Ω');
        out.writeBoolean(true);
        out.writeUTF("héllo");
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        out.writeInt(payload.length);
        out.write(payload);
        out.write(payload, 10, 5);
        out.flush();
        byte[] bytes = bos.toByteArray();
        System.out.println("written=" + bytes.length + " size=" + out.size() + " head=" + hex(bytes, 0, 16));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        System.out.println("int=" + Integer.toHexString(in.readInt()) + " long=" + in.readLong() + " double="
                + in.readDouble() + " float=" + in.readFloat() + " short=" + in.readShort() + " char=" + in.readChar()
                + " boolean=" + in.readBoolean() + " utf=" + in.readUTF());
        byte[] again = new byte[in.readInt()];
        in.readFully(again);
        byte[] tail = new byte[5];
        in.readFully(tail);
        System.out.println("payload equal=" + Arrays.equals(payload, again) + " tail=" + Arrays.toString(tail)
                + " available=" + in.available() + " eof=" + in.read());
        bos.reset();
        bos.write(payload, 290, 10);
        bos.writeBytes(new byte[] {1, 2, 3});
        System.out.println("bos " + Arrays.toString(bos.toByteArray()));
    }

    static void byteBufferAliasing() {
        header("ByteBuffer.wrap aliasing");
        byte[] arr = new byte[16];
        ByteBuffer buf = ByteBuffer.wrap(arr);
        buf.putInt(0, 0x01020304);
        buf.putLong(8, -2L);
        System.out.println("array after buffer writes " + Arrays.toString(arr));
        arr[4] = 9;
        arr[5] = (byte) 0xff;
        System.out.println("buffer after array writes get(4)=" + buf.get(4) + " getShort(4)=" + buf.getShort(4)
                + " hasArray=" + buf.hasArray() + " sameArray=" + (buf.array() == arr) + " offset=" + buf.arrayOffset());
        buf.order(ByteOrder.LITTLE_ENDIAN);
        System.out.println("little endian getInt(0)=" + Integer.toHexString(buf.getInt(0)) + " getLong(8)="
                + buf.getLong(8));
        buf.order(ByteOrder.BIG_ENDIAN).position(2);
        buf.put((byte) 77).put(new byte[] {10, 11});
        System.out.println("relative puts " + Arrays.toString(arr) + " position=" + buf.position());
        ByteBuffer slice = ByteBuffer.wrap(arr, 8, 4).slice();
        slice.put(0, (byte) 42);
        System.out.println("slice wrote arr[8]=" + arr[8] + " slice.get(1)=" + slice.get(1));
        int[] ints = {1, 2, 3, 4};
        IntBuffer ib = IntBuffer.wrap(ints);
        ib.put(2, 30);
        ints[3] = 40;
        System.out.println("IntBuffer " + Arrays.toString(ints) + " get(3)=" + ib.get(3));
        byte[] dst = new byte[4];
        ByteBuffer.wrap(arr).get(dst);
        System.out.println("bulk get " + Arrays.toString(dst));
    }

    static void arraycopy() {
        header("System.arraycopy");
        int[] a = new int[10];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        System.arraycopy(a, 0, a, 3, 6);
        System.out.println("overlap forward " + Arrays.toString(a));
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        System.arraycopy(a, 3, a, 0, 6);
        System.out.println("overlap backward " + Arrays.toString(a));
        long[] src = {10, 20, 30, 40, 50};
        long[] dst = new long[8];
        System.arraycopy(src, 1, dst, 5, 3);
        System.out.println("between arrays " + Arrays.toString(dst));
        System.arraycopy(src, 0, dst, 0, 0);
        System.arraycopy(src, 5, dst, 8, 0);
        System.out.println("zero length ok " + Arrays.toString(dst));
        Object[] objs = {"a", "b", "c", "d"};
        System.arraycopy(objs, 0, objs, 1, 3);
        System.out.println("objects " + Arrays.toString(objs));
        String[] strs = new String[3];
        System.arraycopy(new Object[] {"x", "y", "z"}, 0, strs, 0, 3);
        System.out.println("Object[] to String[] " + Arrays.toString(strs));
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        System.arraycopy(big, 1, big, 0, big.length - 1);
        System.arraycopy(big, 0, big, 50_000, 40_000);
        long sum = 0;
        for (byte x : big) {
            sum += x;
        }
        System.out.println("big overlap sum=" + sum + " [0]=" + big[0] + " [50000]=" + big[50_000]);
        char[] cs = "abcdefgh".toCharArray();
        System.arraycopy(cs, 2, cs, 1, 5);
        double[] ds = {1.5, 2.5, 3.5};
        double[] dd = new double[3];
        System.arraycopy(ds, 0, dd, 0, 3);
        System.out.println("chars " + new String(cs) + " doubles " + Arrays.toString(dd));
    }

    private static void printThrown(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static void printThrownClass(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getName());
        }
    }

    private static Object[] nothing() {
        return null;
    }

    static void arraycopyExceptions() {
        header("System.arraycopy exceptions");
        int[] a = new int[10];
        long[] l = new long[10];
        printThrown("src end", () -> System.arraycopy(a, 5, a, 0, 7));
        printThrown("dst end", () -> System.arraycopy(a, 0, a, 8, 3));
        printThrown("negative src", () -> System.arraycopy(a, -1, a, 0, 3));
        printThrown("negative dst", () -> System.arraycopy(a, 0, a, -2, 3));
        printThrown("negative length", () -> System.arraycopy(a, 0, a, 0, -1));
        printThrown("type mismatch", () -> System.arraycopy(a, 0, l, 0, 3));
        printThrown("not an array", () -> System.arraycopy("string", 0, a, 0, 1));
        printThrown("dst not an array", () -> System.arraycopy(a, 0, Integer.valueOf(1), 0, 1));
        printThrown("prim to object", () -> System.arraycopy(a, 0, new Object[3], 0, 1));
        printThrown("element mismatch", () -> System.arraycopy(new Object[] {1, "two", 3}, 0, new Integer[3], 0, 3));
        printThrownClass("null src", () -> System.arraycopy(null, 0, a, 0, 1));
        printThrownClass("null dst", () -> System.arraycopy(a, 0, null, 0, 1));
        Integer[] partly = new Integer[3];
        try {
            System.arraycopy(new Object[] {1, 2, "three"}, 0, partly, 0, 3);
        } catch (ArrayStoreException e) {
            System.out.println("copied before the bad element " + Arrays.toString(partly));
        }
        System.out.println("array untouched " + Arrays.toString(a));
        Object[] strings = new String[1];
        printThrown("store long[] into String[]", () -> strings[0] = new long[2]);
        Object[] rows = new int[1][];
        printThrown("store long[] into int[][]", () -> rows[0] = new long[1]);
        printThrown("store int[][] into int[][]", () -> rows[0] = new int[1][1]);
        printThrown("store Integer into int[][]", () -> rows[0] = 5);
        rows[0] = new int[] {7};
        System.out.println("stored row " + ((int[]) rows[0])[0]);
        Object[] none = nothing();
        Object row = rows[0];
        try {
            none[0] = row;
        } catch (NullPointerException e) {
            System.out.println("store into null: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- kinds

    static void primitiveKinds() {
        header("primitive kinds");
        boolean[] bs = {true, false, true};
        bs[1] = !bs[0];
        bs[2] ^= true;
        System.out.println("boolean " + Arrays.toString(bs));
        byte[] by = {Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0};
        by[3] = (byte) (by[1] + 1);
        by[2] >>>= 1;
        System.out.println("byte " + Arrays.toString(by) + " unsigned=" + (by[0] & 0xff));
        short[] sh = {Short.MIN_VALUE, Short.MAX_VALUE, 0};
        sh[2] = (short) (sh[1] + 1);
        sh[1]++;
        System.out.println("short " + Arrays.toString(sh));
        char[] ch = {Character.MIN_VALUE, Character.MAX_VALUE, 'A'};
        ch[2] += 2;
        ch[0]--;
        System.out.println("char " + (int) ch[0] + " " + (int) ch[1] + " " + ch[2]);
        int[] in = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0};
        in[2] = in[1] + 1;
        in[0] -= 1;
        System.out.println("int " + Arrays.toString(in) + " div=" + (in[2] / -1) + " rem=" + (in[1] % 7));
        long[] lo = {Long.MIN_VALUE, Long.MAX_VALUE, 0};
        lo[2] = lo[1] * 3;
        lo[1] += lo[0];
        System.out.println("long " + Arrays.toString(lo) + " shift=" + (lo[0] >>> 60) + " " + (lo[0] >> 60));
        float[] fl = {Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, -0.0f, 0.0f, Float.NEGATIVE_INFINITY,
            Float.MIN_NORMAL, 0.1f};
        fl[7] *= 3;
        System.out.println("float " + Arrays.toString(fl) + " nanEq=" + (fl[2] == fl[2]) + " zeroEq="
                + (fl[3] == fl[4]) + " bits=" + Integer.toHexString(Float.floatToRawIntBits(fl[3]))
                + " arraysEqualsZeros=" + Arrays.equals(new float[] {-0.0f}, new float[] {0.0f})
                + " arraysEqualsNaN=" + Arrays.equals(new float[] {Float.NaN}, new float[] {Float.NaN}));
        double[] db = {Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY,
            Double.MIN_NORMAL, 0.1};
        db[7] += 0.2;
        db[4] = 1.0 / db[3];
        System.out.println("double " + Arrays.toString(db) + " bits=" + Long.toHexString(Double.doubleToRawLongBits(db[3]))
                + " compare=" + Double.compare(db[3], -0.0) + " hash=" + Arrays.hashCode(db));
        System.out.println("hashCodes " + Arrays.hashCode(bs) + " " + Arrays.hashCode(by) + " " + Arrays.hashCode(sh)
                + " " + Arrays.hashCode(ch) + " " + Arrays.hashCode(in) + " " + Arrays.hashCode(lo) + " "
                + Arrays.hashCode(fl));
        long mixed = by[0] + sh[0] + ch[1] + in[0] + (long) fl[7] + (long) db[7];
        System.out.println("widening sum=" + mixed + " narrowing=" + (byte) in[1] + " " + (short) lo[1] + " "
                + (int) db[1] + " " + (long) fl[2] + " " + (char) in[0]);
        int[] counter = new int[1];
        counter[0]++;
        counter[0] += counter[0]++ + ++counter[0];
        System.out.println("compound " + counter[0]);
    }

    // ---------------------------------------------------------------- collections and types

    static void collections() {
        header("collections of arrays");
        List<int[]> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int[] row = new int[i + 1];
            Arrays.fill(row, i);
            list.add(row);
        }
        int[] third = list.get(2);
        third[0] = 99;
        Object o = list.get(2);
        int[] back = (int[]) o;
        System.out.println("list size=" + list.size() + " back=" + Arrays.toString(back) + " same=" + (back == third));
        long total = 0;
        for (int[] r : list) {
            total += Arrays.stream(r).sum();
        }
        Object[] asObjects = list.toArray();
        int[][] asRows = list.toArray(new int[0][]);
        System.out.println("total=" + total + " toArray=" + asObjects.length + " rows=" + Arrays.deepToString(asRows));
        System.out.println("indexOf(third)=" + list.indexOf(third) + " contains copy=" + list.contains(third.clone()));
        Map<String, long[]> map = new HashMap<>();
        for (String name : NAMES) {
            long[] v = new long[name.length()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (long) name.charAt(i) * (i + 1);
            }
            map.put(name, v);
        }
        map.get("beta")[0] = -1;
        map.computeIfAbsent("delta", k -> new long[] {4, 4});
        for (String k : new TreeSet<>(map.keySet())) {
            Object v = map.get(k);
            System.out.println("map " + k + " -> " + Arrays.toString((long[]) v));
        }
        List<Integer> asList = Arrays.asList(3, 1, 2);
        Integer[] backing = {7, 8, 9};
        List<Integer> view = Arrays.asList(backing);
        view.set(0, 70);
        backing[2] = 90;
        System.out.println("asList " + asList + " view " + view + " backing " + Arrays.toString(backing));
        List<String> copy = List.of(NAMES);
        NAMES[0] = "ALPHA";
        System.out.println("List.of copies " + copy + " names " + Arrays.toString(NAMES));
        NAMES[0] = "alpha";
    }

    static void describe(String label, Object o) {
        Class<?> c = o.getClass();
        System.out.println(label + " name=" + c.getName() + " simple=" + c.getSimpleName() + " component="
                + (c.getComponentType() == null ? "none" : c.getComponentType().getName()) + " isArray=" + c.isArray()
                + " int[]=" + (o instanceof int[]) + " long[]=" + (o instanceof long[]) + " Object[]="
                + (o instanceof Object[]) + " Cloneable=" + (o instanceof Cloneable) + " Serializable="
                + (o instanceof Serializable));
    }

    static void typesAndReflection() {
        header("types");
        describe("int[]", new int[3]);
        describe("long[]", new long[0]);
        describe("byte[][]", new byte[2][2]);
        describe("int[][][]", new int[1][1][1]);
        describe("String[]", new String[1]);
        describe("Object[]", new Object[1]);
        describe("boolean[]", new boolean[1]);
        describe("Holder[]", new Holder[1]);
        describe("Integer", 5);
        Object o = new int[] {1, 2};
        if (o instanceof int[] ia) {
            System.out.println("pattern int[] length=" + ia.length);
        }
        System.out.println("class literal same=" + (o.getClass() == int[].class) + " int[].class=" + int[].class.getName()
                + " " + double[][].class.getSimpleName() + " super=" + int[].class.getSuperclass().getName()
                + " interfaces=" + int[].class.getInterfaces().length + " equals=" + o.equals(o) + " equalsCopy="
                + o.equals(((int[]) o).clone()));
        Object arr = Array.newInstance(int.class, 4);
        Array.setInt(arr, 1, 11);
        Array.set(arr, 2, 22);
        System.out.println("reflect length=" + Array.getLength(arr) + " get(1)=" + Array.get(arr, 1) + " getInt(2)="
                + Array.getInt(arr, 2) + " " + Arrays.toString((int[]) arr));
        Object multi = Array.newInstance(long.class, 2, 3);
        ((long[][]) multi)[1][2] = 5;
        System.out.println("reflect multi " + multi.getClass().getName() + " " + Arrays.deepToString((Object[]) multi));
        try {
            Array.get(arr, 4);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("reflect out of bounds: " + e.getClass().getName());
        }
        try {
            Array.setInt(new long[1], 0, 1);
            System.out.println("setInt on long[] widened: " + Array.getLong(new long[] {7}, 0));
        } catch (IllegalArgumentException e) {
            System.out.println("setInt on long[]: " + e.getClass().getName());
        }
        Object[] covariant = new String[] {"s"};
        System.out.println("covariant " + covariant.getClass().getSimpleName() + " " + covariant[0]);
        Object twoD = new int[2][2];
        System.out.println("int[][] is Object[]=" + (twoD instanceof Object[]) + " row is int[]="
                + (((Object[]) twoD)[0] instanceof int[]));
        String[] swapped = {"one", "two", "three"};
        swapGeneric(swapped, 0, 2);
        System.out.println("generic swap " + Arrays.toString(swapped) + " first=" + first(swapped));
    }

    static long total(int[] a) {
        long t = 0;
        for (int x : a) {
            t += x;
        }
        a[0] = -1;
        return t;
    }

    static void methodHandles() throws Throwable {
        header("method handles");
        MethodHandle total = MethodHandles.lookup().findStatic(ArraysCorpus.class, "total",
                MethodType.methodType(long.class, int[].class));
        MethodHandle data = MethodHandles.lookup().findGetter(Holder.class, "data", int[].class);
        int[] a = {1, 2, 3};
        long t = (long) total.invokeExact(a);
        Holder h = new Holder(2);
        int[] got = (int[]) data.invokeExact(h);
        System.out.println("handle " + total.type() + " " + data.type() + " total=" + t + " written=" + a[0]
                + " same=" + (got == h.data) + " generic=" + Holder.class.getDeclaredField("grid").getGenericType()
                .getTypeName());
    }

    private static <T> void swapGeneric(T[] a, int i, int j) {
        T t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static <T extends Comparable<T>> T first(T[] a) {
        T best = a[0];
        for (T t : a) {
            if (t.compareTo(best) < 0) {
                best = t;
            }
        }
        return best;
    }

    static void cloning() {
        header("clone");
        int[] a = {1, 2, 3};
        int[] b = a.clone();
        b[0] = 100;
        System.out.println("1-D a=" + Arrays.toString(a) + " b=" + Arrays.toString(b) + " same=" + (a == b)
                + " class=" + b.getClass().getName());
        int[][] m = {{1, 2}, {3, 4}};
        int[][] n = m.clone();
        n[0][0] = -1;
        n[1] = new int[] {7, 7, 7};
        System.out.println("2-D m=" + Arrays.deepToString(m) + " n=" + Arrays.deepToString(n) + " rowShared="
                + (m[0] == n[0]));
        double[] empty = new double[0];
        System.out.println("empty clone length=" + empty.clone().length + " distinct=" + (empty != empty.clone()));
        Object[] objs = {new StringBuilder("sb")};
        Object[] objsClone = objs.clone();
        ((StringBuilder) objsClone[0]).append("!");
        System.out.println("shallow object clone " + objs[0]);
        Holder h = new Holder(2);
        h.grid[1][1] = 3;
        long[][] g = h.grid.clone();
        g[1][0] = 4;
        System.out.println("field clone " + Arrays.deepToString(h.grid));
    }

    static void lambdas() {
        header("lambdas");
        IntFunction<int[]> make = int[]::new;
        int[] made = make.apply(4);
        Arrays.setAll(made, i -> i * i);
        Function<int[], Integer> sum = a -> Arrays.stream(a).sum();
        UnaryOperator<long[]> doubled = a -> {
            long[] r = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i] * 2;
            }
            return r;
        };
        Op reverse = ArraysCorpus::reversed;
        Op inPlace = a -> {
            a[0] = -a[0];
            return a;
        };
        System.out.println("made=" + Arrays.toString(made) + " sum=" + sum.apply(made) + " doubled="
                + Arrays.toString(doubled.apply(new long[] {1, Long.MAX_VALUE / 2})) + " reversed="
                + Arrays.toString(reverse.apply(made)) + " inPlace same=" + (inPlace.apply(made) == made) + " "
                + Arrays.toString(made));
        Supplier<double[][]> grid = () -> new double[2][3];
        BiFunction<String[], Integer, String> pick = (arr, i) -> arr[i];
        ToLongFunction<long[]> len = a -> a.length;
        IntFunction<String[][]> make2 = String[][]::new;
        System.out.println("supplier " + Arrays.deepToString(grid.get()) + " pick=" + pick.apply(NAMES, 1) + " len="
                + len.applyAsLong(new long[7]) + " make2=" + make2.apply(3).length);
        int[] captured = {0};
        Runnable inc = () -> captured[0]++;
        for (int i = 0; i < 5; i++) {
            inc.run();
        }
        System.out.println("captured " + captured[0]);
        Op composed = compose(reverse, a -> {
            int[] r = Arrays.copyOf(a, a.length + 1);
            r[a.length] = 42;
            return r;
        });
        System.out.println("composed " + Arrays.toString(composed.apply(new int[] {1, 2, 3})));
        String[] upper = Stream.of(NAMES).map(String::toUpperCase).toArray(String[]::new);
        int[] lens = Arrays.stream(NAMES).mapToInt(String::length).toArray();
        System.out.println("streams " + Arrays.toString(upper) + " " + Arrays.toString(lens) + " "
                + upper.getClass().getSimpleName());
        Function<Object, String> kind = o -> o instanceof int[] ? "int[]" : o instanceof long[] ? "long[]" : "other";
        System.out.println("kinds " + kind.apply(new int[0]) + " " + kind.apply(new long[0]) + " " + kind.apply("x"));
    }

    private static int[] reversed(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    private static Op compose(Op first, Op second) {
        return a -> second.apply(first.apply(a));
    }

    static void arraysUtilities() {
        header("Arrays utilities");
        int[] a = new int[8];
        Arrays.fill(a, 7);
        Arrays.fill(a, 2, 5, -1);
        System.out.println("fill " + Arrays.toString(a));
        int[] longer = Arrays.copyOf(a, 10);
        int[] shorter = Arrays.copyOf(a, 3);
        int[] range = Arrays.copyOfRange(a, 4, 11);
        System.out.println("copyOf " + Arrays.toString(longer) + " " + Arrays.toString(shorter) + " range "
                + Arrays.toString(range));
        String[] s = Arrays.copyOf(NAMES, 5);
        Object[] widened = Arrays.copyOf(NAMES, 2, Object[].class);
        System.out.println("copyOf objects " + Arrays.toString(s) + " " + widened.getClass().getSimpleName());
        System.out.println("equals " + Arrays.equals(a, a.clone()) + " " + Arrays.equals(a, longer) + " "
                + Arrays.equals(new long[] {1, 2}, new long[] {1, 2}) + " range="
                + Arrays.equals(a, 0, 2, longer, 0, 2) + " deepEquals="
                + Arrays.deepEquals(new int[][] {{1}}, new int[][] {{1}}) + " nullEquals="
                + Arrays.equals((int[]) null, null));
        System.out.println("hashCode " + Arrays.hashCode(a) + " " + Arrays.hashCode(new long[] {1L << 40})
                + " " + Arrays.hashCode(new char[] {'h', 'i'}) + " " + Arrays.hashCode(NAMES) + " deep="
                + Arrays.deepHashCode(new int[][] {{1, 2}, {3}}) + " null=" + Arrays.hashCode((int[]) null));
        System.out.println("toString " + Arrays.toString((int[]) null) + " " + Arrays.toString(new char[] {'o', 'k'})
                + " " + Arrays.toString(new boolean[] {true}) + " deep "
                + Arrays.deepToString(new Object[] {1, new int[] {2}, new String[] {"s"}, new Object[] {new long[] {3}}}));
        System.out.println("stream sum=" + Arrays.stream(longer).sum() + " range sum=" + Arrays.stream(a, 2, 5).sum()
                + " max=" + Arrays.stream(new double[] {1.5, 9.25, -3}).max().getAsDouble() + " long avg="
                + Arrays.stream(new long[] {1, 2, 4}).average().getAsDouble());
        System.out.println("mismatch " + Arrays.mismatch(a, longer) + " " + Arrays.mismatch(a, a.clone()) + " compare "
                + Arrays.compare(new int[] {1, 2}, new int[] {1, 3}) + " " + Arrays.compare(new byte[] {1}, new byte[] {1, 0}));
        long[] pre = {1, 2, 3, 4, 5};
        Arrays.parallelPrefix(pre, Long::sum);
        double[] set = new double[4];
        Arrays.setAll(set, i -> i / 4.0);
        System.out.println("prefix " + Arrays.toString(pre) + " setAll " + Arrays.toString(set));
        squares = new long[6];
        Arrays.setAll(squares, i -> (long) i * i);
        System.out.println("static field " + Arrays.toString(squares) + " primes sum=" + Arrays.stream(PRIMES).sum());
    }

    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    static String describeAll(String label, Object... things) {
        return label + ":" + things.length + ":" + Arrays.deepToString(things);
    }

    static void varargs() {
        header("varargs");
        System.out.println(String.format("%d %s", 1, "x") + " | " + String.format("%s-%s-%s", (Object[]) NAMES)
                + " | " + String.format("%5.2f|%08X", 3.14159, 48879));
        System.out.println("sum()=" + sum() + " sum(1)=" + sum(1) + " sum(1,2,3)=" + sum(1, 2, 3) + " sum(array)="
                + sum(new int[] {10, 20}) + " sum(PRIMES)=" + sum(PRIMES));
        System.out.println(describeAll("none") + " " + describeAll("two", 1, "b") + " "
                + describeAll("nested", (Object) new int[] {1, 2}) + " " + describeAll("spread", (Object[]) NAMES));
        System.out.println("List.of " + List.of(1, 2, 3) + " Math.max of stream=" + IntStream.of(4, 9, 2).max().getAsInt());
    }

    static void exceptions() {
        header("exceptions");
        int[] a = new int[5];
        printThrown("read -1", () -> System.out.println(a[-1]));
        printThrown("read 5", () -> System.out.println(a[5]));
        printThrown("write -1", () -> a[-1] = 1);
        printThrown("write 5", () -> a[5] = 1);
        long[] big = new long[3];
        printThrown("long write MAX", () -> big[Integer.MAX_VALUE] = 1);
        printThrown("long read MIN", () -> System.out.println(big[Integer.MIN_VALUE]));
        int[][] m = new int[2][3];
        printThrown("2-D outer", () -> System.out.println(m[2][0]));
        printThrown("2-D inner", () -> m[1][3] = 1);
        int n = -3;
        printThrown("new int[n]", () -> System.out.println(new int[n].length));
        printThrown("new int[2][n]", () -> System.out.println(new int[2][n].length));
        printThrown("new int[n][2]", () -> System.out.println(new int[n][2].length));
        printThrown("new String[n]", () -> System.out.println(new String[n].length));
        Object[] objs = new Integer[2];
        printThrown("store String into Integer[]", () -> objs[0] = "no");
        printThrown("store Integer into Integer[]", () -> objs[1] = 5);
        Object[][] nested = new String[1][1];
        printThrown("store Integer[] row into String[][]", () -> nested[0] = new Integer[1]);
        Object o = new int[] {1};
        printThrownClass("cast int[] to long[]", () -> System.out.println(((long[]) o).length));
        printThrownClass("cast int[] to Object[]", () -> System.out.println(((Object[]) o).length));
        Object strings = new String[] {"a"};
        printThrownClass("cast String[] to Integer[]", () -> System.out.println(((Integer[]) strings).length));
        System.out.println("cast String[] to Object[] ok=" + ((Object[]) strings).length);
        int[] none = null;
        printThrownClass("null length", () -> System.out.println(none.length));
        printThrownClass("null load", () -> System.out.println(none[0]));
        printThrownClass("null store", () -> none[0] = 1);
        System.out.println("array intact " + Arrays.toString(a) + " objs " + Arrays.toString(objs));
        printThrown("copyOfRange from > to", () -> Arrays.copyOfRange(a, 3, 1));
        printThrown("copyOf negative", () -> Arrays.copyOf(a, -1));
        printThrown("fill range", () -> Arrays.fill(a, 4, 9, 0));
        printThrown("String(char[]) range", () -> new String(new char[3], 2, 5));
    }

    // ---------------------------------------------------------------- larger work

    static void digest() throws Exception {
        header("SHA-256");
        byte[] data = new byte[1 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 10));
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] digest = md.digest(data);
        System.out.println("sha256(1 MiB)=" + hex(digest, 0, digest.length));
        md.reset();
        md.update(data, 0, 1000);
        md.update(data, 1000, data.length - 1000);
        System.out.println("in two parts equal=" + Arrays.equals(digest, md.digest()));
        byte[] out = new byte[40];
        md.update("abc".getBytes(StandardCharsets.US_ASCII));
        int written = md.digest(out, 4, 32);
        System.out.println("into buffer written=" + written + " " + hex(out, 0, 12));
    }

    static void synchronizedOnArray() throws InterruptedException {
        header("synchronized on an array");
        long[] counter = new long[2];
        Runnable work = () -> {
            for (int i = 0; i < 100_000; i++) {
                synchronized (counter) {
                    counter[0]++;
                    counter[1] += i;
                }
            }
        };
        Thread t1 = new Thread(work);
        Thread t2 = new Thread(work);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        System.out.println("counter=" + counter[0] + " sum=" + counter[1]);
        int[] box = new int[1];
        Thread waiter = new Thread(() -> {
            synchronized (box) {
                while (box[0] == 0) {
                    try {
                        box.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                box[0] *= 10;
            }
        });
        waiter.start();
        synchronized (box) {
            box[0] = 7;
            box.notifyAll();
        }
        waiter.join();
        System.out.println("wait/notify box=" + box[0]);
    }

    static void fields() {
        header("array fields");
        Holder h = new Holder(4);
        for (int i = 0; i < h.data.length; i++) {
            h.data[i] = i * 3;
        }
        h.grid[0][3] = Long.MIN_VALUE;
        h.data[1] += h.data[2]++;
        int[] alias = h.data;
        alias[0] = -5;
        System.out.println("holder data=" + Arrays.toString(h.data) + " grid=" + Arrays.deepToString(h.grid));
        h.data = new int[] {1};
        System.out.println("replaced " + Arrays.toString(h.data) + " alias kept " + Arrays.toString(alias));
        Holder[] holders = new Holder[3];
        for (int i = 0; i < holders.length; i++) {
            holders[i] = new Holder(i + 1);
            holders[i].data[i] = i + 100;
        }
        System.out.println("holders " + holders[2].data[2] + " " + holders.length + " null data="
                + ((new Holder[1])[0] == null));
        PRIMES[0] = 1;
        System.out.println("static " + Arrays.toString(PRIMES) + " " + PRIMES.length);
        PRIMES[0] = 2;
    }

    static void serialization() throws IOException, ClassNotFoundException {
        header("serialization");
        int[] shared = new int[5000];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = i * 7;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new Saved[] {new Saved(shared, "a"), new Saved(shared, "b")});
        }
        Saved[] back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Saved[]) in.readObject();
        }
        back[0].data[4999] = -1;
        // not the stream's size: LegoJ's writeObject marks the class's block (a plain JVM reads it)
        System.out.println("serialized, suid "
                + java.io.ObjectStreamClass.lookup(Saved.class).getSerialVersionUID() + ", " + back[1].label + " "
                + back[1].data[4999] + " " + Arrays.deepToString(back[1].grid));
    }

    static void charBuffer() throws IOException {
        header("char[] buffer and streams");
        char[] buf = new char[8];
        StringBuilder sb = new StringBuilder();
        String text = "The quick brown fox jumps over the lazy dog, twice: the quick brown fox.";
        int pos = 0;
        while (pos < text.length()) {
            int n = Math.min(buf.length, text.length() - pos);
            text.getChars(pos, pos + n, buf, 0);
            for (int i = 0; i < n; i++) {
                buf[i] = Character.toUpperCase(buf[i]);
            }
            sb.append(buf, 0, n);
            pos += n;
        }
        System.out.println("builder " + sb);
        char[] out = new char[5];
        sb.getChars(4, 9, out, 0);
        System.out.println("getChars " + new String(out));
        byte[] source = new byte[100];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) (i ^ 0x5a);
        }
        InputStream in = new ByteArrayInputStream(source, 3, 90);
        byte[] dest = new byte[120];
        int off = 0;
        int reads = 0;
        int r;
        while ((r = in.read(dest, off, Math.min(7, dest.length - off))) > 0) {
            off += r;
            reads++;
        }
        System.out.println("read total=" + off + " reads=" + reads + " last=" + r + " dest[0]=" + dest[0] + " dest[89]="
                + dest[89] + " dest[90]=" + dest[90]);
        InputStream again = new ByteArrayInputStream(source);
        byte[] all = again.readAllBytes();
        byte[] some = new ByteArrayInputStream(source).readNBytes(10);
        System.out.println("readAllBytes equal=" + Arrays.equals(all, source) + " readNBytes " + Arrays.toString(some));
    }

    static void randomAndStreams() {
        header("Random");
        byte[] rb = new byte[16];
        new Random(42).nextBytes(rb);
        System.out.println("nextBytes " + Arrays.toString(rb));
        int[] ri = new Random(42).ints(6, 0, 100).toArray();
        double[] rd = new Random(7).doubles(3).toArray();
        System.out.println("ints " + Arrays.toString(ri) + " doubles " + Arrays.toString(rd));
        int[] shuffled = IntStream.range(0, 10).toArray();
        Random rnd = new Random(1);
        for (int i = shuffled.length - 1; i > 0; i--) {
            swap(shuffled, i, rnd.nextInt(i + 1));
        }
        System.out.println("shuffled " + Arrays.toString(shuffled));
    }

    static void larger(int mib) {
        header("larger than the cache: " + mib + " MiB");
        int perArray = 256 * 1024 / Integer.BYTES;
        int count = mib * 4;
        int[][] arrays = new int[count][];
        for (int k = 0; k < count; k++) {
            int[] a = new int[perArray];
            for (int i = 0; i < perArray; i++) {
                a[i] = k * 1_000_003 + i * 7 + (i >>> 5);
            }
            arrays[k] = a;
        }
        // second pass: arrays in reverse order, elements in an odd-stride permutation
        long sum = 0;
        int mask = perArray - 1;
        for (int k = count - 1; k >= 0; k--) {
            int[] a = arrays[k];
            for (int i = 0; i < perArray; i++) {
                int j = (int) ((i * 7919L) & mask);
                sum = sum * 31 + a[j];
            }
        }
        System.out.println("permuted checksum=" + sum);
        // third pass: across all arrays block by block, updating in place
        long mismatches = 0;
        int block = 1024;
        for (int b = 0; b < perArray; b += block) {
            for (int k = 0; k < count; k++) {
                int[] a = arrays[k];
                for (int i = b; i < b + block; i++) {
                    if (a[i] != k * 1_000_003 + i * 7 + (i >>> 5)) {
                        mismatches++;
                    }
                    a[i] ^= k;
                }
            }
        }
        long total = 0;
        for (int k = 0; k < count; k += 3) {
            for (int v : arrays[k]) {
                total += v;
            }
        }
        System.out.println("mismatches=" + mismatches + " strided total=" + total + " arrays=" + count + " last="
                + arrays[count - 1][perArray - 1]);
    }
}
