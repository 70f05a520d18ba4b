package io.legoj.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Rules of the file messages. A file session is a HELLO whose page size is {@link #SESSION}. Every
 * request names a path relative to the application's root on the storage node: names separated by
 * {@code /}, no leading or trailing {@code /}, no empty name, no {@code .} or {@code ..}, no NUL;
 * the empty path is the root itself. Payload bytes travel raw; one request carries at most
 * {@link #maxChunk(int)} of them.
 */
public final class FileProtocol {
    /** The {@code pageSize} of HELLO that opens a file session (0 opens a statistics-only session). */
    public static final int SESSION = 1;
    /** Longest path, in UTF-8 bytes. */
    public static final int MAX_PATH_BYTES = Wire.MAX_STRING;
    /** Longest single name in a path, in UTF-8 bytes (as on Linux). */
    public static final int MAX_NAME_BYTES = 255;
    /** Bytes of a FILE_WRITE frame besides its data: header, longest path, offset and data length. */
    public static final int WRITE_OVERHEAD = Protocol.HEADER_BYTES + 2 + MAX_PATH_BYTES + 8 + 4;

    private FileProtocol() {
    }

    /** The most data bytes one FILE_WRITE, FILE_APPEND or FILE_DATA may carry under a frame limit. */
    public static int maxChunk(int maxFrame) {
        return Math.max(0, maxFrame - WRITE_OVERHEAD);
    }

    /** Why {@code path} is not a valid relative path, or {@code null} when it is. */
    public static String invalidPath(String path) {
        if (path.isEmpty()) {
            return null;
        }
        if (path.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        if (path.startsWith("/")) {
            return "is absolute (starts with /)";
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return "is longer than " + MAX_PATH_BYTES + " bytes";
        }
        for (String name : path.split("/", -1)) {
            if (name.isEmpty()) {
                return "has an empty name (// or a trailing /)";
            }
            if (name.equals(".") || name.equals("..")) {
                return "has a '" + name + "' name";
            }
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return "has a name longer than " + MAX_NAME_BYTES + " bytes";
            }
        }
        return null;
    }

    /** Reads a flags byte and fails on bits outside {@code allowed}. */
    static byte readFlags(io.netty.buffer.ByteBuf in, int allowed, String field) {
        byte flags = Wire.readByte(in, field);
        if ((flags & ~allowed) != 0) {
            throw new ProtocolException(field + ": unknown flags 0x" + Integer.toHexString(flags & 0xff));
        }
        return flags;
    }

    /** Reads a byte count of raw data and checks that the frame holds that many bytes. */
    static int readDataLength(io.netty.buffer.ByteBuf in, String field) {
        int n = Wire.readInt(in, field);
        if (n < 0) {
            throw new ProtocolException(field + ": negative length " + n);
        }
        Wire.need(in, n, field);
        return n;
    }

    static long readNonNegative(io.netty.buffer.ByteBuf in, String field) {
        long v = Wire.readLong(in, field);
        if (v < 0) {
            throw new ProtocolException(field + ": negative value " + v);
        }
        return v;
    }
}
