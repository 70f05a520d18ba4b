package arraycorpus;

import java.util.Objects;

/** Objects.deepEquals looks into arrays, at any depth. */
public final class DeepEquality {
    private DeepEquality() {
    }

    public static String run() {
        int[] a = {1, 2};
        Object[] nested = {new long[] {3}, "s", new int[][] {{4}}};
        Object[] nestedCopy = {new long[] {3}, "s", new int[][] {{4}}};
        return Objects.deepEquals(a, new int[] {1, 2}) + " " + Objects.deepEquals(a, new int[] {1, 3}) + " "
                + Objects.deepEquals(a, a) + " " + Objects.deepEquals(new long[][] {{1}}, new long[][] {{1}}) + " "
                + Objects.deepEquals(nested, nestedCopy) + " " + Objects.deepEquals(null, null) + " "
                + Objects.deepEquals(a, null) + " " + Objects.deepEquals(a, new long[] {1, 2}) + " "
                + Objects.deepEquals("x", "x") + " " + Objects.deepEquals(new char[0], new char[0]);
    }
}
