package io.legoj.runtime.objects;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes, once per class, the layout of remote objects from the loaded classes' declared fields. */
public final class Layouts {
    /** Prefix of the members the agent adds; they never live in remote memory. */
    public static final String SYNTHETIC_PREFIX = "$legoj$";

    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            return compute(type);
        }
    };

    private Layouts() {
    }

    /**
     * The layout of instances of {@code type}, or null when no field of it is remote. A field's offset
     * is the same in every subclass, so a field is looked up in the layout of the class declaring it
     * (where it hides any field of the same name further up).
     */
    public static Layout of(Class<?> type) {
        return RemoteHandle.class.isAssignableFrom(type) && !type.isInterface() ? LAYOUTS.get(type) : null;
    }

    /** True when the instance fields declared by {@code type} itself are remote. */
    public static boolean ownFieldsRemote(Class<?> type) {
        return type.isAnnotationPresent(RemoteClass.class) && RemoteHandle.class.isAssignableFrom(type);
    }

    private static Layout compute(Class<?> type) {
        Class<?> sup = type.getSuperclass();
        Layout parent = sup == null ? null : of(sup);
        Map<String, Long> offsets = parent == null ? new HashMap<>() : new HashMap<>(parent.offsets);
        long end = parent == null ? Layout.HEADER : parent.size;
        long[] references = parent == null ? new long[0] : parent.references;
        if (ownFieldsRemote(type)) {
            List<Field> own = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getName().startsWith(SYNTHETIC_PREFIX)) {
                    own.add(f);
                }
            }
            own.sort(Comparator.comparingInt((Field f) -> -bytes(f.getType())));
            for (Field f : own) {
                int b = bytes(f.getType());
                end = (end + b - 1) & -b;
                offsets.put(f.getName(), end);
                if (!f.getType().isPrimitive()) {
                    references = Arrays.copyOf(references, references.length + 1);
                    references[references.length - 1] = end;
                }
                end += b;
            }
        }
        return new Layout(type, (end + 7) & -8L, offsets, references);
    }

    /** Bytes of a field of this type in remote memory; references take 8. */
    public static int bytes(Class<?> t) {
        if (t == long.class || t == double.class || !t.isPrimitive()) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        return 1;
    }
}
