package io.legoj.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a directory listing; {@code more} says that another FILE_LIST from
 * {@code start + names.size()} has the rest. Wire body: {@code u32 n | n x string | u8 more}.
 */
public record FileNames(long requestId, List<String> names, boolean more) implements Message {
    public FileNames {
        names = List.copyOf(names);
    }

    @Override
    public MessageType type() {
        return MessageType.FILE_NAMES;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt(names.size());
        for (String n : names) {
            Wire.writeString(out, n);
        }
        out.writeByte(more ? 1 : 0);
    }

    @Override
    public int bodySizeHint() {
        int size = 5;
        for (String n : names) {
            size += Wire.stringSize(n);
        }
        return size;
    }

    static FileNames decode(long requestId, ByteBuf in) {
        int n = Wire.readInt(in, "FILE_NAMES.n");
        if (n < 0) {
            throw new ProtocolException("FILE_NAMES.n: negative count " + n);
        }
        Wire.need(in, 2L * n, "FILE_NAMES.names");
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(Wire.readString(in, "FILE_NAMES.names"));
        }
        return new FileNames(requestId, names, FileProtocol.readFlags(in, 1, "FILE_NAMES.more") != 0);
    }
}
