package io.legoj.examples.kvstore;

import java.util.List;

/** DEL, EXISTS, EXPIRE, PEXPIRE, PEXPIREAT, TTL, PTTL. */
final class KeyCommands {
    private KeyCommands() {
    }

    static void register(CommandTable t) {
        t.add("del", -2, KeyCommands::del);
        t.add("exists", -2, KeyCommands::exists);
        t.add("expire", 3, c -> expire(c, 1000));
        t.add("pexpire", 3, c -> expire(c, 1));
        t.add("pexpireat", 3, c -> c.out.integer(c.store.expireAt(c.arg(1), c.longArg(2)) ? 1 : 0));
        t.add("ttl", 2, c -> {
            long ms = c.store.ttlMillis(c.arg(1));
            c.out.integer(ms < 0 ? ms : (ms + 500) / 1000);
        });
        t.add("pttl", 2, c -> c.out.integer(c.store.ttlMillis(c.arg(1))));
    }

    private static void del(Call c) {
        int n = 0;
        for (int i = 1; i < c.argc(); i++) {
            n += c.store.delete(c.arg(i)) ? 1 : 0;
        }
        c.out.integer(n);
    }

    private static void exists(Call c) {
        int n = 0;
        for (int i = 1; i < c.argc(); i++) {
            n += c.store.lookup(c.arg(i)) != null ? 1 : 0;
        }
        c.out.integer(n);
    }

    /** The AOF gets the absolute time (PEXPIREAT), so that a replay keeps the original deadline. */
    private static void expire(Call c, long unitMillis) {
        long at = absolute(c.store.now(), c.longArg(2), unitMillis, c.option(0).toLowerCase(java.util.Locale.ROOT));
        boolean set = c.store.expireAt(c.arg(1), at);
        c.propagate(List.of(List.of(Call.bytes("PEXPIREAT"), c.arg(1), Numbers.bytes(at))));
        c.out.integer(set ? 1 : 0);
    }

    /** now + amount * unit, or {@code ERR invalid expire time in '<command>' command} on overflow. */
    static long absolute(long now, long amount, long unitMillis, String command) {
        try {
            return Math.addExact(now, Math.multiplyExact(amount, unitMillis));
        } catch (ArithmeticException e) {
            throw new KvError("ERR invalid expire time in '" + command + "' command");
        }
    }
}
