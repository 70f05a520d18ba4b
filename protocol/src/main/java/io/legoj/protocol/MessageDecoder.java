package io.legoj.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Turns one frame body into one {@link Message}. Ownership: the frame is released by the base class
 * after {@link #decode}; messages with payload hold retained slices of it and must be released by
 * whoever consumes them. Malformed input throws {@link ProtocolException}.
 */
public final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    public MessageDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(decode(frame));
    }

    /** Decodes a whole frame body (type, request id, body); exposed for tests and fuzzers. */
    public static Message decode(ByteBuf frame) {
        Wire.need(frame, Protocol.HEADER_BYTES, "frame header");
        byte code = frame.readByte();
        MessageType type = MessageType.of(code);
        if (type == null) {
            throw new ProtocolException("unknown message type " + code);
        }
        long id = frame.readLong();
        Message m = decodeBody(type, id, frame);
        if (frame.isReadable()) {
            m.release();
            Wire.expectEnd(frame, type);
        }
        return m;
    }

    private static Message decodeBody(MessageType type, long id, ByteBuf in) {
        return switch (type) {
            case CHALLENGE -> Challenge.decode(in);
            case HELLO -> Hello.decode(in);
            case WELCOME -> Welcome.decode(in);
            case ERROR -> ErrorMessage.decode(id, in);
            case OK -> new Ok(id);
            case REGION_ALLOC -> RegionAlloc.decode(id, in);
            case REGION_FREE -> RegionFree.decode(id, in);
            case PAGE_BATCH -> PageBatch.decode(id, in);
            case PAGE_DATA -> PageData.decode(id, in);
            case STATS -> new Stats(id);
            case STATS_REPLY -> StatsReply.decode(id, in);
            case ECHO -> Echo.decode(id, in);
            case FILE_STAT -> FileStat.decode(id, in);
            case FILE_STAT_REPLY -> FileStatReply.decode(id, in);
            case FILE_READ -> FileRead.decode(id, in);
            case FILE_DATA -> FileData.decode(id, in);
            case FILE_WRITE -> FileWrite.decode(id, in);
            case FILE_APPEND -> FileAppend.decode(id, in);
            case FILE_LENGTH -> FileLength.decode(id, in);
            case FILE_SET_LENGTH -> FileSetLength.decode(id, in);
            case FILE_CREATE -> FileCreate.decode(id, in);
            case FILE_DELETE -> FileDelete.decode(id, in);
            case FILE_MKDIR -> FileMkdir.decode(id, in);
            case FILE_RENAME -> FileRename.decode(id, in);
            case FILE_LIST -> FileList.decode(id, in);
            case FILE_NAMES -> FileNames.decode(id, in);
            case FILE_SYNC -> FileSync.decode(id, in);
            case FILE_ERROR -> FileError.decode(id, in);
        };
    }
}
