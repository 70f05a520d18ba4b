package io.legoj.examples.kvstore;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RESP2 requests: arrays of bulk strings ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}) and inline
 * commands ({@code GET k\r\n}), with the limits and error texts of Redis.
 */
final class RespReader {
    static final int MAX_ARGS = 1024 * 1024;
    static final int MAX_BULK = 512 * 1024 * 1024;
    static final int MAX_INLINE = 64 * 1024;

    private final InputStream in;

    /** @param in a buffered stream; this reader reads it a byte at a time */
    RespReader(InputStream in) {
        this.in = in;
    }

    /** True when bytes are ready without blocking: the caller has more of a pipelined batch to read. */
    boolean hasBuffered() throws IOException {
        return in.available() > 0;
    }

    /**
     * The next command's arguments, an empty list for an empty inline line, or null at the end of the
     * stream before any byte of a command.
     */
    List<byte[]> readCommand() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        if (first != '*') {
            return inline(first);
        }
        long count = parseCount(readLine(), "multibulk");
        if (count > MAX_ARGS) {
            throw new RespException("Protocol error: invalid multibulk length");
        }
        List<byte[]> args = new ArrayList<>((int) Math.max(count, 0));
        for (long i = 0; i < count; i++) {
            args.add(readBulk());
        }
        return args;
    }

    private byte[] readBulk() throws IOException {
        int marker = readByte();
        if (marker != '$') {
            throw new RespException("Protocol error: expected '$', got '" + (char) marker + "'");
        }
        long len = parseCount(readLine(), "bulk");
        if (len < 0 || len > MAX_BULK) {
            throw new RespException("Protocol error: invalid bulk length");
        }
        byte[] data = in.readNBytes((int) len);
        if (data.length < len) {
            throw new EOFException("end of stream inside a bulk string");
        }
        if (readByte() != '\r' || readByte() != '\n') {
            throw new RespException("Protocol error: bulk string not followed by CRLF");
        }
        return data;
    }

    private List<byte[]> inline(int first) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = first; b != '\n'; b = readByte()) {
            if (line.length() >= MAX_INLINE) {
                throw new RespException("Protocol error: too big inline request");
            }
            line.append((char) b);
        }
        List<byte[]> args = new ArrayList<>();
        for (String word : line.toString().trim().split("\\s+")) {
            if (!word.isEmpty()) {
                args.add(word.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return args;
    }

    /** A header line without its CRLF. */
    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = readByte(); b != '\r'; b = readByte()) {
            if (sb.length() > 32) {
                throw new RespException("Protocol error: header line too long");
            }
            sb.append((char) b);
        }
        if (readByte() != '\n') {
            throw new RespException("Protocol error: CR not followed by LF");
        }
        return sb.toString();
    }

    private static long parseCount(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new RespException("Protocol error: invalid " + what + " length");
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("end of stream inside a command");
        }
        return b;
    }
}
