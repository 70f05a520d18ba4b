package io.legoj.protocol;

import io.netty.buffer.ByteBuf;

/** A failed request: a stable code and a sentence for people. */
public record ErrorMessage(long requestId, ErrorCode code, String message) implements Message {
    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeShort(code.code);
        String m = message.length() > Wire.MAX_STRING / 3 ? message.substring(0, Wire.MAX_STRING / 3) : message;
        Wire.writeString(out, m);
    }

    @Override
    public int bodySizeHint() {
        return 2 + Wire.stringSize(message);
    }

    static ErrorMessage decode(long requestId, ByteBuf in) {
        ErrorCode code = ErrorCode.of((short) Wire.readUnsignedShort(in, "ERROR.code"));
        return new ErrorMessage(requestId, code, Wire.readString(in, "ERROR.message"));
    }
}
