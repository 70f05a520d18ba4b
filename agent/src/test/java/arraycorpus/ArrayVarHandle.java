package arraycorpus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A var handle on an array field: the plain program gets one; with remote arrays it fails loudly. */
public final class ArrayVarHandle {
    int[] data = {5};
    int count = 3;

    private ArrayVarHandle() {
    }

    public static String run() throws ReflectiveOperationException {
        ArrayVarHandle o = new ArrayVarHandle();
        VarHandle count = MethodHandles.lookup().findVarHandle(ArrayVarHandle.class, "count", int.class);
        String s = "count=" + (int) count.get(o);
        try {
            VarHandle data = MethodHandles.lookup().findVarHandle(ArrayVarHandle.class, "data", int[].class);
            return s + " data=" + ((int[]) data.get(o))[0];
        } catch (UnsupportedOperationException e) {
            return s + " " + e.getMessage();
        }
    }
}
