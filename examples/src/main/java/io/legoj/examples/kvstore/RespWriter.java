package io.legoj.examples.kvstore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes RESP2 replies to a (buffered) stream; the caller flushes. */
final class RespWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;

    RespWriter(OutputStream out) {
        this.out = out;
    }

    void simple(String s) {
        line('+', s);
    }

    void ok() {
        simple("OK");
    }

    /** {@code -<message>}: the message starts with its code, e.g. {@code ERR syntax error}. */
    void error(String message) {
        line('-', message);
    }

    void integer(long n) {
        line(':', Long.toString(n));
    }

    void bulk(byte[] data) {
        if (data == null) {
            nullBulk();
            return;
        }
        line('$', Integer.toString(data.length));
        write(data);
        write(CRLF);
    }

    void nullBulk() {
        line('$', "-1");
    }

    void arrayHeader(int n) {
        line('*', Integer.toString(n));
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(char type, String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[text.length + 3];
        b[0] = (byte) type;
        System.arraycopy(text, 0, b, 1, text.length);
        b[b.length - 2] = '\r';
        b[b.length - 1] = '\n';
        write(b);
    }

    private void write(byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
