package io.legoj.runtime;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/** The one place that obtains {@link Unsafe}; frames live off the Java heap and are read through it. */
public final class UnsafeAccess {
    public static final Unsafe U = load();

    private UnsafeAccess() {
    }

    private static Unsafe load() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("LegoJ needs sun.misc.Unsafe (module jdk.unsupported): " + e);
        }
    }
}
