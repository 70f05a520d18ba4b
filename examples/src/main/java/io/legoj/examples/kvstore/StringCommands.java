package io.legoj.examples.kvstore;

import java.util.List;

/** GET, SET, INCR, INCRBY, DECR, DECRBY, MGET, MSET, APPEND, STRLEN. */
final class StringCommands {
    private StringCommands() {
    }

    static void register(CommandTable t) {
        t.add("get", 2, c -> c.out.bulk(c.store.getString(c.arg(1))));
        t.add("set", -3, StringCommands::set);
        t.add("incr", 2, c -> incrBy(c, 1));
        t.add("decr", 2, c -> incrBy(c, -1));
        t.add("incrby", 3, c -> incrBy(c, c.longArg(2)));
        t.add("decrby", 3, c -> {
            long by = c.longArg(2);
            if (by == Long.MIN_VALUE) {
                throw new KvError("ERR decrement would overflow");
            }
            incrBy(c, -by);
        });
        t.add("mget", -2, StringCommands::mget);
        t.add("mset", -3, StringCommands::mset);
        t.add("append", 3, StringCommands::append);
        t.add("strlen", 2, c -> {
            byte[] v = c.store.getString(c.arg(1));
            c.out.integer(v == null ? 0 : v.length);
        });
    }

    /** SET key value [NX|XX] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL]; the AOF gets PXAT. */
    private static void set(Call c) {
        boolean nx = false;
        boolean xx = false;
        boolean keepTtl = false;
        String unit = null;
        long expireAt = Store.NO_EXPIRY;
        for (int i = 3; i < c.argc(); i++) {
            String o = c.option(i);
            if (o.equals("NX") && !xx) {
                nx = true;
            } else if (o.equals("XX") && !nx) {
                xx = true;
            } else if (o.equals("KEEPTTL") && unit == null) {
                keepTtl = true;
            } else if ((o.equals("EX") || o.equals("PX") || o.equals("EXAT") || o.equals("PXAT"))
                    && unit == null && !keepTtl && i + 1 < c.argc()) {
                unit = o;
                expireAt = expireAt(c, o, c.longArg(++i));
            } else {
                throw new KvError(KvError.SYNTAX);
            }
        }
        Store.Entry old = c.store.lookup(c.arg(1));
        if ((nx && old != null) || (xx && old == null)) {
            c.out.nullBulk();
            return;
        }
        if (keepTtl && old != null) {
            expireAt = old.expireAt;
        }
        c.store.setString(c.arg(1), c.arg(2), expireAt);
        if (unit != null) {
            c.propagate(List.of(List.of(Call.bytes("SET"), c.arg(1), c.arg(2), Call.bytes("PXAT"),
                    Numbers.bytes(expireAt))));
        }
        c.out.ok();
    }

    private static long expireAt(Call c, String unit, long amount) {
        if (amount <= 0) {
            throw new KvError("ERR invalid expire time in 'set' command");
        }
        return switch (unit) {
            case "EX" -> KeyCommands.absolute(c.store.now(), amount, 1000, "set");
            case "PX" -> KeyCommands.absolute(c.store.now(), amount, 1, "set");
            case "EXAT" -> KeyCommands.absolute(0, amount, 1000, "set");
            default -> amount;
        };
    }

    private static void incrBy(Call c, long by) {
        byte[] old = c.store.getString(c.arg(1));
        long v = old == null ? 0 : Numbers.parseLong(old);
        long result;
        try {
            result = Math.addExact(v, by);
        } catch (ArithmeticException e) {
            throw new KvError("ERR increment or decrement would overflow");
        }
        c.store.replaceString(c.arg(1), Numbers.bytes(result));
        c.out.integer(result);
    }

    private static void mget(Call c) {
        c.out.arrayHeader(c.argc() - 1);
        for (int i = 1; i < c.argc(); i++) {
            Store.Entry e = c.store.lookup(c.arg(i));
            c.out.bulk(e != null && e.value instanceof byte[] b ? b : null);
        }
    }

    private static void mset(Call c) {
        if (c.argc() % 2 != 1) {
            throw KvError.arity("mset");
        }
        for (int i = 1; i < c.argc(); i += 2) {
            c.store.setString(c.arg(i), c.arg(i + 1), Store.NO_EXPIRY);
        }
        c.out.ok();
    }

    private static void append(Call c) {
        byte[] old = c.store.getString(c.arg(1));
        byte[] add = c.arg(2);
        byte[] v = add;
        if (old != null) {
            v = new byte[old.length + add.length];
            System.arraycopy(old, 0, v, 0, old.length);
            System.arraycopy(add, 0, v, old.length, add.length);
        }
        c.store.replaceString(c.arg(1), v);
        c.out.integer(v.length);
    }
}
