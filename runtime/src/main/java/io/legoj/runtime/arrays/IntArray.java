package io.legoj.runtime.arrays;

/** A {@code int[]} of rewritten code. */
public final class IntArray extends PrimitiveArray {
    private static final long serialVersionUID = 1L;

    transient int[] local;

    IntArray(int[] local) {
        super(local.length, 0);
        this.local = local;
    }

    IntArray(int length, long address) {
        super(length, address);
    }

    @Override
    Kind kind() {
        return Kind.INT;
    }

    @Override
    Object local() {
        return local;
    }

    @Override
    void pinTo(Object jvm) {
        local = (int[]) jvm;
    }
}
