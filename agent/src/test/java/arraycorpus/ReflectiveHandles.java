package arraycorpus;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Generic reflection types and method handles of members with array types, as frameworks use them:
 * the plain program's types, and handles found and typed by them.
 */
public final class ReflectiveHandles {
    static final class Bean {
        int[] data = {1, 2};
        List<int[]> rows = List.of(new int[] {3});
        static long[] shared = {9};

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

        static byte[] bytes(int n) {
            byte[] b = new byte[n];
            Arrays.fill(b, (byte) 7);
            return b;
        }

        <T> T[] same(T[] a, double[] d) {
            d[0] = a.length;
            return a;
        }
    }

    record Point(int[] coords) {
    }

    private ReflectiveHandles() {
    }

    public static String run() throws Throwable {
        Field data = Bean.class.getDeclaredField("data");
        Field rows = Bean.class.getDeclaredField("rows");
        Method same = Bean.class.getDeclaredMethod("same", Object[].class, double[].class);
        Method bytes = Bean.class.getDeclaredMethod("bytes", int.class);
        StringBuilder s = new StringBuilder();
        s.append("generic=").append(data.getGenericType().getTypeName()).append(',').append(rows.getGenericType())
                .append(" params=").append(Arrays.toString(same.getGenericParameterTypes()))
                .append(" returns=").append(bytes.getGenericReturnType().getTypeName())
                .append(" ctor=").append(Arrays.toString(Bean.class.getDeclaredConstructor(int[].class)
                        .getGenericParameterTypes()))
                .append(" parameter=").append(same.getParameters()[1].getType().getSimpleName()).append('/')
                .append(same.getParameters()[1].getParameterizedType().getTypeName())
                .append(" record=").append(Point.class.getRecordComponents()[0].getType().getSimpleName()).append('/')
                .append(Point.class.getRecordComponents()[0].getGenericType().getTypeName());

        MethodHandles.Lookup l = MethodHandles.lookup();
        Bean b = new Bean();
        MethodHandle sum = l.findVirtual(Bean.class, "sum", MethodType.methodType(int.class, int[].class));
        MethodHandle make = l.findStatic(Bean.class, "bytes", MethodType.methodType(byte[].class, int.class));
        MethodHandle ctor = l.findConstructor(Bean.class, MethodType.methodType(void.class, int[].class));
        MethodHandle get = l.findGetter(Bean.class, "data", int[].class);
        MethodHandle set = l.findSetter(Bean.class, "data", int[].class);
        MethodHandle staticGet = l.findStaticGetter(Bean.class, "shared", long[].class);
        MethodHandle unreflected = l.unreflect(same);
        int[] mine = {4, 5, 6};
        int viaExact = (int) sum.invokeExact(b, mine);
        Object viaInvoke = sum.invoke(b, new int[] {1, 1});
        byte[] made = (byte[]) make.invokeExact(3);
        Bean built = (Bean) ctor.invokeExact(mine);
        set.invokeExact(b, mine);
        int[] back = (int[]) get.invokeExact(b);
        back[0] = 40;
        double[] d = new double[1];
        Object[] echoed = (Object[]) unreflected.invoke(b, new Object[] {"x", "y"}, d);
        s.append(" types=").append(sum.type()).append(' ').append(make.type()).append(' ').append(get.type())
                .append(' ').append(unreflected.type())
                .append(" exact=").append(viaExact).append(" invoke=").append(viaInvoke)
                .append(" made=").append(Arrays.toString(made))
                .append(" built=").append(built.data == mine)
                .append(" alias=").append(back == mine).append(mine[0]).append(b.data[0])
                .append(" static=").append(Arrays.toString((long[]) staticGet.invokeExact()))
                .append(" unreflected=").append(echoed.length).append(d[0]);
        try {
            l.findVirtual(Bean.class, "sum", MethodType.methodType(int.class, long[].class));
        } catch (NoSuchMethodException e) {
            s.append(" missing=").append(e.getClass().getSimpleName());
        }
        return s.toString();
    }
}
