package corpus;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/** Takes a field offset with {@code sun.misc.Unsafe}, as some libraries do on their own fields. */
public final class UnsafeUser {
    private UnsafeUser() {
    }

    static final class Cell {
        long value = 5;
    }

    public static String run() throws ReflectiveOperationException {
        Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Unsafe unsafe = (Unsafe) theUnsafe.get(null);
        Cell c = new Cell();
        long offset = unsafe.objectFieldOffset(Cell.class.getDeclaredField("value"));
        return "value " + unsafe.getLong(c, offset);
    }
}
