package io.legoj.examples.kvstore;

/** HSET, HGET, HDEL, HGETALL; a hash that becomes empty is deleted. */
final class HashCommands {
    private HashCommands() {
    }

    static void register(CommandTable t) {
        t.add("hset", -4, HashCommands::hset);
        t.add("hget", 3, c -> {
            KvHash h = c.store.get(c.arg(1), KvHash.class, null);
            c.out.bulk(h == null ? null : h.fields.get(c.arg(2)));
        });
        t.add("hdel", -3, HashCommands::hdel);
        t.add("hgetall", 2, HashCommands::hgetall);
    }

    private static void hset(Call c) {
        if (c.argc() % 2 != 0) {
            throw KvError.arity("hset");
        }
        KvHash h = c.store.get(c.arg(1), KvHash.class, KvHash::new);
        int added = 0;
        for (int i = 2; i < c.argc(); i += 2) {
            added += h.fields.put(c.arg(i), c.arg(i + 1)) == null ? 1 : 0;
        }
        c.store.changed();
        c.out.integer(added);
    }

    private static void hdel(Call c) {
        KvHash h = c.store.get(c.arg(1), KvHash.class, null);
        int removed = 0;
        for (int i = 2; h != null && i < c.argc(); i++) {
            removed += h.fields.remove(c.arg(i)) != null ? 1 : 0;
        }
        if (h != null && h.fields.size() == 0) {
            c.store.delete(c.arg(1));
        }
        if (removed > 0) {
            c.store.changed();
        }
        c.out.integer(removed);
    }

    private static void hgetall(Call c) {
        KvHash h = c.store.get(c.arg(1), KvHash.class, null);
        if (h == null) {
            c.out.arrayHeader(0);
            return;
        }
        c.out.arrayHeader(h.fields.size() * 2);
        h.fields.forEach((f, v) -> {
            c.out.bulk(f);
            c.out.bulk(v);
        });
    }
}
