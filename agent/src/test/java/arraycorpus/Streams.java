package arraycorpus;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.zip.CheckedInputStream;
import java.util.zip.Checksum;

/** Application subclasses of JDK streams, readers and writers: the JDK calls their array methods. */
public final class Streams {
    private Streams() {
    }

    /** Gives at most three bytes per read, so that readFully has to loop. */
    static class Source extends InputStream {
        private final byte[] data;
        private int pos;

        Source(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 3), data.length - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = data[pos++];
            }
            return n;
        }
    }

    /** Overrides the override, and calls it through {@code super}. */
    static final class Counting extends Source {
        int calls;
        int bytes;

        Counting(byte[] data) {
            super(data);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            calls++;
            int n = super.read(b, off, len);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }
    }

    static final class Sink extends OutputStream {
        final byte[] kept = new byte[64];
        int size;
        int bulk;

        @Override
        public void write(int b) {
            kept[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bulk++;
            System.arraycopy(b, off, kept, size, len);
            size += len;
        }
    }

    static final class Letters extends Reader {
        private final String text;
        private int pos;

        Letters(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, 5), text.length() - pos);
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    static final class Upper extends Writer {
        final StringBuilder text = new StringBuilder();

        @Override
        public void write(char[] cbuf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                text.append(Character.toUpperCase(cbuf[i]));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** An application implementation of a JDK interface taking arrays. */
    static final class Adler implements Checksum {
        private int a = 1;
        private int b;

        @Override
        public void update(int v) {
            a = (a + (v & 0xff)) % 65521;
            b = (b + a) % 65521;
        }

        @Override
        public void update(byte[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                update(buf[i]);
            }
        }

        @Override
        public long getValue() {
            return ((long) b << 16) | a;
        }

        @Override
        public void reset() {
            a = 1;
            b = 0;
        }
    }

    public static String run() {
        try {
            return work();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String work() throws IOException {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream baos = new ByteArrayOutputStream();
        DataOutputStream dos = new DataOutputStream(baos);
        dos.writeInt(0x0a0b0c0d);
        byte[] body = new byte[50];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 7);
        }
        dos.write(body);
        dos.writeLong(-2L);
        dos.writeUTF("t\u00e9xt");
        dos.writeDouble(2.75);
        dos.flush();
        byte[] payload = baos.toByteArray();
        out.append("payload ").append(payload.length).append(' ').append(payload[4]).append('\n');

        Counting counting = new Counting(payload);
        DataInputStream in = new DataInputStream(counting);
        int head = in.readInt();
        byte[] got = new byte[50];
        in.readFully(got);
        long tail = in.readLong();
        String utf = in.readUTF();
        double dbl = in.readDouble();
        out.append("readFully ").append(Integer.toHexString(head)).append(' ').append(Arrays.equals(got, body))
                .append(' ').append(got[49]).append(' ').append(tail).append(' ').append(utf).append(' ').append(dbl)
                .append(" calls=").append(counting.calls).append(" bytes=").append(counting.bytes).append(" eof=")
                .append(in.read()).append('\n');

        Source direct = new Source(payload);
        byte[] buf = new byte[10];
        Arrays.fill(buf, (byte) -1);
        int n = direct.read(buf, 2, 6);
        int m = direct.read(buf);
        out.append("direct ").append(n).append(' ').append(m).append(' ').append(Arrays.toString(buf)).append('\n');
        byte[] rest = direct.readAllBytes();
        byte[] some = new Source(payload).readNBytes(7);
        out.append("readAll ").append(rest.length).append(' ').append(rest[0]).append(' ').append(Arrays.toString(some))
                .append('\n');

        Sink sink = new Sink();
        DataOutputStream toSink = new DataOutputStream(sink);
        toSink.writeShort(0x1234);
        toSink.write(body, 3, 4);
        toSink.writeBytes("ok");
        sink.write(new byte[] {9, 8}, 1, 1);
        out.append("sink ").append(sink.size).append(' ').append(sink.bulk).append(' ')
                .append(Arrays.toString(Arrays.copyOf(sink.kept, sink.size))).append('\n');

        BufferedReader reader = new BufferedReader(new Letters("first line\nsecond, longer line\nthird"), 8);
        out.append("reader ").append(reader.readLine()).append('|').append(reader.readLine()).append('|')
                .append(reader.readLine()).append('|').append(reader.readLine()).append('\n');
        char[] cbuf = new char[4];
        int r = new Letters("abcdefgh").read(cbuf);
        out.append("readChars ").append(r).append(' ').append(new String(cbuf)).append('\n');

        Upper upper = new Upper();
        PrintWriter pw = new PrintWriter(upper);
        pw.print("mixed Case ");
        pw.printf("%d-%s", 42, "x");
        pw.write(new char[] {'a', 'b', 'c'}, 1, 2);
        pw.flush();
        out.append("writer ").append(upper.text).append('\n');

        Adler adler = new Adler();
        CheckedInputStream checked = new CheckedInputStream(new Source(payload), adler);
        byte[] sinkBuf = new byte[16];
        while (checked.read(sinkBuf, 0, sinkBuf.length) >= 0) {
            checked.getChecksum();
        }
        java.util.zip.Adler32 jdk = new java.util.zip.Adler32();
        jdk.update(payload);
        Adler direct2 = new Adler();
        direct2.update(payload, 0, payload.length);
        out.append("checksum ").append(adler.getValue()).append(' ').append(jdk.getValue()).append(' ')
                .append(direct2.getValue());
        return out.toString();
    }
}
