package io.legoj.storagenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.FileAppend;
import io.legoj.protocol.FileCreate;
import io.legoj.protocol.FileData;
import io.legoj.protocol.FileDelete;
import io.legoj.protocol.FileError;
import io.legoj.protocol.FileLength;
import io.legoj.protocol.FileList;
import io.legoj.protocol.FileMkdir;
import io.legoj.protocol.FileNames;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.FileRead;
import io.legoj.protocol.FileRename;
import io.legoj.protocol.FileSetLength;
import io.legoj.protocol.FileStat;
import io.legoj.protocol.FileStatReply;
import io.legoj.protocol.FileSync;
import io.legoj.protocol.FileWrite;
import io.legoj.protocol.Message;
import io.legoj.protocol.MessageType;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ok;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.Stats;
import io.legoj.protocol.StatsReply;
import io.legoj.protocol.Welcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageNodeHandlerTest {
    static final String SECRET = "s3cret";

    @TempDir
    Path dir;
    private final ManualTicker ticker = new ManualTicker();
    private StorageNode node;
    private EmbeddedClient c;

    @BeforeEach
    void open() {
        node = node(64 << 10);
        c = EmbeddedClient.open(node, "app");
    }

    private StorageNode node(int maxFrame) {
        return new StorageNode(StorageNodeConfig.of(dir, SECRET).withTicker(ticker).withMaxFrame(maxFrame)
                .withCheckpoint(1L << 40, Duration.ofSeconds(10)), new DirectExecutor());
    }

    @AfterEach
    void close() {
        c.close();
        node.close();
    }

    private static ByteBuf utf8(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private long write(EmbeddedClient client, String path, long offset, String text) {
        return assertInstanceOf(FileLength.class, client.call(new FileWrite(client.nextId(), path, offset, utf8(text)))).length();
    }

    private String read(EmbeddedClient client, String path, long offset, int length) {
        FileData d = assertInstanceOf(FileData.class, client.call(new FileRead(client.nextId(), path, offset, length)));
        try {
            return d.data().toString(StandardCharsets.UTF_8);
        } finally {
            d.release();
        }
    }

    private FileStatReply stat(EmbeddedClient client, String path) {
        return assertInstanceOf(FileStatReply.class, client.call(new FileStat(client.nextId(), path)));
    }

    private void ok(Message request) {
        assertInstanceOf(Ok.class, c.call(request), request.toString());
    }

    @Test
    void handshakeWelcomesWithNodeIdAndUse() {
        try (EmbeddedClient other = new EmbeddedClient(node)) {
            assertEquals(Protocol.VERSION, other.challenge.protocolVersion());
            assertEquals(64 << 10, other.challenge.maxFrame());
            Welcome w = assertInstanceOf(Welcome.class, other.hello(SECRET, "app2", FileProtocol.SESSION));
            assertEquals("storagenode 127.0.0.1:0", w.nodeId());
            assertEquals(0, w.used());
            assertTrue(w.capacity() > 0);
            assertEquals(2, node.stats().connections);
            assertEquals(2, node.stats().applications);
        }
        assertEquals(1, node.stats().connections);
    }

    @Test
    void wrongSecretIsRejectedClosedAndCounted() {
        try (EmbeddedClient other = new EmbeddedClient(node)) {
            ErrorMessage e = assertInstanceOf(ErrorMessage.class, other.hello("guess", "app", FileProtocol.SESSION));
            assertEquals(new ErrorMessage(0, ErrorCode.AUTH_FAILED, "wrong cluster secret"), e);
            assertFalse(other.isOpen());
            assertEquals(1, node.stats().rejectedConnections);
        }
    }

    @Test
    void firstMessageMustBeHello() {
        try (EmbeddedClient other = new EmbeddedClient(node)) {
            ErrorMessage e = assertInstanceOf(ErrorMessage.class, other.call(new FileStat(5, "x")));
            assertEquals(ErrorCode.NOT_AUTHENTICATED, e.code());
            assertEquals(5, e.requestId());
            assertFalse(other.isOpen());
        }
    }

    @Test
    void sessionKindAndApplicationIdAreChecked() {
        try (EmbeddedClient other = new EmbeddedClient(node)) {
            ErrorMessage e = assertInstanceOf(ErrorMessage.class, other.hello(SECRET, "app", 4096));
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
            assertTrue(e.message().contains("4096"), e.message());
            assertFalse(other.isOpen());
        }
        for (String bad : List.of("..", "../evil", "a/b", ".hidden", "")) {
            try (EmbeddedClient other = new EmbeddedClient(node)) {
                ErrorMessage e = assertInstanceOf(ErrorMessage.class, other.hello(SECRET, bad, FileProtocol.SESSION));
                assertEquals(ErrorCode.BAD_REQUEST, e.code(), bad);
                assertFalse(other.isOpen());
            }
        }
        assertFalse(Files.exists(dir.resolve("evil")));
    }

    @Test
    void adminSessionAnswersStatsButNoFileRequests() {
        try (EmbeddedClient admin = new EmbeddedClient(node)) {
            assertInstanceOf(Welcome.class, admin.hello(SECRET, "legoj-stat", 0));
            StatsReply r = assertInstanceOf(StatsReply.class, admin.call(new Stats(admin.nextId())));
            assertTrue(r.yaml().contains("kind: storagenode"), r.yaml());
            NodeStats generic = NodeStats.fromYaml(r.yaml());
            assertEquals("storagenode", generic.kind);
            ErrorMessage e = assertInstanceOf(ErrorMessage.class, admin.call(new FileStat(admin.nextId(), "x")));
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
            assertTrue(admin.isOpen());
        }
    }

    @Test
    void writeAppendReadAndStat() throws IOException {
        assertEquals(5, write(c, "greeting.txt", 0, "hello"));
        assertEquals(11, assertInstanceOf(FileLength.class,
                c.call(new FileAppend(c.nextId(), "greeting.txt", utf8(" world")))).length());
        assertEquals("hello world", read(c, "greeting.txt", 0, 100));
        assertEquals("world", read(c, "greeting.txt", 6, 5));
        assertEquals("", read(c, "greeting.txt", 11, 10));
        assertEquals("", read(c, "greeting.txt", 1000, 10));
        FileStatReply s = stat(c, "greeting.txt");
        assertTrue(s.isFile());
        assertEquals(11, s.length());
        assertTrue(s.lastModified() > 0);
        assertFalse(stat(c, "missing").exists());
        assertTrue(stat(c, "").isDirectory());
        assertEquals("hello world", Files.readString(dir.resolve("data/app/greeting.txt")));
        assertEquals(1, node.stats().files);
        assertEquals(11, node.stats().used);
    }

    @Test
    void writesPastTheEndFillWithZerosAndSetLengthTruncatesOrExtends() throws IOException {
        write(c, "f", 4, "x");
        assertArrayEquals(new byte[] {0, 0, 0, 0, 'x'}, Files.readAllBytes(dir.resolve("data/app/f")));
        ok(new FileSetLength(c.nextId(), "f", 2));
        assertEquals(2, stat(c, "f").length());
        ok(new FileSetLength(c.nextId(), "f", 8));
        assertArrayEquals(new byte[8], Files.readAllBytes(dir.resolve("data/app/f")));
        assertEquals(8, node.stats().used);
    }

    @Test
    void createExclusiveTruncateAndDirectories() {
        assertEquals(0, assertInstanceOf(FileLength.class, c.call(new FileCreate(c.nextId(), "new", true, false))).length());
        c.expectError(ErrorCode.ALREADY_EXISTS, c.call(new FileCreate(c.nextId(), "new", true, false)));
        write(c, "new", 0, "abc");
        assertEquals(3, assertInstanceOf(FileLength.class, c.call(new FileCreate(c.nextId(), "new", false, false))).length());
        assertEquals(0, assertInstanceOf(FileLength.class, c.call(new FileCreate(c.nextId(), "new", false, true))).length());
        ok(new FileMkdir(c.nextId(), "d", false));
        c.expectError(ErrorCode.ALREADY_EXISTS, c.call(new FileMkdir(c.nextId(), "d", false)));
        ok(new FileMkdir(c.nextId(), "d", true));
        ok(new FileMkdir(c.nextId(), "x/y/z", true));
        assertTrue(stat(c, "x/y/z").isDirectory());
        c.expectError(ErrorCode.IS_A_DIRECTORY, c.call(new FileCreate(c.nextId(), "d", false, true)));
        c.expectError(ErrorCode.ALREADY_EXISTS, c.call(new FileCreate(c.nextId(), "d", true, false)));
    }

    @Test
    void failuresAreThoseOfALocalFileSystem() {
        write(c, "file", 0, "data");
        ok(new FileMkdir(c.nextId(), "full", false));
        write(c, "full/inside", 0, "x");
        c.expectError(ErrorCode.NOT_FOUND, c.call(new FileRead(c.nextId(), "missing", 0, 10)));
        c.expectError(ErrorCode.IS_A_DIRECTORY, c.call(new FileRead(c.nextId(), "full", 0, 10)));
        c.expectError(ErrorCode.NOT_FOUND, c.call(new FileWrite(c.nextId(), "nodir/x", 0, utf8("x"))));
        FileError under = c.expectError(ErrorCode.NOT_A_DIRECTORY, c.call(new FileWrite(c.nextId(), "file/x", 0, utf8("x"))));
        assertEquals(new FileError(under.requestId(), ErrorCode.NOT_A_DIRECTORY, "file/x", "", "Not a directory"), under);
        c.expectError(ErrorCode.DIRECTORY_NOT_EMPTY, c.call(new FileDelete(c.nextId(), "full")));
        c.expectError(ErrorCode.NOT_FOUND, c.call(new FileDelete(c.nextId(), "missing")));
        c.expectError(ErrorCode.NOT_A_DIRECTORY, c.call(new FileList(c.nextId(), "file", 0)));
        c.expectError(ErrorCode.NOT_FOUND, c.call(new FileList(c.nextId(), "missing", 0)));
        c.expectError(ErrorCode.NOT_FOUND, c.call(new FileMkdir(c.nextId(), "a/b", false)));
        FileError mkdirs = c.expectError(ErrorCode.NOT_A_DIRECTORY, c.call(new FileMkdir(c.nextId(), "file/x/y", true)));
        assertEquals("file/x", mkdirs.file());
        c.expectError(ErrorCode.ALREADY_EXISTS, c.call(new FileMkdir(c.nextId(), "file", true)));
        c.expectError(ErrorCode.NOT_FOUND, c.call(new FileSetLength(c.nextId(), "missing", 1)));
        c.expectError(ErrorCode.NOT_FOUND, c.call(new FileSync(c.nextId(), "missing")));
        FileError from = c.expectError(ErrorCode.NOT_FOUND, c.call(new FileRename(c.nextId(), "missing", "b", false)));
        assertEquals("missing", from.file());
        FileError to = c.expectError(ErrorCode.ALREADY_EXISTS, c.call(new FileRename(c.nextId(), "file", "full/inside", false)));
        assertEquals("full/inside", to.file());
        FileError noParent = c.expectError(ErrorCode.NOT_FOUND, c.call(new FileRename(c.nextId(), "file", "nodir/x", false)));
        assertEquals(List.of("file", "nodir/x"), List.of(noParent.file(), noParent.other()));
        c.expectError(ErrorCode.DIRECTORY_NOT_EMPTY, c.call(new FileRename(c.nextId(), "file", "full", true)));
        c.expectError(ErrorCode.IO_ERROR, c.call(new FileRename(c.nextId(), "full", "full/sub", false)));
        assertEquals("data", read(c, "file", 0, 10));
        assertEquals(0, node.stats().journalBytes > 0 ? 0 : 1, "the successful writes were journaled");
        assertTrue(c.isOpen());
    }

    @Test
    void invalidPathsAreRefusedAndNothingIsCreatedOutsideTheRoot() {
        for (String bad : List.of("../escape", "/etc/passwd", "a//b", "a/", "./a", "a/../../b", "nul\0char")) {
            FileError e = c.expectError(ErrorCode.INVALID_PATH, c.call(new FileWrite(c.nextId(), bad, 0, utf8("x"))));
            assertTrue(e.reason().startsWith("invalid path: it "), e.reason());
            c.expectError(ErrorCode.INVALID_PATH, c.call(new FileStat(c.nextId(), bad)));
            c.expectError(ErrorCode.INVALID_PATH, c.call(new FileRename(c.nextId(), bad, "ok", true)));
        }
        c.expectError(ErrorCode.INVALID_PATH, c.call(new FileDelete(c.nextId(), "")));
        assertFalse(Files.exists(dir.resolve("data/escape")));
        assertFalse(Files.exists(dir.resolve("escape")));
        assertTrue(c.isOpen());
    }

    @Test
    void renameReplacesDeleteRemovesAndListsAreSortedPages() {
        write(c, "a", 0, "A");
        write(c, "b", 0, "B");
        ok(new FileRename(c.nextId(), "a", "b", true));
        assertEquals("A", read(c, "b", 0, 10));
        assertFalse(stat(c, "a").exists());
        assertEquals(1, node.stats().files);
        ok(new FileMkdir(c.nextId(), "dir", false));
        for (int i = 0; i < 300; i++) {
            write(c, String.format("dir/name-%03d-%s", i, "x".repeat(240)), 0, "");
        }
        FileNames first = assertInstanceOf(FileNames.class, c.call(new FileList(c.nextId(), "dir", 0)));
        assertTrue(first.more(), "300 long names do not fit in one 64 KiB frame");
        FileNames rest = assertInstanceOf(FileNames.class, c.call(new FileList(c.nextId(), "dir", first.names().size())));
        assertFalse(rest.more());
        assertEquals(300, first.names().size() + rest.names().size());
        assertTrue(first.names().get(0).startsWith("name-000"));
        assertTrue(rest.names().get(rest.names().size() - 1).startsWith("name-299"));
        ok(new FileRename(c.nextId(), "dir", "moved", false));
        assertEquals(List.of("b", "moved"), assertInstanceOf(FileNames.class, c.call(new FileList(c.nextId(), "", 0))).names());
        ok(new FileDelete(c.nextId(), "b"));
        assertEquals(300, node.stats().files);
        ok(new FileSync(c.nextId(), "moved/" + rest.names().get(0)));
        ok(new FileSync(c.nextId(), "moved"));
    }

    @Test
    void applicationsSeeOnlyTheirOwnFiles() {
        write(c, "secret.txt", 0, "mine");
        try (EmbeddedClient other = EmbeddedClient.open(node, "other-app")) {
            assertFalse(stat(other, "secret.txt").exists());
            other.expectError(ErrorCode.NOT_FOUND, other.call(new FileRead(other.nextId(), "secret.txt", 0, 4)));
            assertEquals(List.of(), assertInstanceOf(FileNames.class, other.call(new FileList(other.nextId(), "", 0))).names());
            write(other, "secret.txt", 0, "theirs");
        }
        assertEquals("mine", read(c, "secret.txt", 0, 10));
    }

    @Test
    void oversizedReadsAndWritesAreRefused() {
        int max = FileProtocol.maxChunk(64 << 10);
        ErrorMessage e = assertInstanceOf(ErrorMessage.class, c.call(new FileRead(c.nextId(), "f", 0, max + 1)));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        write(c, "f", 0, "x".repeat(max));
        assertEquals(max, stat(c, "f").length());
        assertTrue(c.isOpen());
    }

    @Test
    void malformedInputClosesOnlyThatConnection() {
        try (EmbeddedClient bad = EmbeddedClient.open(node, "app")) {
            bad.channel.writeInbound(Unpooled.buffer().writeInt(Protocol.HEADER_BYTES + 3)
                    .writeByte(MessageType.FILE_STAT.code).writeLong(1).writeShort(100).writeByte(0));
            assertFalse(bad.isOpen());
        }
        assertFalse(stat(c, "nothing-yet").exists());
        assertTrue(c.isOpen());
    }

    @Test
    void timerCheckpointsWithTheInjectedClockAndDropsTheOldJournal() throws IOException {
        write(c, "f", 0, "before");
        long generationsBefore = generations();
        assertTrue(node.stats().journalBytes > 0);
        assertFalse(node.maybeCheckpoint(), "not due yet");
        ticker.advance(Duration.ofSeconds(11));
        assertTrue(node.maybeCheckpoint());
        assertEquals(0, node.stats().journalBytes);
        assertEquals(1, generations());
        assertEquals(1, generationsBefore);
        assertFalse(node.maybeCheckpoint(), "nothing journaled since");
        ticker.advance(Duration.ofSeconds(11));
        assertFalse(node.maybeCheckpoint(), "nothing journaled since, whatever the time");
        write(c, "f", 0, "after");
        assertTrue(node.maybeCheckpoint(), "the interval passed long ago and something is journaled now");
        write(c, "f", 0, "after");
        assertFalse(node.maybeCheckpoint());
        ticker.advance(Duration.ofSeconds(10));
        assertTrue(node.maybeCheckpoint());
        assertEquals("after!", read(c, "f", 0, 5) + "!");
    }

    private long generations() throws IOException {
        try (var s = Files.list(dir.resolve("journal"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
        }
    }

    @Test
    void aNodeReopenedAfterCloseHasNothingToReplay() {
        write(c, "kept", 0, "value");
        c.close();
        node.close();
        node = node(64 << 10);
        c = EmbeddedClient.open(node, "app");
        assertEquals("value", read(c, "kept", 0, 10));
        assertEquals(0, node.stats().recoveredEntries);
        assertEquals(1, node.stats().files);
        assertEquals(5, node.stats().used);
    }

    @Test
    void readingNothingOfAnEmptyFile() {
        c.call(new FileCreate(c.nextId(), "empty", true, false));
        assertNull(null);
        assertEquals("", read(c, "empty", 0, 100));
    }
}
