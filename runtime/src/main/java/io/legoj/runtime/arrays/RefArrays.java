package io.legoj.runtime.arrays;

/**
 * What rewritten code calls for the reference arrays of the plain program ({@code String[]},
 * {@code int[][]}), each of which is either a JVM array of the plain type's handle class or a
 * {@link RefArray}. Index checks are made here, with the JVM's exceptions and messages, for both:
 * a check the JVM makes itself loses its message once the site is hot. A null array fails with the
 * JVM's {@link NullPointerException} message, which rewritten code passes where the JVM would name
 * the array's source ({@code because "names" is null}).
 */
public final class RefArrays {
    private RefArrays() {
    }

    /** {@code anewarray}: all null, a JVM array when small, else a RefArray ({@link ArrayMemory#createReferences}). */
    public static Object create(int length, Class<?> type) {
        return ArrayMemory.get().createReferences(type, length);
    }

    /**
     * {@code multianewarray} of array class {@code type} (of any dimensions, for reflection's sake):
     * the first {@code dims.length} levels are made, each as a new array of its class would be;
     * deeper ones are null.
     */
    public static Object createMulti(int[] dims, Class<?> type) {
        for (int d : dims) {
            if (d < 0) {
                throw new NegativeArraySizeException(String.valueOf(d));
            }
        }
        return level(dims, 0, type);
    }

    private static Object level(int[] dims, int at, Class<?> type) {
        Kind kind = Kind.of(type);
        if (kind != null) {
            return ArrayHandles.create(dims[at], kind);
        }
        Object array = create(dims[at], type);
        if (at + 1 < dims.length) {
            for (int i = 0; i < dims[at]; i++) {
                store(array, i, level(dims, at + 1, type.getComponentType()));
            }
        }
        return array;
    }

    /** {@code aaload} for LegoJ's own code. */
    public static Object load(Object array, int i) {
        return load(array, i, null);
    }

    /**
     * {@code aaload} as rewritten code calls it: {@code nullMessage} is the JVM's message for a null
     * array, naming where it came from, or null where the JVM could not name it either.
     */
    public static Object load(Object array, int i, String nullMessage) {
        if (array instanceof RefArray r) {
            return r.get(i);
        }
        if (array == null) {
            throw new NullPointerException(nullMessage != null ? nullMessage : "Cannot load from object array");
        }
        Object[] a = (Object[]) array;
        if (Integer.compareUnsigned(i, a.length) >= 0) {
            throw PrimitiveArray.outOfBounds(i, a.length);
        }
        return a[i];
    }

    /**
     * {@code aastore}. A value a JVM array cannot hold fails with the plain program's message (its
     * plain class); one that only the JVM array's form refuses (a RefArray into a JDK-made
     * {@code String[][]}) with an {@link UnsupportedOperationException} that says so.
     */
    public static void store(Object array, int i, Object value) {
        store(array, i, value, null);
    }

    /** {@code aastore} as rewritten code calls it, {@code nullMessage} as for {@link #load(Object, int, String)}. */
    public static void store(Object array, int i, Object value, String nullMessage) {
        if (array instanceof RefArray r) {
            r.set(i, value);
            return;
        }
        if (array == null) {
            throw new NullPointerException(nullMessage != null ? nullMessage : "Cannot store to object array");
        }
        Object[] a = (Object[]) array;
        if (Integer.compareUnsigned(i, a.length) >= 0) {
            throw PrimitiveArray.outOfBounds(i, a.length);
        }
        if (value != null && !a.getClass().getComponentType().isInstance(value)) {
            throw ArrayBoundary.storeFailure(a, value);
        }
        a[i] = value;
    }

    /** {@code arraylength}. */
    public static int length(Object array) {
        return length(array, null);
    }

    /** {@code arraylength} as rewritten code calls it, {@code nullMessage} as for {@link #load(Object, int, String)}. */
    public static int length(Object array, String nullMessage) {
        if (array == null) {
            throw new NullPointerException(nullMessage != null ? nullMessage : "Cannot read the array length");
        }
        return array instanceof RefArray r ? r.length : ((Object[]) array).length;
    }

    /** {@code array.clone()}: a RefArray's copy is a new array of its type, made as any would be. */
    public static Object cloneOf(Object array) {
        if (array instanceof RefArray r) {
            Object copy = create(r.length, r.type);
            ArrayOps.arraycopy(r, 0, copy, 0, r.length);
            return copy;
        }
        return ((Object[]) array).clone();
    }
}
