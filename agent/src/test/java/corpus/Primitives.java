package corpus;

/** Every primitive field kind with extreme values, volatile fields, and references of all kinds. */
public final class Primitives {
    private Primitives() {
    }

    static class All {
        boolean z = true;
        byte b = Byte.MIN_VALUE;
        short s = Short.MAX_VALUE;
        char c = '\uffff';
        int i = Integer.MIN_VALUE;
        long j = Long.MAX_VALUE;
        float f = Float.MIN_VALUE;
        double d = Double.NEGATIVE_INFINITY;
        volatile long v = -1;
        volatile boolean flag;
        Object local = "a string lives in the local object table";
        All self;
        int[] array = {1, 2, 3};
    }

    public static String run() {
        All a = new All();
        a.self = a;
        a.v += 2;
        a.flag = !a.flag;
        a.j--;
        a.d = Double.NaN;
        a.c--;
        a.array[1] = 20;
        return a.z + " " + a.b + " " + a.s + " " + (int) a.c + " " + a.i + " " + a.j + " " + a.f + " " + a.d + " "
                + a.v + " " + a.flag + " " + a.local + " " + (a.self == a) + " " + a.array[1];
    }
}
