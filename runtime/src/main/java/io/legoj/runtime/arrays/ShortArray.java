package io.legoj.runtime.arrays;

/** A {@code short[]} of rewritten code. */
public final class ShortArray extends PrimitiveArray {
    private static final long serialVersionUID = 1L;

    transient short[] local;

    ShortArray(short[] local) {
        super(local.length, 0);
        this.local = local;
    }

    ShortArray(int length, long address) {
        super(length, address);
    }

    @Override
    Kind kind() {
        return Kind.SHORT;
    }

    @Override
    Object local() {
        return local;
    }

    @Override
    void pinTo(Object jvm) {
        local = (short[]) jvm;
    }
}
