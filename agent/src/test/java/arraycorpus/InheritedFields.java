package arraycorpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Array fields that application subclasses inherit from JDK classes keep the JDK's type. */
public final class InheritedFields {
    private InheritedFields() {
    }

    static final class Out extends ByteArrayOutputStream {
        /** An array field of the application's own, next to the inherited one. */
        int[] marks = new int[2];

        byte[] raw() {
            return buf;
        }

        void poke(int i, byte v) {
            buf[i] = v;
            marks[0]++;
        }

        void grow(int n) {
            buf = Arrays.copyOf(buf, n);
        }
    }

    static final class In extends BufferedInputStream {
        In(byte[] data) {
            super(new ByteArrayInputStream(data), 4);
        }

        int buffered() {
            return buf.length + count * 100;
        }
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        Out o = new Out();
        o.write(new byte[] {1, 2, 3}, 0, 3);
        o.poke(0, (byte) 9);
        byte[] raw = o.raw();
        raw[1] = 8;
        out.append("buf ").append(raw.length).append(' ').append(raw[0]).append(' ')
                .append(Arrays.toString(o.toByteArray())).append(' ').append(o.marks[0]);
        o.grow(64);
        o.write(7);
        out.append(" grown ").append(o.raw().length).append(' ').append(Arrays.toString(o.toByteArray()));
        In in = new In(new byte[] {5, 6, 7, 8, 9});
        try {
            int first = in.read();
            out.append(" in ").append(first).append(' ').append(in.buffered());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
