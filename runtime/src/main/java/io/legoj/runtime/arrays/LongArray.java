package io.legoj.runtime.arrays;

/** A {@code long[]} of rewritten code. */
public final class LongArray extends PrimitiveArray {
    private static final long serialVersionUID = 1L;

    transient long[] local;

    LongArray(long[] local) {
        super(local.length, 0);
        this.local = local;
    }

    LongArray(int length, long address) {
        super(length, address);
    }

    @Override
    Kind kind() {
        return Kind.LONG;
    }

    @Override
    Object local() {
        return local;
    }

    @Override
    void pinTo(Object jvm) {
        local = (long[]) jvm;
    }
}
