package io.legoj.runtime.arrays;

/** A {@code double[]} of rewritten code. */
public final class DoubleArray extends PrimitiveArray {
    private static final long serialVersionUID = 1L;

    transient double[] local;

    DoubleArray(double[] local) {
        super(local.length, 0);
        this.local = local;
    }

    DoubleArray(int length, long address) {
        super(length, address);
    }

    @Override
    Kind kind() {
        return Kind.DOUBLE;
    }

    @Override
    Object local() {
        return local;
    }

    @Override
    void pinTo(Object jvm) {
        local = (double[]) jvm;
    }
}
