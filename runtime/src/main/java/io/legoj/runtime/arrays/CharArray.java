package io.legoj.runtime.arrays;

/** A {@code char[]} of rewritten code. */
public final class CharArray extends PrimitiveArray {
    private static final long serialVersionUID = 1L;

    transient char[] local;

    CharArray(char[] local) {
        super(local.length, 0);
        this.local = local;
    }

    CharArray(int length, long address) {
        super(length, address);
    }

    @Override
    Kind kind() {
        return Kind.CHAR;
    }

    @Override
    Object local() {
        return local;
    }

    @Override
    void pinTo(Object jvm) {
        local = (char[]) jvm;
    }
}
