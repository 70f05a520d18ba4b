package io.legoj.examples.kvstore;

import java.util.function.LongSupplier;

/**
 * The key space: a {@link ByteMap} from keys to entries holding a string ({@code byte[]}), a
 * {@link KvList} or a hash ({@code ByteMap<byte[]>}), each with an optional expiry time in
 * milliseconds of the injected clock. Expired keys are removed when they are next looked up. Every
 * change counts in {@link #dirty()}, which tells the server what to append to the AOF. Not
 * thread-safe: the server serializes commands.
 */
final class Store {
    static final long NO_EXPIRY = 0;

    static final class Entry {
        Object value;
        long expireAt;

        Entry(Object value) {
            this.value = value;
        }
    }

    private final ByteMap<Entry> keys = new ByteMap<>();
    private final LongSupplier clock;
    private long dirty;

    /** @param clock milliseconds since the epoch, e.g. {@code System::currentTimeMillis} */
    Store(LongSupplier clock) {
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    /** How many changes were made so far. */
    long dirty() {
        return dirty;
    }

    void changed() {
        dirty++;
    }

    /** The live entry of the key, or null (an expired one is removed). */
    Entry lookup(byte[] key) {
        Entry e = keys.get(key);
        if (e != null && e.expireAt != NO_EXPIRY && now() >= e.expireAt) {
            keys.remove(key);
            return null;
        }
        return e;
    }

    /** The string value, or null when the key does not exist; WRONGTYPE for another type. */
    byte[] getString(byte[] key) {
        Entry e = lookup(key);
        return e == null ? null : cast(e, byte[].class);
    }

    /** Sets a string value with the expiry time (or {@link #NO_EXPIRY}), replacing any value. */
    void setString(byte[] key, byte[] value, long expireAt) {
        Entry e = new Entry(value);
        e.expireAt = expireAt;
        keys.put(key, e);
        changed();
    }

    /** Replaces the string of an existing entry, keeping its expiry. */
    void replaceString(byte[] key, byte[] value) {
        Entry e = lookup(key);
        if (e == null) {
            setString(key, value, NO_EXPIRY);
        } else {
            e.value = value;
            changed();
        }
    }

    /** The value of the key as {@code type}, created with {@code create} when absent (if not null). */
    <T> T get(byte[] key, Class<T> type, java.util.function.Supplier<T> create) {
        Entry e = lookup(key);
        if (e != null) {
            return cast(e, type);
        }
        if (create == null) {
            return null;
        }
        T v = create.get();
        keys.put(key, new Entry(v));
        return v;
    }

    boolean delete(byte[] key) {
        if (lookup(key) == null) {
            return false;
        }
        keys.remove(key);
        changed();
        return true;
    }

    /** Sets the expiry time of an existing key; a time already past deletes it. */
    boolean expireAt(byte[] key, long at) {
        Entry e = lookup(key);
        if (e == null) {
            return false;
        }
        if (at <= now()) {
            keys.remove(key);
        } else {
            e.expireAt = at;
        }
        changed();
        return true;
    }

    /** Milliseconds to live: -2 without the key, -1 without an expiry. */
    long ttlMillis(byte[] key) {
        Entry e = lookup(key);
        if (e == null) {
            return -2;
        }
        return e.expireAt == NO_EXPIRY ? -1 : e.expireAt - now();
    }

    /** The number of live keys (expired ones are removed first). */
    int size() {
        for (byte[] k : keys.keys()) {
            lookup(k);
        }
        return keys.size();
    }

    /** The number of live keys with an expiry time. */
    int expiring() {
        int[] n = {0};
        keys.forEach((k, e) -> {
            if (e.expireAt != NO_EXPIRY) {
                n[0]++;
            }
        });
        return n[0];
    }

    void clear() {
        keys.clear();
        changed();
    }

    private static <T> T cast(Entry e, Class<T> type) {
        if (!type.isInstance(e.value)) {
            throw new KvError(KvError.WRONG_TYPE);
        }
        return type.cast(e.value);
    }
}
