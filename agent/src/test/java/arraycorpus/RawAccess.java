package arraycorpus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteOrder;
import sun.misc.Unsafe;

/** Arrays reached by raw offsets (Unsafe) and by element and view var handles, mixed with plain accesses. */
public final class RawAccess {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    private RawAccess() {
    }

    public static String run() throws ReflectiveOperationException {
        Field f = Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Unsafe u = (Unsafe) f.get(null);
        byte[] bytes = new byte[4096];
        bytes[8] = 7;
        long viaUnsafe = u.getLong(bytes, (long) Unsafe.ARRAY_BYTE_BASE_OFFSET + 8);
        u.putByte(bytes, (long) Unsafe.ARRAY_BYTE_BASE_OFFSET + 100, (byte) 42);
        LONGS.set(bytes, 16, 0x0102030405060708L);
        long viaHandle = (long) LONGS.get(bytes, 8);
        int[] ints = new int[1000];
        INTS.set(ints, 5, 99);
        ints[6] = 11;
        int sum = (int) INTS.get(ints, 6) + ints[5];
        return "unsafe=" + viaUnsafe + " byte100=" + bytes[100] + " handle=" + viaHandle + " byte16=" + bytes[16]
                + " ints=" + sum;
    }
}
