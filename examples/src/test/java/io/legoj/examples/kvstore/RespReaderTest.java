package io.legoj.examples.kvstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespReaderTest {
    private static RespReader reader(String s) {
        return new RespReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static List<String> strings(List<byte[]> args) {
        return args.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
    }

    @Test
    void readsPipelinedArraysOfBulkStrings() throws IOException {
        RespReader r = reader("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4\r\na\r\nb\r\n");
        assertEquals(List.of("GET", "k"), strings(r.readCommand()));
        assertEquals(List.of("SET", "k", "a\r\nb"), strings(r.readCommand()));
        assertNull(r.readCommand());
    }

    @Test
    void readsEmptyBulkAndEmptyArray() throws IOException {
        RespReader r = reader("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n*0\r\n");
        assertEquals(List.of("ECHO", ""), strings(r.readCommand()));
        assertEquals(List.of(), r.readCommand());
    }

    @Test
    void readsInlineCommands() throws IOException {
        RespReader r = reader("PING\r\n  set   k  v \n\r\n");
        assertEquals(List.of("PING"), strings(r.readCommand()));
        assertEquals(List.of("set", "k", "v"), strings(r.readCommand()));
        assertEquals(List.of(), r.readCommand());
    }

    @Test
    void rejectsMalformedInputWithRedisMessages() {
        assertMessage("Protocol error: invalid multibulk length", "*x\r\n");
        assertMessage("Protocol error: invalid multibulk length", "*99999999\r\n");
        assertMessage("Protocol error: expected '$', got ':'", "*1\r\n:1\r\n");
        assertMessage("Protocol error: invalid bulk length", "*1\r\n$-5\r\n");
        assertMessage("Protocol error: invalid bulk length", "*1\r\n$abc\r\n");
        assertMessage("Protocol error: bulk string not followed by CRLF", "*1\r\n$1\r\nab\r\n");
        assertMessage("Protocol error: CR not followed by LF", "*1\rx");
    }

    @Test
    void endOfStreamInsideACommandIsAnEofException() {
        assertThrows(EOFException.class, () -> reader("*2\r\n$3\r\nGET\r\n").readCommand());
        assertThrows(EOFException.class, () -> reader("*1\r\n$10\r\nabc").readCommand());
        assertThrows(EOFException.class, () -> reader("PING").readCommand());
    }

    private static void assertMessage(String expected, String input) {
        RespException e = assertThrows(RespException.class, () -> reader(input).readCommand());
        assertEquals(expected, e.getMessage());
    }
}
