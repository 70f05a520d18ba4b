package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A file request failed as it would on a local file system. {@code file} and {@code other} are the
 * request's relative paths the failure is about ({@code other} is the second path of a rename, or
 * empty); {@code reason} is the system's wording ("Not a directory"), or empty. A client turns it
 * into the JDK's exception: NOT_FOUND into {@code NoSuchFileException(file, other, reason)} and so on.
 * Wire body: {@code u16 code | file | other | reason}.
 */
public record FileError(long requestId, ErrorCode code, String file, String other, String reason) implements Message {
    @Override
    public MessageType type() {
        return MessageType.FILE_ERROR;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeShort(code.code);
        Wire.writeString(out, file);
        Wire.writeString(out, other);
        Wire.writeString(out, reason.length() > Wire.MAX_STRING / 3 ? reason.substring(0, Wire.MAX_STRING / 3) : reason);
    }

    @Override
    public int bodySizeHint() {
        return 2 + Wire.stringSize(file) + Wire.stringSize(other) + Wire.stringSize(reason);
    }

    static FileError decode(long requestId, ByteBuf in) {
        ErrorCode code = ErrorCode.of((short) Wire.readUnsignedShort(in, "FILE_ERROR.code"));
        return new FileError(requestId, code, Wire.readString(in, "FILE_ERROR.file"),
                Wire.readString(in, "FILE_ERROR.other"), Wire.readString(in, "FILE_ERROR.reason"));
    }
}
