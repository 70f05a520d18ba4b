package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kvstore example under the agent ({@code objects=remote}, {@code arrays=remote} with every
 * non-empty array remote, its AOF on a storage node) serves
 * Debian's {@code redis-cli} (a scripted session, every reply checked) and {@code redis-benchmark}
 * (no error), and a restart with the same application id and storage node finds its data again.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class KvStoreRedisToolsTest {
    private static final String SECRET = "redis-tools-secret";
    private static final String APP_ID = "kvstore-redis-tools";
    private static final String LISTENING = "kvstore listening on ";
    private static final Duration START = Duration.ofSeconds(60);

    /** Each command of the session and the lines redis-cli prints for its reply (raw output: nil is blank). */
    private static final List<String[]> SESSION = List.of(
            new String[] {"SET greeting hello", "OK"},
            new String[] {"GET greeting", "hello"},
            new String[] {"SET counter 10", "OK"},
            new String[] {"INCR counter", "11"},
            new String[] {"EXPIRE greeting 1000", "1"},
            new String[] {"TTL greeting", "(1000|999)"},
            new String[] {"LPUSH list a b c", "3"},
            new String[] {"LRANGE list 0 -1", "c", "b", "a"},
            new String[] {"HSET hash f1 v1 f2 v2", "2"},
            new String[] {"HGETALL hash", "f1", "v1", "f2", "v2"},
            new String[] {"SET doomed x", "OK"},
            new String[] {"DEL doomed nokey", "1"},
            new String[] {"GET doomed", ""},
            new String[] {"GET list", "WRONGTYPE Operation against a key holding the wrong kind of value", ""},
            new String[] {"INCR greeting", "ERR value is not an integer or out of range", ""},
            new String[] {"NOSUCH a b", "ERR unknown command 'NOSUCH', with args beginning with: 'a' 'b' ", ""},
            new String[] {"GET", "ERR wrong number of arguments for 'get' command", ""},
            new String[] {"HSET hash f", "ERR wrong number of arguments for 'hset' command", ""});

    /**
     * What the restarted server must answer as before: the session's keys and redis-benchmark's (without
     * {@code -r} its key names keep the literal {@code __rand_int__}; its values are 3 random letters).
     */
    private static final List<String> STATE = List.of("DBSIZE", "GET greeting", "GET counter", "LRANGE list 0 -1",
            "HGETALL hash", "GET key:__rand_int__", "GET counter:__rand_int__", "LLEN mylist", "EXISTS doomed");

    @TempDir
    Path dir;

    /** About a quarter of the ~600 KiB of pages the run touches (measured with a cache that holds them all). */
    private static final String CACHE = "144k";

    private static String options(MemnodeProcess memnode, StoragenodeProcess storage) {
        return "memnodes=" + memnode.address() + ",storage=" + storage.address() + ",page=4k,cache=" + CACHE
                + ",objects=remote,arrays=remote,arraylocal=0,appid=" + APP_ID;
    }

    private ChildProcess kvstore(MemnodeProcess memnode, StoragenodeProcess storage, Path aof) {
        return ExampleProcess.withAgent(dir, options(memnode, storage), SECRET, "kvstore.KvStore", "--port", "0", "--aof",
                aof.toString());
    }

    private static int port(ChildProcess kv) {
        String line = kv.awaitStdout(l -> l.startsWith(LISTENING), START, "'" + LISTENING + "HOST:PORT'");
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
    }

    @Test
    void redisCliAndRedisBenchmarkThenARestartRecoversTheData(@TempDir Path nodeDir) throws IOException {
        RedisTools.require("redis-cli");
        RedisTools.require("redis-benchmark");
        Path work = Files.createDirectories(dir.resolve("tools"));
        Path aof = dir.resolve("kvstore.aof");
        List<String> before;
        try (MemnodeProcess memnode = MemnodeProcess.start(SECRET, "256m");
                StoragenodeProcess storage = StoragenodeProcess.start(SECRET, nodeDir)) {
            try (ChildProcess kv = kvstore(memnode, storage, aof)) {
                int port = port(kv);
                scriptedSession(work, port, kv);
                benchmark(work, port, kv);
                before = state(work, port);
                kv.stop(Duration.ofSeconds(20));
            }
            assertTrue(Files.notExists(aof), "the AOF is not on the local disk");
            assertTrue(Files.size(storage.fileOf(APP_ID, aof)) > 0, "the AOF is on the storage node");
            List<String> expected = new ArrayList<>(List.of("6", "hello", "11", "c", "b", "a", "f1", "v1", "f2", "v2",
                    "(3 letters)", "2000", "0", "0"));
            assertEquals(expected.size(), before.size(), before.toString());
            assertTrue(before.get(10).matches("\\S{3}"), before.toString());
            expected.set(10, before.get(10));
            assertEquals(expected, before);
            try (ChildProcess again = kvstore(memnode, storage, aof)) {
                int port = port(again);
                assertEquals(before, state(work, port), again.describe());
                assertTrue(again.stderr().stream().anyMatch(l -> l.startsWith("kvstore: replayed ")), again.describe());
            }
        }
    }

    private static void scriptedSession(Path work, int port, ChildProcess kv) {
        List<String> commands = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String[] step : SESSION) {
            commands.add(step[0]);
            for (int i = 1; i < step.length; i++) {
                expected.add(step[i]);
            }
        }
        RedisTools.Result r = RedisTools.cli(work, port, commands);
        assertEquals(0, r.exit(), r.describe() + kv.describe());
        assertEquals(expected.size(), r.stdout().size(), "lines of " + expected + r.describe());
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = r.stdout().get(i);
            boolean pattern = want.startsWith("(");
            assertTrue(pattern ? got.matches(want) : got.equals(want), "line " + i + ": expected '" + want + "', got '"
                    + got + "'" + r.describe());
        }
    }

    private static void benchmark(Path work, int port, ChildProcess kv) {
        RedisTools.Result r = RedisTools.benchmark(work, port, Duration.ofSeconds(120), "-q", "-n", "2000", "-c", "4", "-t",
                "set,get,incr,lpush,lpop");
        System.out.println("redis-benchmark against kvstore under the agent:\n" + String.join("\n", r.stdout()));
        assertEquals(0, r.exit(), r.describe() + kv.describe());
        assertEquals(List.of(), r.stderr(), "no error nor warning" + r.describe());
        Pattern line = Pattern.compile("(SET|GET|INCR|LPUSH|LPOP): [\\d.]+ requests per second, p50=[\\d.]+ msec");
        assertEquals(List.of("SET", "GET", "INCR", "LPUSH", "LPOP"), r.stdout().stream()
                .filter(l -> line.matcher(l).matches()).map(l -> l.substring(0, l.indexOf(':'))).toList(), r.describe());
        assertEquals(5, r.stdout().size(), "nothing but the five results" + r.describe());
    }

    /** The replies to {@link #STATE}. */
    private static List<String> state(Path work, int port) {
        RedisTools.Result r = RedisTools.cli(work, port, STATE);
        assertEquals(0, r.exit(), r.describe());
        return r.stdout();
    }
}
