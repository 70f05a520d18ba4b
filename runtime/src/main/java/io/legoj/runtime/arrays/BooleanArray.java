package io.legoj.runtime.arrays;

/** A {@code boolean[]} of rewritten code. */
public final class BooleanArray extends PrimitiveArray {
    private static final long serialVersionUID = 1L;

    transient boolean[] local;

    BooleanArray(boolean[] local) {
        super(local.length, 0);
        this.local = local;
    }

    BooleanArray(int length, long address) {
        super(length, address);
    }

    @Override
    Kind kind() {
        return Kind.BOOLEAN;
    }

    @Override
    Object local() {
        return local;
    }

    @Override
    void pinTo(Object jvm) {
        local = (boolean[]) jvm;
    }
}
