package io.legoj.runtime.objects;

import java.util.Map;

/**
 * Where a remote class's instance fields live in its object: an 8-byte header (class id, identity
 * hash), then the superclass's fields, then the class's own, each naturally aligned.
 */
public final class Layout {
    public static final long HEADER = 8;
    public static final long CLASS_ID = 0;
    public static final long IDENTITY_HASH = 4;
    /**
     * Set in the class-id word once the object's address was stored in remote memory: from then on
     * remote memory may refer to it, and it lives until the application exits.
     */
    public static final int ESCAPED = 0x8000_0000;

    final Class<?> type;
    final long size;
    final Map<String, Long> offsets;
    /** Offsets of the reference fields, inherited ones included. */
    final long[] references;

    Layout(Class<?> type, long size, Map<String, Long> offsets, long[] references) {
        this.type = type;
        this.size = size;
        this.offsets = offsets;
        this.references = references;
    }

    /** Bytes of one object, header included, a multiple of 8. */
    public long size() {
        return size;
    }

    /** Offset of the instance field {@code name} as seen from this class (own fields hide inherited ones), or -1. */
    public long offset(String name) {
        return offsets.getOrDefault(name, -1L);
    }
}
