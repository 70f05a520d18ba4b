package io.legoj.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Primitive field codecs shared by the message classes; every read checks the bytes it needs. */
public final class Wire {
    /** Longest string field (application ids, node ids, error messages), in UTF-8 bytes. */
    public static final int MAX_STRING = 4096;

    private Wire() {
    }

    public static void writeString(ByteBuf out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_STRING) {
            throw new IllegalArgumentException("string of " + b.length + " bytes exceeds " + MAX_STRING);
        }
        out.writeShort(b.length);
        out.writeBytes(b);
    }

    public static String readString(ByteBuf in, String field) {
        int len = readUnsignedShort(in, field);
        if (len > MAX_STRING) {
            throw new ProtocolException(field + ": string length " + len + " exceeds " + MAX_STRING);
        }
        need(in, len, field);
        String s = in.toString(in.readerIndex(), len, StandardCharsets.UTF_8);
        in.skipBytes(len);
        return s;
    }

    public static int stringSize(String s) {
        return 2 + s.length() * 3;
    }

    public static long readLong(ByteBuf in, String field) {
        need(in, 8, field);
        return in.readLong();
    }

    public static int readInt(ByteBuf in, String field) {
        need(in, 4, field);
        return in.readInt();
    }

    public static int readUnsignedShort(ByteBuf in, String field) {
        need(in, 2, field);
        return in.readUnsignedShort();
    }

    public static byte readByte(ByteBuf in, String field) {
        need(in, 1, field);
        return in.readByte();
    }

    /** Fails unless {@code bytes} (computed in long, so counts times sizes cannot wrap) are readable. */
    public static void need(ByteBuf in, long bytes, String field) {
        if (in.readableBytes() < bytes) {
            throw new ProtocolException(field + ": needs " + bytes + " bytes, frame has " + in.readableBytes());
        }
    }

    /** Fails if a decoded body left bytes unread: a frame must be exactly one message. */
    public static void expectEnd(ByteBuf in, MessageType type) {
        if (in.isReadable()) {
            throw new ProtocolException(type + ": " + in.readableBytes() + " trailing bytes");
        }
    }
}
