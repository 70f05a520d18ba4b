package arraycorpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Lambdas and method references whose types mention arrays, to application and JDK code. */
public final class Lambdas {
    private Lambdas() {
    }

    /** A functional interface of the program's own, over arrays. */
    interface ArrayFn {
        long[] apply(int[] a, long[][] b);
    }

    interface Maker {
        int[] make(int n);
    }

    interface Grid {
        char[][] grid(int rows, int cols);
    }

    static final class Box {
        final int factor;

        Box(int factor) {
            this.factor = factor;
        }

        int[] scaled(int[] a) {
            int[] r = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i] * factor;
            }
            return r;
        }
    }

    static long[] combine(int[] a, long[][] b) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * b[0][i] + b[1][i];
        }
        return r;
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        IntFunction<int[]> make = int[]::new;
        int[] made = make.apply(4);
        Arrays.setAll(made, i -> i * i + 1);
        Function<int[], String> show = Arrays::toString;
        Function<char[], String> str = String::new;
        BiFunction<byte[], Charset, String> decode = String::new;
        Supplier<char[]> chars = "bound"::toCharArray;
        ToIntFunction<int[]> hash = Arrays::hashCode;
        UnaryOperator<int[]> cloner = int[]::clone;
        out.append("refs ").append(show.apply(made)).append(' ').append(str.apply(new char[] {'o', 'k'})).append(' ')
                .append(decode.apply(new byte[] {104, 105}, StandardCharsets.US_ASCII)).append(' ')
                .append(new String(chars.get())).append(' ').append(hash.applyAsInt(made) == Arrays.hashCode(made))
                .append(' ').append(show.apply(cloner.apply(made))).append(' ').append(cloner.apply(made) != made)
                .append('\n');

        ArrayFn lambda = (a, b) -> {
            long[] r = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i] + b[0][i];
            }
            return r;
        };
        ArrayFn ref = Lambdas::combine;
        long[][] table = {{10, 20, 30, 40}, {1, 1, 1, 1}};
        Maker maker = int[]::new;
        Grid grid = (r, c) -> new char[r][c];
        Maker filled = n -> {
            int[] a = new int[n];
            Arrays.fill(a, n);
            return a;
        };
        out.append("custom ").append(Arrays.toString(lambda.apply(made, table))).append(' ')
                .append(Arrays.toString(ref.apply(made, table))).append(' ').append(maker.make(3).length).append(' ')
                .append(grid.grid(2, 5)[1].length).append(' ').append(Arrays.toString(filled.make(3))).append('\n');

        Box box = new Box(3);
        Function<int[], int[]> scaled = box::scaled;
        Function<int[], int[]> twice = scaled.andThen(scaled);
        out.append("bound ").append(Arrays.toString(twice.apply(new int[] {1, 2}))).append('\n');

        int[] counter = {0};
        Runnable inc = () -> counter[0]++;
        for (int i = 0; i < 5; i++) {
            inc.run();
        }
        Consumer<int[]> fill = a -> Arrays.fill(a, 3);
        int[] target = new int[2];
        fill.accept(target);
        BiConsumer<long[], Integer> set = (a, i) -> a[i] = i * 100L;
        long[] setTarget = new long[3];
        set.accept(setTarget, 2);
        out.append("captured ").append(counter[0]).append(' ').append(Arrays.toString(target)).append(' ')
                .append(Arrays.toString(setTarget)).append('\n');

        int[][] rows = {{3, 1}, {1, 2}, {2, 0}};
        Comparator<int[]> byFirst = (x, y) -> Integer.compare(x[0], y[0]);
        Arrays.sort(rows, byFirst);
        List<int[]> list = Arrays.asList(rows);
        list.sort(Comparator.comparingInt(r -> r[1]));
        out.append("comparators ").append(Arrays.deepToString(rows)).append('\n');

        int[][] generated = IntStream.range(0, 4).mapToObj(int[]::new).toArray(int[][]::new);
        String joined = Stream.of(new int[] {1, 2}, new int[] {3}).map(Arrays::toString).collect(Collectors.joining(";"));
        int flat = Arrays.stream(rows).flatMapToInt(Arrays::stream).sum();
        int[] squares = Arrays.stream(made).map(v -> v * v).filter(v -> v % 2 == 0).toArray();
        Optional<int[]> first = Stream.of(rows).filter(r -> r[0] > 1).findFirst();
        out.append("streams ").append(Arrays.deepToString(generated)).append(' ').append(joined).append(' ').append(flat)
                .append(' ').append(Arrays.toString(squares)).append(' ').append(first.map(r -> r[1]).orElse(-1))
                .append(' ').append(generated.getClass().getSimpleName()).append('\n');

        Function<Object, String> kind = o -> o instanceof int[] ? "int[]" : o instanceof long[][] ? "long[][]" : "other";
        Supplier<double[][]> supplier = () -> new double[2][3];
        Function<int[], int[]> identity = Function.identity();
        Object same = identity.apply(made);
        out.append("kinds ").append(kind.apply(made)).append(' ').append(kind.apply(table)).append(' ')
                .append(kind.apply("x")).append(' ').append(Arrays.deepToString(supplier.get())).append(' ')
                .append(same == made).append(' ').append(((int[]) same)[3]);
        return out.toString();
    }
}
