package io.legoj.examples.kvstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic mix of commands over {@code keys} keys of each type, from a seeded generator:
 * strings (SET, GET, APPEND, MGET, DEL, EXISTS, and INCR on a string, which may be a type error),
 * counters (INCR, INCRBY, DECR), lists (LPUSH, RPUSH, LPOP, LRANGE, LLEN) and hashes (HSET, HGET,
 * HDEL). Commands whose replies depend on time or on a server's internal order are left out.
 */
final class Workload {
    private final Random random;
    private final int keys;

    Workload(long seed, int keys) {
        this.random = new Random(seed);
        this.keys = keys;
    }

    List<byte[]> next() {
        int op = random.nextInt(100);
        if (op < 22) {
            return cmd("SET", key("str"), value());
        } else if (op < 44) {
            return cmd("GET", key("str"));
        } else if (op < 52) {
            return cmd("INCR", key("cnt"));
        } else if (op < 55) {
            return random.nextBoolean() ? cmd("INCRBY", key("cnt"), Integer.toString(random.nextInt(100)))
                    : cmd("DECR", key("cnt"));
        } else if (op < 63) {
            return cmd(random.nextBoolean() ? "LPUSH" : "RPUSH", key("list"), value());
        } else if (op < 67) {
            return cmd("LRANGE", key("list"), "0", Integer.toString(random.nextInt(10)));
        } else if (op < 70) {
            return cmd(random.nextBoolean() ? "LPOP" : "LLEN", key("list"));
        } else if (op < 80) {
            return cmd("HSET", key("hash"), field(), value());
        } else if (op < 86) {
            return cmd("HGET", key("hash"), field());
        } else if (op < 88) {
            return cmd("HDEL", key("hash"), field());
        } else if (op < 91) {
            return cmd("DEL", key("str"));
        } else if (op < 94) {
            return cmd("APPEND", key("str"), "+");
        } else if (op < 97) {
            return cmd("MGET", key("str"), key("str"), key("list"));
        } else if (op < 99) {
            return cmd("EXISTS", key("str"), key("hash"));
        }
        return cmd("INCR", key("str"));
    }

    private String key(String type) {
        return type + ":" + random.nextInt(keys);
    }

    private String field() {
        return "f" + random.nextInt(16);
    }

    private String value() {
        int len = 4 + random.nextInt(60);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private static List<byte[]> cmd(String... args) {
        List<byte[]> c = new ArrayList<>(args.length);
        for (String a : args) {
            c.add(a.getBytes(StandardCharsets.UTF_8));
        }
        return c;
    }
}
