package io.legoj.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A Redis-protocol (RESP2) client over one loopback socket: commands are buffered until
 * {@link #flush}, so that a caller pipelines by sending several before reading their replies.
 */
final class RespClient implements AutoCloseable {
    /** A reply too slow to come is a failed measurement, not a hang. */
    private static final int READ_TIMEOUT_MS = 120_000;

    /**
     * One reply: its type byte ({@code + - : $ *}); the line of a simple string, error or integer;
     * the length of a bulk string (its bytes are skipped, -1 for nil) or the element count of an array.
     */
    record Reply(char type, String text, int length) {
        boolean isError() {
            return type == '-';
        }

        @Override
        public String toString() {
            return type == '$' || type == '*' ? type + Integer.toString(length) : type + text;
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RespClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    static RespClient connect(int port) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            s.setTcpNoDelay(true);
            s.setSoTimeout(READ_TIMEOUT_MS);
            return new RespClient(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Buffers one command, an array of bulk strings. */
    void send(byte[]... args) throws IOException {
        header('*', args.length);
        for (byte[] a : args) {
            header('$', a.length);
            out.write(a);
            out.write('\r');
            out.write('\n');
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    Reply read() throws IOException {
        return read(in);
    }

    /** Sends one command and waits for its reply. */
    Reply call(String... args) throws IOException {
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        send(bytes);
        flush();
        return read();
    }

    private void header(char type, int n) throws IOException {
        out.write(type);
        out.write(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
    }

    /** Reads one reply from {@code in}; an array's elements are read and dropped. */
    static Reply read(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the server closed the connection");
        }
        String line = line(in);
        switch (type) {
            case '+', '-', ':' -> {
                return new Reply((char) type, line, line.length());
            }
            case '$' -> {
                int len = number(line);
                if (len >= 0) {
                    in.skipNBytes(len);
                    crlf(in);
                }
                return new Reply('$', null, len);
            }
            case '*' -> {
                int n = number(line);
                for (int i = 0; i < n; i++) {
                    read(in);
                }
                return new Reply('*', null, n);
            }
            default -> throw new IOException("not a RESP reply: type byte " + type + " followed by '" + line + "'");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection inside a reply");
            }
            sb.append((char) b);
        }
        if (in.read() != '\n') {
            throw new IOException("a RESP line ends with \\r but no \\n: '" + sb + "'");
        }
        return sb.toString();
    }

    private static void crlf(InputStream in) throws IOException {
        int cr = in.read();
        int lf = in.read();
        if (cr < 0 || lf < 0) {
            throw new EOFException("the server closed the connection inside a reply");
        }
        if (cr != '\r' || lf != '\n') {
            throw new IOException("a RESP bulk string is longer than its length says");
        }
    }

    private static int number(String line) throws IOException {
        try {
            return Integer.parseInt(line);
        } catch (NumberFormatException e) {
            throw new IOException("not a RESP length: '" + line + "'");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
