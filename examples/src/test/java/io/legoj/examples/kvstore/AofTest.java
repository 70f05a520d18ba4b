package io.legoj.examples.kvstore;

import static io.legoj.examples.kvstore.Resp.NIL;
import static io.legoj.examples.kvstore.Resp.bulk;
import static io.legoj.examples.kvstore.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AofTest {
    @TempDir
    Path dir;

    private Resp logging(File file) throws IOException {
        Resp r = new Resp();
        r.engine.replay(file);
        r.engine.logTo(Aof.open(file));
        return r;
    }

    @Test
    void replayRestoresEveryTypeAndOnlyChangesAreLogged() throws IOException {
        File file = dir.resolve("sub/dir/kv.aof").toFile();
        Resp a = logging(file);
        a.run("SET", "s", "v");
        a.run("SET", "s", "other", "NX");
        a.run("INCRBY", "n", "5");
        a.run("RPUSH", "l", "a", "b", "c");
        a.run("LPOP", "l");
        a.run("HSET", "h", "f", "1", "g", "2");
        a.run("HDEL", "h", "f");
        a.run("GET", "s");
        a.run("DEL", "missing");
        a.run("INCR", "s");
        a.engine.endBatch();
        a.engine.closeAof();
        String log = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        assertEquals(6, log.lines().filter(l -> l.startsWith("*")).count(), log);

        Resp b = logging(file);
        assertEquals(bulk("v"), b.run("GET", "s"));
        assertEquals(bulk("5"), b.run("GET", "n"));
        assertEquals("*2\r\n" + bulk("b") + bulk("c"), b.run("LRANGE", "l", "0", "-1"));
        assertEquals("*2\r\n" + bulk("g") + bulk("2"), b.run("HGETALL", "h"));
        assertEquals(integer(4), b.run("DBSIZE"));
    }

    @Test
    void relativeExpiryIsLoggedAsAbsoluteTime() throws IOException {
        File file = dir.resolve("kv.aof").toFile();
        Resp a = logging(file);
        a.run("SET", "k", "v", "EX", "10");
        a.run("SET", "p", "v");
        a.run("EXPIRE", "p", "20");
        a.engine.closeAof();
        String log = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        assertTrue(log.contains("PXAT\r\n$7\r\n1010000\r\n"), log);
        assertTrue(log.contains("PEXPIREAT\r\n$1\r\np\r\n$7\r\n1020000\r\n"), log);

        Resp later = new Resp();
        later.clock.set(1_015_000);
        later.engine.replay(file);
        assertEquals(NIL, later.run("GET", "k"));
        assertEquals(integer(5), later.run("TTL", "p"));
    }

    @Test
    void aCommandCutShortAtTheEndIsDroppedAndTheFileTruncated() throws IOException {
        File file = dir.resolve("kv.aof").toFile();
        Resp a = logging(file);
        a.run("SET", "a", "1");
        a.run("SET", "b", "2");
        a.engine.closeAof();
        long full = file.length();
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            raf.setLength(full - 3);
        }
        Resp b = logging(file);
        assertEquals(bulk("1"), b.run("GET", "a"));
        assertEquals(NIL, b.run("GET", "b"));
        b.run("SET", "c", "3");
        b.engine.closeAof();
        Resp c = logging(file);
        assertEquals(bulk("3"), c.run("GET", "c"));
        assertEquals(integer(2), c.run("DBSIZE"));
    }
}
