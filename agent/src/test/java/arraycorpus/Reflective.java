package arraycorpus;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;

/** Reflection that names array types, as serializers and injectors use it: it sees the plain program's types. */
public final class Reflective {
    static final class Bean {
        int[] data;
        long[][] grid = new long[2][3];

        Bean() {
        }

        Bean(int[] data) {
            this.data = data;
        }

        int sum(int[] xs) {
            int s = 0;
            for (int x : xs) {
                s += x;
            }
            return s;
        }

        byte[] bytes() {
            return new byte[] {4, 5};
        }
    }

    private Reflective() {
    }

    public static String run() throws ReflectiveOperationException {
        Field data = Bean.class.getDeclaredField("data");
        Field grid = Bean.class.getDeclaredField("grid");
        Method sum = Bean.class.getDeclaredMethod("sum", int[].class);
        Method bytes = Bean.class.getDeclaredMethod("bytes");
        Constructor<Bean> make = Bean.class.getDeclaredConstructor(int[].class);
        Bean b = make.newInstance((Object) new int[] {1, 2, 3});
        data.set(b, new int[] {7, 8});
        Object read = data.get(b);
        int viaInvoke = (int) sum.invoke(b, (Object) new int[] {10, 20});
        return "types=" + data.getType().getName() + "," + grid.getType().getName() + " params="
                + Arrays.toString(sum.getParameterTypes()) + " ctor=" + Arrays.toString(make.getParameterTypes())
                + " returns=" + bytes.getReturnType().getSimpleName() + " read=" + Arrays.toString((int[]) read)
                + " invoke=" + viaInvoke + " isIntArray=" + (data.getType() == int[].class);
    }
}
