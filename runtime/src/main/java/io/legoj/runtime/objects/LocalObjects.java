package io.legoj.runtime.objects;

import java.util.Arrays;

/**
 * Objects that stay in this JVM (JDK objects, instances of local classes) but are referenced from
 * remote memory: each gets an id, and the table keeps it alive while remote memory may refer to it.
 *
 * <p>An entry counts the stores of its object into remote memory ({@link #idOf}), never fewer than
 * the references remote memory holds. A remote object that dies before its address was ever stored
 * gives its references back ({@link #release}), and so does a remote array element that is
 * overwritten; an entry whose count reaches zero is gone after {@link #QUARANTINE} more such entries
 * (a thread that read the reference just before it was overwritten may still look it up), and its
 * id is used again. References held by objects that escaped stay until exit.
 */
public final class LocalObjects {
    private static final Object LOCK = new Object();
    /** How many entries whose count reached zero are kept (object and id) before the oldest goes. */
    static final int QUARANTINE = 4096;
    private static volatile Object[] objects = new Object[1024];
    private static int[] counts = new int[1024];
    /** The slot of each id in {@link #slotIds}, so that a release needs neither a probe nor its object's header. */
    private static int[] slotOf = new int[1024];
    private static int[] freeIds = new int[64];
    private static int freeCount;
    private static int next = 1;
    private static int size;
    /** Ids whose count reached zero, oldest first from {@link #quarantineHead}; a ring of {@link #QUARANTINE}. */
    private static final int[] quarantine = new int[QUARANTINE];
    private static int quarantineHead;
    private static int quarantined;
    /** Whether an id is in {@link #quarantine}. */
    private static boolean[] inQuarantine = new boolean[1024];
    /**
     * Ids by object identity: open addressing with linear probing, at most half full. Each slot
     * keeps its object's identity hash beside the id, so that probing and deleting (which moves
     * later entries back, not leaving tombstones) never read another object's header: with the
     * JDK's {@code IdentityHashMap}, a release took 1 us among a million entries.
     */
    private static int[] slotIds = new int[2048];
    private static int[] slotHashes = new int[2048];

    private LocalObjects() {
    }

    /** The id of {@code o} for one more reference in remote memory, registering it on first use. */
    public static long idOf(Object o) {
        int h = System.identityHashCode(o);
        synchronized (LOCK) {
            int mask = slotIds.length - 1;
            int i = home(h, mask);
            for (int id; (id = slotIds[i]) != 0; i = (i + 1) & mask) {
                if (slotHashes[i] == h && objects[id] == o) {
                    counts[id]++;
                    return id;
                }
            }
            int n = freeCount > 0 ? freeIds[--freeCount] : next++;
            if (n >= objects.length) {
                objects = Arrays.copyOf(objects, objects.length * 2);
                counts = Arrays.copyOf(counts, objects.length);
                slotOf = Arrays.copyOf(slotOf, objects.length);
                inQuarantine = Arrays.copyOf(inQuarantine, objects.length);
            }
            objects[n] = o;
            counts[n] = 1;
            slotIds[i] = n;
            slotHashes[i] = h;
            slotOf[n] = i;
            if (++size * 2 > slotIds.length) {
                grow();
            }
            return n;
        }
    }

    /** One more reference to {@code id} in remote memory, copied there (a clone's fields). */
    public static void retain(long id) {
        synchronized (LOCK) {
            int n = (int) id;
            // an entry in quarantine may come back: a copy read its reference before it was overwritten
            if (n <= 0 || n >= next || objects[n] == null) {
                throw new IllegalStateException("local object " + id + " is not in the table");
            }
            counts[n]++;
        }
    }

    /** One reference to {@code id} left remote memory; the last one drops the entry. */
    public static void release(long id) {
        synchronized (LOCK) {
            int n = (int) id;
            if (n <= 0 || n >= next || counts[n] <= 0) {
                throw new IllegalStateException("local object " + id + " released more often than stored");
            }
            if (--counts[n] == 0 && !inQuarantine[n]) {
                if (quarantined == QUARANTINE) {
                    int oldest = quarantine[quarantineHead];
                    quarantineHead = (quarantineHead + 1) % QUARANTINE;
                    quarantined--;
                    inQuarantine[oldest] = false;
                    if (counts[oldest] == 0) {
                        drop(oldest);
                    }
                }
                quarantine[(quarantineHead + quarantined) % QUARANTINE] = n;
                quarantined++;
                inQuarantine[n] = true;
            }
        }
    }

    /** Frees entry {@code n}, whose count is zero: its object is no longer kept, and its id is used again. */
    private static void drop(int n) {
        unmap(n);
        objects[n] = null;
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeCount * 2);
        }
        freeIds[freeCount++] = n;
    }

    public static Object get(long id) {
        Object[] all = objects;
        if (id <= 0 || id >= all.length || all[(int) id] == null) {
            synchronized (LOCK) {
                all = objects;
            }
        }
        return all[(int) id];
    }

    /** Entries that remote memory may refer to (not counting those that wait in quarantine). */
    public static int size() {
        synchronized (LOCK) {
            int waiting = 0;
            for (int k = 0; k < quarantined; k++) {
                waiting += counts[quarantine[(quarantineHead + k) % QUARANTINE]] == 0 ? 1 : 0;
            }
            return size - waiting;
        }
    }

    private static int home(int hash, int mask) {
        return (hash * 0x9E3779B9) >>> 7 & mask;
    }

    /** Removes id {@code n}'s slot, moving back the entries after it that could no longer be found past the hole. */
    private static void unmap(int n) {
        int mask = slotIds.length - 1;
        int hole = slotOf[n];
        for (int j = (hole + 1) & mask; slotIds[j] != 0; j = (j + 1) & mask) {
            int home = home(slotHashes[j], mask);
            // the entry at j stays unless its home lies cyclically outside (hole, j]
            if (hole <= j ? home <= hole || home > j : home <= hole && home > j) {
                slotIds[hole] = slotIds[j];
                slotHashes[hole] = slotHashes[j];
                slotOf[slotIds[hole]] = hole;
                hole = j;
            }
        }
        slotIds[hole] = 0;
        size--;
    }

    private static void grow() {
        int[] ids = slotIds;
        int[] hashes = slotHashes;
        slotIds = new int[ids.length * 2];
        slotHashes = new int[ids.length * 2];
        int mask = slotIds.length - 1;
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] != 0) {
                int i = home(hashes[k], mask);
                while (slotIds[i] != 0) {
                    i = (i + 1) & mask;
                }
                slotIds[i] = ids[k];
                slotHashes[i] = hashes[k];
                slotOf[ids[k]] = i;
            }
        }
    }
}
