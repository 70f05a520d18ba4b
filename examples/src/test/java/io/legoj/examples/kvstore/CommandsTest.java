package io.legoj.examples.kvstore;

import static io.legoj.examples.kvstore.Resp.NIL;
import static io.legoj.examples.kvstore.Resp.OK;
import static io.legoj.examples.kvstore.Resp.bulk;
import static io.legoj.examples.kvstore.Resp.error;
import static io.legoj.examples.kvstore.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandsTest {
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
    private static final String NOT_INT = error("ERR value is not an integer or out of range");
    private final Resp r = new Resp();

    @Test
    void pingEchoQuit() {
        assertEquals("+PONG\r\n", r.run("PING"));
        assertEquals(bulk("hi"), r.run("ping", "hi"));
        assertEquals(error("ERR wrong number of arguments for 'ping' command"), r.run("PING", "a", "b"));
        assertEquals(bulk("x y"), r.run("ECHO", "x y"));
        assertEquals(OK, r.run("QUIT"));
    }

    @Test
    void unknownCommandsAndWrongArity() {
        assertEquals(error("ERR unknown command 'foo', with args beginning with: 'a' 'b' "), r.run("foo", "a", "b"));
        assertEquals(error("ERR unknown command 'FOO', with args beginning with: "), r.run("FOO"));
        assertEquals(error("ERR wrong number of arguments for 'get' command"), r.run("GET"));
        assertEquals(error("ERR wrong number of arguments for 'get' command"), r.run("GeT", "a", "b"));
        assertEquals(error("ERR wrong number of arguments for 'set' command"), r.run("SET", "k"));
        assertEquals(error("ERR wrong number of arguments for 'mset' command"), r.run("MSET", "a", "1", "b"));
        assertEquals(error("ERR wrong number of arguments for 'hset' command"), r.run("HSET", "h", "f", "v", "g"));
        assertEquals(error("ERR wrong number of arguments for 'lpop' command"), r.run("LPOP", "l", "1", "2"));
    }

    @Test
    void setAndGet() {
        assertEquals(NIL, r.run("GET", "k"));
        assertEquals(OK, r.run("SET", "k", "v"));
        assertEquals(bulk("v"), r.run("GET", "k"));
        assertEquals(NIL, r.run("SET", "k", "w", "NX"));
        assertEquals(OK, r.run("SET", "k", "w", "XX"));
        assertEquals(bulk("w"), r.run("GET", "k"));
        assertEquals(NIL, r.run("SET", "other", "w", "xx"));
        assertEquals(OK, r.run("SET", "other", "w", "nx"));
        assertEquals(error("ERR syntax error"), r.run("SET", "k", "v", "NX", "XX"));
        assertEquals(error("ERR syntax error"), r.run("SET", "k", "v", "EX", "1", "PX", "1"));
        assertEquals(error("ERR syntax error"), r.run("SET", "k", "v", "EX"));
        assertEquals(error("ERR syntax error"), r.run("SET", "k", "v", "BOGUS"));
        assertEquals(NOT_INT, r.run("SET", "k", "v", "EX", "x"));
        assertEquals(error("ERR invalid expire time in 'set' command"), r.run("SET", "k", "v", "EX", "0"));
        assertEquals(error("ERR invalid expire time in 'set' command"), r.run("SET", "k", "v", "PX", "-5"));
    }

    @Test
    void integers() {
        assertEquals(integer(1), r.run("INCR", "n"));
        assertEquals(integer(11), r.run("INCRBY", "n", "10"));
        assertEquals(integer(10), r.run("DECR", "n"));
        assertEquals(integer(-5), r.run("DECRBY", "n", "15"));
        assertEquals(bulk("-5"), r.run("GET", "n"));
        r.run("SET", "s", "abc");
        assertEquals(NOT_INT, r.run("INCR", "s"));
        assertEquals(NOT_INT, r.run("INCRBY", "n", "1.5"));
        assertEquals(NOT_INT, r.run("INCRBY", "n", "+1"));
        assertEquals(NOT_INT, r.run("INCRBY", "n", "01"));
        r.run("SET", "max", Long.toString(Long.MAX_VALUE));
        assertEquals(error("ERR increment or decrement would overflow"), r.run("INCR", "max"));
        assertEquals(NOT_INT, r.run("INCRBY", "n", "9223372036854775808"));
        assertEquals(integer(Long.MIN_VALUE + 1), r.run("INCRBY", "min", "-9223372036854775807"));
        r.run("LPUSH", "l", "x");
        assertEquals(WRONGTYPE, r.run("INCR", "l"));
    }

    @Test
    void multipleKeysAppendStrlen() {
        assertEquals(OK, r.run("MSET", "a", "1", "b", "2"));
        r.run("RPUSH", "l", "x");
        assertEquals("*4\r\n" + bulk("1") + bulk("2") + NIL + NIL, r.run("MGET", "a", "b", "c", "l"));
        assertEquals(integer(3), r.run("APPEND", "a", "23"));
        assertEquals(integer(2), r.run("APPEND", "new", "xy"));
        assertEquals(bulk("123"), r.run("GET", "a"));
        assertEquals(integer(3), r.run("STRLEN", "a"));
        assertEquals(integer(0), r.run("STRLEN", "nope"));
        assertEquals(WRONGTYPE, r.run("STRLEN", "l"));
        assertEquals(WRONGTYPE, r.run("APPEND", "l", "x"));
        assertEquals(WRONGTYPE, r.run("GET", "l"));
    }

    @Test
    void keys() {
        r.run("MSET", "a", "1", "b", "2");
        assertEquals(integer(3), r.run("EXISTS", "a", "a", "b", "c"));
        assertEquals(integer(2), r.run("DBSIZE"));
        assertEquals(integer(1), r.run("DEL", "a", "c"));
        assertEquals(integer(0), r.run("DEL", "a"));
        assertEquals(integer(1), r.run("DBSIZE"));
        assertEquals(OK, r.run("FLUSHALL"));
        assertEquals(integer(0), r.run("DBSIZE"));
        assertEquals(error("ERR syntax error"), r.run("FLUSHALL", "NOW"));
        assertTrue(r.run("INFO").startsWith("$"));
        r.run("SET", "k", "v", "EX", "100");
        assertTrue(r.run("INFO", "keyspace").contains("db0:keys=1,expires=1,avg_ttl=0"));
    }

    @Test
    void configGetAnswersWhatRedisBenchmarkAsks() {
        assertEquals("*2\r\n" + bulk("save") + bulk(""), r.run("CONFIG", "GET", "save"));
        assertEquals("*4\r\n" + bulk("save") + bulk("") + bulk("appendonly") + bulk("no"), r.run("config", "get", "*"));
        assertEquals("*2\r\n" + bulk("appendonly") + bulk("no"), r.run("CONFIG", "GET", "appendonly", "maxmemory"));
        assertEquals(error("ERR unknown subcommand 'SET'. Try CONFIG HELP."), r.run("CONFIG", "SET", "a", "b"));
        assertEquals(error("ERR wrong number of arguments for 'config|get' command"), r.run("CONFIG", "GET"));
        assertEquals(error("ERR wrong number of arguments for 'config' command"), r.run("CONFIG"));
    }

    @Test
    void lists() {
        assertEquals(integer(2), r.run("LPUSH", "l", "a", "b"));
        assertEquals(integer(4), r.run("RPUSH", "l", "c", "d"));
        assertEquals("*4\r\n" + bulk("b") + bulk("a") + bulk("c") + bulk("d"), r.run("LRANGE", "l", "0", "-1"));
        assertEquals("*2\r\n" + bulk("c") + bulk("d"), r.run("LRANGE", "l", "-2", "100"));
        assertEquals("*0\r\n", r.run("LRANGE", "l", "3", "1"));
        assertEquals("*0\r\n", r.run("LRANGE", "nope", "0", "-1"));
        assertEquals(NOT_INT, r.run("LRANGE", "l", "a", "1"));
        assertEquals(integer(4), r.run("LLEN", "l"));
        assertEquals(bulk("b"), r.run("LPOP", "l"));
        assertEquals(bulk("d"), r.run("RPOP", "l"));
        assertEquals("*2\r\n" + bulk("a") + bulk("c"), r.run("LPOP", "l", "5"));
        assertEquals(integer(0), r.run("EXISTS", "l"));
        assertEquals(NIL, r.run("LPOP", "l"));
        assertEquals("*-1\r\n", r.run("RPOP", "l", "2"));
        assertEquals(error("ERR value is out of range, must be positive"), r.run("LPOP", "l", "-1"));
        r.run("SET", "s", "v");
        assertEquals(WRONGTYPE, r.run("LPUSH", "s", "x"));
        assertEquals(WRONGTYPE, r.run("LRANGE", "s", "0", "1"));
        assertEquals(WRONGTYPE, r.run("LLEN", "s"));
    }

    @Test
    void listsGrowPastTheirRing() {
        for (int i = 0; i < 50; i++) {
            r.run(i % 2 == 0 ? "LPUSH" : "RPUSH", "l", Integer.toString(i));
        }
        assertEquals(integer(50), r.run("LLEN", "l"));
        assertEquals("*2\r\n" + bulk("48") + bulk("46"), r.run("LRANGE", "l", "0", "1"));
        assertEquals("*2\r\n" + bulk("47") + bulk("49"), r.run("LRANGE", "l", "-2", "-1"));
    }

    @Test
    void hashes() {
        assertEquals(integer(2), r.run("HSET", "h", "f1", "a", "f2", "b"));
        assertEquals(integer(0), r.run("HSET", "h", "f1", "c"));
        assertEquals(bulk("c"), r.run("HGET", "h", "f1"));
        assertEquals(NIL, r.run("HGET", "h", "nope"));
        assertEquals(NIL, r.run("HGET", "nope", "f"));
        assertEquals("*4\r\n" + bulk("f1") + bulk("c") + bulk("f2") + bulk("b"), r.run("HGETALL", "h"));
        assertEquals(integer(1), r.run("HDEL", "h", "f1", "zz"));
        assertEquals(integer(1), r.run("HDEL", "h", "f2"));
        assertEquals(integer(0), r.run("EXISTS", "h"));
        assertEquals("*0\r\n", r.run("HGETALL", "h"));
        r.run("SET", "s", "v");
        assertEquals(WRONGTYPE, r.run("HSET", "s", "f", "v"));
        assertEquals(WRONGTYPE, r.run("HGETALL", "s"));
    }
}
