package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RespClientTest {
    @Test
    void readsEachKindOfReply() throws IOException {
        InputStream in = stream("+OK\r\n-ERR no such key\r\n:42\r\n$5\r\nhe\r\nl\r\n$-1\r\n*3\r\n$1\r\na\r\n:1\r\n*0\r\n$0\r\n\r\n");
        assertEquals(new RespClient.Reply('+', "OK", 2), RespClient.read(in));
        RespClient.Reply error = RespClient.read(in);
        assertTrue(error.isError());
        assertEquals("ERR no such key", error.text());
        assertEquals(new RespClient.Reply(':', "42", 2), RespClient.read(in));
        assertEquals(new RespClient.Reply('$', null, 5), RespClient.read(in), "CRLF inside a bulk string is data");
        assertEquals(new RespClient.Reply('$', null, -1), RespClient.read(in));
        assertEquals(new RespClient.Reply('*', null, 3), RespClient.read(in));
        assertEquals(new RespClient.Reply('$', null, 0), RespClient.read(in), "the array's elements were consumed");
        assertEquals(-1, in.read());
    }

    @Test
    void aReplyCutShortOrMalformedFails() {
        assertThrows(EOFException.class, () -> RespClient.read(stream("")));
        assertThrows(EOFException.class, () -> RespClient.read(stream("$10\r\nabc")));
        assertThrows(EOFException.class, () -> RespClient.read(stream("+OK")));
        assertThrows(IOException.class, () -> RespClient.read(stream("$3\r\nabcd\r\n")));
        assertThrows(IOException.class, () -> RespClient.read(stream("!oops\r\n")));
        assertThrows(IOException.class, () -> RespClient.read(stream("$x\r\n")));
    }

    @Test
    void sendsCommandsAsArraysOfBulkStrings() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String expected = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\nv1\r\n";
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    String got = new String(s.getInputStream().readNBytes(expected.length()), StandardCharsets.UTF_8);
                    s.getOutputStream().write("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    return got;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (RespClient c = RespClient.connect(server.getLocalPort())) {
                assertEquals(new RespClient.Reply('+', "OK", 2), c.call("SET", "k", "v1"));
            }
            assertEquals(expected, received.get());
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
