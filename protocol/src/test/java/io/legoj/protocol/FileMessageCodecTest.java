package io.legoj.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileMessageCodecTest {
    private static Message roundTrip(Message m) {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageEncoder());
        ch.writeOutbound(m);
        ByteBuf frame = ch.readOutbound();
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(Protocol.DEFAULT_MAX_FRAME), new MessageDecoder());
        in.writeInbound(frame);
        Message out = in.readInbound();
        assertFalse(ch.finish());
        assertFalse(in.finish());
        return out;
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Test
    void pathRequestsRoundTrip() {
        List<Message> requests = List.of(
                new FileStat(1, "a/b.txt"),
                new FileRead(2, "dir/é", 1L << 40, 65536),
                new FileSetLength(3, "f", 12345),
                new FileCreate(4, "f", true, false),
                new FileCreate(5, "g", false, true),
                new FileDelete(6, "d/e"),
                new FileMkdir(7, "x/y/z", true),
                new FileRename(8, "a", "b/c", true),
                new FileList(9, "", 100),
                new FileSync(10, "f"),
                new FileStatReply(11, FileStatReply.DIRECTORY, 4096, 1_700_000_000_000L),
                new FileLength(12, 1L << 33),
                new FileNames(13, List.of("a", "b é", "c"), true),
                new FileNames(14, List.of(), false),
                new FileError(15, ErrorCode.DIRECTORY_NOT_EMPTY, "a", "b", "Directory not empty"));
        for (Message m : requests) {
            assertEquals(m, roundTrip(m), m.type().toString());
        }
    }

    @Test
    void payloadsTravelRaw() {
        byte[] binary = new byte[70_000];
        new Random(3).nextBytes(binary);
        FileWrite w = (FileWrite) roundTrip(new FileWrite(20, "bin", 99, Unpooled.wrappedBuffer(binary)));
        assertEquals("bin", w.path());
        assertEquals(99, w.offset());
        assertTrue(ByteBufUtil.equals(Unpooled.wrappedBuffer(binary), w.data()));
        w.release();
        assertEquals(0, w.data().refCnt());

        FileAppend a = (FileAppend) roundTrip(new FileAppend(21, "log", bytes("line\n")));
        assertEquals("log", a.path());
        assertEquals("line\n", a.data().toString(StandardCharsets.UTF_8));
        a.release();

        FileData d = (FileData) roundTrip(new FileData(22, 5, bytes("hello")));
        assertEquals(5, d.fileLength());
        assertEquals("hello", d.data().toString(StandardCharsets.UTF_8));
        d.release();

        FileData empty = (FileData) roundTrip(new FileData(23, 0, Unpooled.EMPTY_BUFFER));
        assertEquals(0, empty.data().readableBytes());
        empty.release();
    }

    @Test
    void statReplyFlags() {
        FileStatReply missing = new FileStatReply(1, FileStatReply.MISSING, 0, 0);
        assertFalse(missing.exists());
        FileStatReply file = new FileStatReply(1, FileStatReply.FILE, 3, 0);
        assertTrue(file.exists() && file.isFile() && !file.isDirectory());
        assertThrows(IllegalArgumentException.class, () -> new FileStatReply(1, (byte) 4, 0, 0));
    }

    @Test
    void malformedFileFramesAreProtocolErrors() {
        assertMalformed(frame(MessageType.FILE_READ).writeShort(1).writeByte('a').writeLong(-1).writeInt(1), "negative");
        assertMalformed(frame(MessageType.FILE_READ).writeShort(1).writeByte('a').writeLong(0).writeInt(-5), "negative");
        assertMalformed(frame(MessageType.FILE_WRITE).writeShort(1).writeByte('a').writeLong(0).writeInt(100).writeZero(10),
                "needs 100 bytes");
        assertMalformed(frame(MessageType.FILE_CREATE).writeShort(1).writeByte('a').writeByte(4), "unknown flags");
        assertMalformed(frame(MessageType.FILE_RENAME).writeShort(1).writeByte('a').writeShort(1).writeByte('b').writeByte(2),
                "unknown flags");
        assertMalformed(frame(MessageType.FILE_LIST).writeShort(0).writeInt(-1), "negative");
        assertMalformed(frame(MessageType.FILE_NAMES).writeInt(1 << 30), "needs");
        assertMalformed(frame(MessageType.FILE_STAT_REPLY).writeByte(9).writeLong(0).writeLong(0), "not 0..3");
        assertMalformed(frame(MessageType.FILE_STAT).writeShort(5000), "exceeds");
        assertMalformed(frame(MessageType.FILE_SYNC).writeShort(1).writeByte('a').writeByte(0), "trailing");
    }

    @Test
    void unknownCodesBetweenTheRangesAreRejected() {
        ByteBuf b = Unpooled.buffer().writeByte(15).writeLong(1);
        assertTrue(assertThrows(ProtocolException.class, () -> MessageDecoder.decode(b)).getMessage()
                .contains("unknown message type 15"));
        b.release();
        assertNull(MessageType.of((byte) 63));
        assertEquals(MessageType.FILE_ERROR, MessageType.of((byte) 35));
    }

    @Test
    void relativePathRules() {
        assertNull(FileProtocol.invalidPath(""));
        assertNull(FileProtocol.invalidPath("a"));
        assertNull(FileProtocol.invalidPath("a/b c/é.txt"));
        assertNull(FileProtocol.invalidPath("..a/b.."));
        assertEquals("is absolute (starts with /)", FileProtocol.invalidPath("/etc/passwd"));
        assertEquals("has a '..' name", FileProtocol.invalidPath("a/../../etc"));
        assertEquals("has a '..' name", FileProtocol.invalidPath(".."));
        assertEquals("has a '.' name", FileProtocol.invalidPath("./a"));
        assertEquals("has an empty name (// or a trailing /)", FileProtocol.invalidPath("a//b"));
        assertEquals("has an empty name (// or a trailing /)", FileProtocol.invalidPath("a/"));
        assertEquals("contains a NUL character", FileProtocol.invalidPath("a\0b"));
        assertEquals("has a name longer than 255 bytes", FileProtocol.invalidPath("x".repeat(256)));
        assertEquals("is longer than 4096 bytes", FileProtocol.invalidPath("abc/".repeat(1100) + "d"));
        assertEquals(Protocol.DEFAULT_MAX_FRAME - FileProtocol.WRITE_OVERHEAD, FileProtocol.maxChunk(Protocol.DEFAULT_MAX_FRAME));
        assertEquals(0, FileProtocol.maxChunk(100));
    }

    private static ByteBuf frame(MessageType type) {
        return Unpooled.buffer().writeByte(type.code).writeLong(1);
    }

    private static void assertMalformed(ByteBuf frame, String why) {
        try {
            ProtocolException e = assertThrows(ProtocolException.class, () -> MessageDecoder.decode(frame));
            assertTrue(e.getMessage().contains(why), e.getMessage());
            assertEquals(1, frame.refCnt());
        } finally {
            frame.release();
        }
    }
}
