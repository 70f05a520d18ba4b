package io.legoj.examples.kvstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KvStore's server and KvLoad over real loopback sockets, in this JVM. */
class ServerTest {
    @TempDir
    Path dir;

    private static Engine engine() {
        return new Engine(new Store(System::currentTimeMillis), CommandTable.standard());
    }

    @Test
    void kvLoadGetsTheSameDigestFromTwoServersAndTheAofRestoresTheData() throws Exception {
        File aof = dir.resolve("kv.aof").toFile();
        Engine first = engine();
        first.logTo(Aof.open(aof));
        KvLoad.Result a;
        try (Server s = Server.start(first, 0)) {
            a = KvLoad.run("127.0.0.1", s.port(), 5000, 200, 42, 16);
        }
        first.closeAof();
        KvLoad.Result b;
        try (Server s = Server.start(engine(), 0)) {
            b = KvLoad.run("127.0.0.1", s.port(), 5000, 200, 42, 1);
        }
        assertEquals(a, b);
        assertNotEquals(0, a.errors());
        try (Server s = Server.start(engine(), 0)) {
            assertNotEquals(a.digest(), KvLoad.run("127.0.0.1", s.port(), 5000, 200, 43, 16).digest());
        }

        Engine replayed = engine();
        replayed.replay(aof);
        assertEquals(first.store().size(), replayed.store().size());
    }

    @Test
    void inlineCommandsProtocolErrorsAndQuit() throws Exception {
        try (Server s = Server.start(engine(), 0)) {
            assertEquals("+PONG\r\n+OK\r\n$1\r\nv\r\n+OK\r\n", converse(s, "PING\r\nSET k v\r\nGET k\r\nQUIT\r\nPING\r\n"));
            assertEquals("-ERR Protocol error: invalid bulk length\r\n", converse(s, "*1\r\n$x\r\n"));
        }
    }

    /** Sends {@code input} and returns everything the server wrote until it closed the connection. */
    private static String converse(Server s, String input) throws IOException {
        try (Socket c = new Socket("127.0.0.1", s.port())) {
            c.setSoTimeout(10_000);
            OutputStream out = c.getOutputStream();
            out.write(input.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = c.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.transferTo(got);
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}
