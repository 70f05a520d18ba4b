package io.legoj.runtime.arrays;

/** A {@code byte[]} of rewritten code. */
public final class ByteArray extends PrimitiveArray {
    private static final long serialVersionUID = 1L;

    transient byte[] local;

    ByteArray(byte[] local) {
        super(local.length, 0);
        this.local = local;
    }

    ByteArray(int length, long address) {
        super(length, address);
    }

    @Override
    Kind kind() {
        return Kind.BYTE;
    }

    @Override
    Object local() {
        return local;
    }

    @Override
    void pinTo(Object jvm) {
        local = (byte[]) jvm;
    }
}
