package io.legoj.runtime.objects;

import java.lang.ref.Reference;

/**
 * References as stored in remote memory: 8 bytes, 0 for null, the address for a remote object, and
 * a tagged id of the {@link LocalObjects} table for any other object.
 */
public final class Refs {
    private static final long LOCAL_TAG = 1L << 63;

    private Refs() {
    }

    public static long encode(Object o) {
        if (o == null) {
            return 0;
        }
        if (o instanceof RemoteHandle h) {
            long address = h.$legoj$address();
            if (address != 0) {
                if (RemoteObjects.escaped(address)) {
                    // reached through remote memory from now on, and never reclaimed: likely read back soon
                    Handles.remember(address, o);
                }
                // Until marked, the JVM may collect the handle and LegoJ reclaim the object.
                Reference.reachabilityFence(o);
                return address;
            }
        }
        return LOCAL_TAG | LocalObjects.idOf(o);
    }

    /**
     * {@code o} (not null) by its id in the local object table even when it could be stored by
     * address: the table keeps it alive while the reference is stored, and no longer once
     * {@link #release}d, where storing the address would keep it in remote memory until exit.
     */
    public static long local(Object o) {
        return LOCAL_TAG | LocalObjects.idOf(o);
    }

    /**
     * Takes back the count {@link #encode} added for a stored reference that remote memory no longer
     * holds (its array's block was freed), or that was not stored after all.
     */
    public static void release(long ref) {
        if (ref < 0) {
            LocalObjects.release(ref & ~LOCAL_TAG);
        }
    }

    /** One more count for a stored reference copied in remote memory (an array copy). */
    public static void retain(long ref) {
        if (ref < 0) {
            LocalObjects.retain(ref & ~LOCAL_TAG);
        }
    }

    public static Object decode(long ref) {
        if (ref == 0) {
            return null;
        }
        if (ref < 0) {
            return LocalObjects.get(ref & ~LOCAL_TAG);
        }
        return Handles.of(ref);
    }
}
