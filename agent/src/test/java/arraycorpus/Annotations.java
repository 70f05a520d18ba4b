package arraycorpus;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Arrays;

/** Annotation elements of array type: the JDK's proxies return JVM arrays, so annotation types keep them. */
public final class Annotations {
    private Annotations() {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Weights {
        int[] value();

        byte[] bytes() default {1, 2};
    }

    @Weights(value = {3, 5, 7}, bytes = {9})
    static final class Weighted {
    }

    public static String run() {
        Weights w = Weighted.class.getAnnotation(Weights.class);
        int[] v = w.value();
        int sum = 0;
        for (int x : v) {
            sum += x;
        }
        v[0] = 100;
        return "sum=" + sum + " again=" + Arrays.toString(w.value()) + " bytes=" + w.bytes()[0] + " len=" + w.bytes().length;
    }
}
