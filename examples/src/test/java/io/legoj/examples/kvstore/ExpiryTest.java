package io.legoj.examples.kvstore;

import static io.legoj.examples.kvstore.Resp.NIL;
import static io.legoj.examples.kvstore.Resp.OK;
import static io.legoj.examples.kvstore.Resp.bulk;
import static io.legoj.examples.kvstore.Resp.error;
import static io.legoj.examples.kvstore.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expiry on the manual clock of {@link Resp}: no test sleeps. */
class ExpiryTest {
    private final Resp r = new Resp();

    private void advance(long millis) {
        r.clock.addAndGet(millis);
    }

    @Test
    void setWithExExpires() {
        assertEquals(OK, r.run("SET", "k", "v", "EX", "10"));
        assertEquals(integer(10), r.run("TTL", "k"));
        advance(9_999);
        assertEquals(bulk("v"), r.run("GET", "k"));
        assertEquals(integer(1), r.run("PTTL", "k"));
        advance(1);
        assertEquals(NIL, r.run("GET", "k"));
        assertEquals(integer(-2), r.run("TTL", "k"));
        assertEquals(integer(0), r.run("DBSIZE"));
    }

    @Test
    void pxNxAndKeepTtl() {
        r.run("SET", "k", "v", "PX", "1500");
        assertEquals(integer(2), r.run("TTL", "k"));
        assertEquals(OK, r.run("SET", "k", "w", "KEEPTTL"));
        assertEquals(integer(1500), r.run("PTTL", "k"));
        assertEquals(OK, r.run("SET", "k", "x"));
        assertEquals(integer(-1), r.run("TTL", "k"));
        r.run("SET", "e", "v", "PX", "5");
        advance(5);
        assertEquals(OK, r.run("SET", "e", "again", "NX"));
    }

    @Test
    void expireAndTtl() {
        assertEquals(integer(0), r.run("EXPIRE", "nope", "5"));
        r.run("SET", "k", "v");
        assertEquals(integer(-1), r.run("TTL", "k"));
        assertEquals(integer(1), r.run("EXPIRE", "k", "5"));
        assertEquals(integer(5), r.run("TTL", "k"));
        advance(4_600);
        assertEquals(integer(0), r.run("TTL", "k"));
        assertEquals(integer(1), r.run("EXISTS", "k"));
        advance(400);
        assertEquals(integer(0), r.run("EXISTS", "k"));
        r.run("SET", "k", "v");
        assertEquals(integer(1), r.run("EXPIRE", "k", "0"));
        assertEquals(integer(0), r.run("EXISTS", "k"));
        assertEquals(error("ERR value is not an integer or out of range"), r.run("EXPIRE", "k", "soon"));
        r.run("SET", "k", "v");
        assertEquals(error("ERR invalid expire time in 'expire' command"),
                r.run("EXPIRE", "k", "9223372036854775807"));
    }

    @Test
    void incrAndAppendKeepTheTtl() {
        r.run("SET", "n", "1", "EX", "10");
        r.run("INCR", "n");
        r.run("APPEND", "n", "0");
        assertEquals(bulk("20"), r.run("GET", "n"));
        assertEquals(integer(10), r.run("TTL", "n"));
    }
}
