package io.legoj.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a {@link Message} as one length-prefixed frame. Ownership: the encoder releases the
 * message's buffers once they are copied into the frame.
 */
public final class MessageEncoder extends MessageToByteEncoder<Message> {
    public MessageEncoder() {
        super(Message.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Message msg, boolean preferDirect) {
        return ctx.alloc().ioBuffer(4 + Protocol.HEADER_BYTES + msg.bodySizeHint());
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
        try {
            encode(msg, out);
        } finally {
            msg.release();
        }
    }

    /** Appends the frame of {@code msg} to {@code out}; does not release the message. */
    public static void encode(Message msg, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0).writeByte(msg.type().code).writeLong(msg.requestId());
        msg.encodeBody(out);
        out.setInt(start, out.writerIndex() - start - 4);
    }
}
