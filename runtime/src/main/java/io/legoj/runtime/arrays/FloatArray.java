package io.legoj.runtime.arrays;

/** A {@code float[]} of rewritten code. */
public final class FloatArray extends PrimitiveArray {
    private static final long serialVersionUID = 1L;

    transient float[] local;

    FloatArray(float[] local) {
        super(local.length, 0);
        this.local = local;
    }

    FloatArray(int length, long address) {
        super(length, address);
    }

    @Override
    Kind kind() {
        return Kind.FLOAT;
    }

    @Override
    Object local() {
        return local;
    }

    @Override
    void pinTo(Object jvm) {
        local = (float[]) jvm;
    }
}
