package io.legoj.runtime.arrays;

/** What rewritten code calls to create and clone primitive arrays ({@link RefArrays#createMulti} makes arrays of them). */
public final class ArrayHandles {
    private ArrayHandles() {
    }

    /** {@code newarray}: a zeroed array of {@code kind}. */
    public static PrimitiveArray create(int length, Kind kind) {
        return ArrayMemory.get().create(kind, length);
    }

    /** {@code a.clone()}: a new array (local or remote by its size) with the same elements. */
    public static Object cloneOf(PrimitiveArray a) {
        PrimitiveArray copy = create(a.length, a.kind());
        ArrayOps.copyElements(a, 0, copy, 0, a.length);
        return copy;
    }
}
