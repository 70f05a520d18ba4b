package io.legoj.examples.kvstore;

/** LPUSH, RPUSH, LPOP, RPOP, LRANGE, LLEN; a list that becomes empty is deleted. */
final class ListCommands {
    private ListCommands() {
    }

    static void register(CommandTable t) {
        t.add("lpush", -3, c -> push(c, true));
        t.add("rpush", -3, c -> push(c, false));
        t.add("lpop", -2, c -> pop(c, true));
        t.add("rpop", -2, c -> pop(c, false));
        t.add("lrange", 4, ListCommands::lrange);
        t.add("llen", 2, c -> {
            KvList l = c.store.get(c.arg(1), KvList.class, null);
            c.out.integer(l == null ? 0 : l.size());
        });
    }

    private static void push(Call c, boolean left) {
        KvList l = c.store.get(c.arg(1), KvList.class, KvList::new);
        for (int i = 2; i < c.argc(); i++) {
            if (left) {
                l.pushLeft(c.arg(i));
            } else {
                l.pushRight(c.arg(i));
            }
        }
        c.store.changed();
        c.out.integer(l.size());
    }

    /** LPOP key [count]: one element (or nil), or with a count an array (nil array without the key). */
    private static void pop(Call c, boolean left) {
        if (c.argc() > 3) {
            throw KvError.arity(left ? "lpop" : "rpop");
        }
        long count = 1;
        if (c.argc() == 3) {
            count = c.longArg(2);
            if (count < 0) {
                throw new KvError("ERR value is out of range, must be positive");
            }
        }
        KvList l = c.store.get(c.arg(1), KvList.class, null);
        if (l == null) {
            if (c.argc() == 3) {
                c.out.arrayHeader(-1);
            } else {
                c.out.nullBulk();
            }
            return;
        }
        int n = (int) Math.min(count, l.size());
        if (c.argc() == 3) {
            c.out.arrayHeader(n);
        }
        for (int i = 0; i < n; i++) {
            c.out.bulk(left ? l.popLeft() : l.popRight());
        }
        if (l.size() == 0) {
            c.store.delete(c.arg(1));
        }
        if (n > 0) {
            c.store.changed();
        }
    }

    private static void lrange(Call c) {
        long start = c.longArg(2);
        long stop = c.longArg(3);
        KvList l = c.store.get(c.arg(1), KvList.class, null);
        int len = l == null ? 0 : l.size();
        start = start < 0 ? Math.max(0, start + len) : start;
        stop = stop < 0 ? stop + len : Math.min(stop, len - 1L);
        if (start > stop || start >= len) {
            c.out.arrayHeader(0);
            return;
        }
        c.out.arrayHeader((int) (stop - start + 1));
        for (long i = start; i <= stop; i++) {
            c.out.bulk(l.get((int) i));
        }
    }
}
