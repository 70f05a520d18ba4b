package io.legoj.memnode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Brings a node's applications back from its {@link PageJournal}, in two passes over the entries so
 * that a journal that does not fit allocates nothing:
 * <ol>
 * <li>{@link #scan} reads headers and addresses only and works out the final regions and pages of
 *     each application; a RELEASE ends an application, and what an earlier incarnation of the same
 *     id did is forgotten;</li>
 * <li>{@link #restore} checks that those pages fit in the capacity, then gives each its memory;</li>
 * <li>{@link #fill} copies the bytes of every write of a final incarnation to its page, if the page
 *     still exists, in journal order, so the last write of each page wins.</li>
 * </ol>
 * The result depends only on the entries, so replaying a journal again gives the same state.
 *
 * <p>After a compaction the journal starts with the generation the snapshot was written to, and
 * before the snapshot of an application it may hold that application's requests journaled between
 * the roll and the snapshot, which can name regions the replay has not seen yet (they were
 * allocated before the roll). Such a write of a page outside the known regions, or free of an
 * unknown region, is skipped: the snapshot that follows holds their outcome. Entries that cannot be
 * explained that way (a bad header, another page size for the same incarnation, overlapping
 * regions) mean the journal is corrupt: recovery fails, naming the entry, rather than guess.
 */
final class Recovery {
    /** The final state of one application as the entries so far say. */
    private static final class App {
        final int pageSize;
        final int incarnation;
        final Regions regions = new Regions();
        final PageTable pages = new PageTable();

        App(int pageSize, int incarnation) {
            this.pageSize = pageSize;
            this.incarnation = incarnation;
        }
    }

    private final Path dir;
    private final Map<String, App> apps = new LinkedHashMap<>();
    private final Map<String, Integer> releases = new HashMap<>();
    private final Map<String, Integer> releasesFilled = new HashMap<>();
    private final Map<String, AppSpace> restored = new HashMap<>();
    private long entries;
    private long bytes;
    private byte[] page = new byte[0];

    Recovery(Path dir) {
        this.dir = dir;
    }

    long entries() {
        return entries;
    }

    /** Bytes of all entries. */
    long bytes() {
        return bytes;
    }

    /** Pass one: the entry in {@code in} changes the final state. */
    void scan(Bytes<?> in) {
        entries++;
        bytes += in.readRemaining();
        byte op = in.readByte();
        String app = in.readUtf8();
        int pageSize = in.readInt();
        checkHeader(op, app, pageSize);
        if (op == PageJournal.RELEASE) {
            apps.remove(app);
            releases.merge(app, 1, Integer::sum);
            return;
        }
        App a = apps.computeIfAbsent(app, id -> new App(pageSize, releases.getOrDefault(id, 0)));
        if (a.pageSize != pageSize) {
            throw corrupt("application " + app + " uses pages of " + a.pageSize + " bytes, the entry says " + pageSize);
        }
        switch (op) {
            case PageJournal.ALLOC -> alloc(app, a, in.readLong(), in.readLong());
            case PageJournal.FREE -> free(a, in.readLong());
            default -> {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    long address = in.readLong();
                    if (a.regions.containing(address) >= 0) {
                        a.pages.put(address, 1);
                    }
                }
            }
        }
    }

    /**
     * Between the passes: fails with a one-line message if the final pages need more than the
     * capacity of {@code store}; else enters every application in it, idle since {@code now}.
     */
    void restore(PageStore store, long now) {
        long needed = 0;
        for (App a : apps.values()) {
            needed += (long) a.pages.size() * a.pageSize;
        }
        long capacity = store.capacity().capacity();
        if (needed > capacity) {
            throw new IllegalStateException("the memnode journal " + dir + " holds " + needed + " bytes of pages ("
                    + Capacity.human(needed) + "), more than the capacity of " + capacity + " bytes ("
                    + Capacity.human(capacity) + "): give the memnode a capacity of at least " + Capacity.human(needed));
        }
        for (Map.Entry<String, App> e : apps.entrySet()) {
            App a = e.getValue();
            restored.put(e.getKey(), store.restore(e.getKey(), a.pageSize, a.regions, a.pages.keys(), now));
        }
    }

    /** Pass two: copies the pages of the entry in {@code in}, if it is a write that still counts. */
    void fill(Bytes<?> in) {
        byte op = in.readByte();
        String app = in.readUtf8();
        int pageSize = in.readInt();
        if (op == PageJournal.RELEASE) {
            releasesFilled.merge(app, 1, Integer::sum);
            return;
        }
        App a = apps.get(app);
        if (op != PageJournal.WRITE || a == null || a.incarnation != releasesFilled.getOrDefault(app, 0)) {
            return;
        }
        AppSpace space = restored.get(app);
        int n = in.readInt();
        long[] addrs = new long[n];
        for (int i = 0; i < n; i++) {
            addrs[i] = in.readLong();
        }
        if (page.length != pageSize) {
            page = new byte[pageSize];
        }
        for (long address : addrs) {
            long memory = space.memoryOf(address);
            if (memory == 0) {
                in.readSkip(pageSize);
            } else {
                if (in.read(page, 0, pageSize) != pageSize) {
                    throw corrupt("a write of application " + app + " ends inside page 0x" + Long.toHexString(address));
                }
                OffHeap.copyIn(page, memory, pageSize);
            }
        }
    }

    private void alloc(String app, App a, long base, long size) {
        long end = base + size;
        int same = a.regions.indexOf(base);
        if (same >= 0 && a.regions.end(same) == end) {
            return;
        }
        if (base <= 0 || size <= 0 || end < 0 || a.regions.overlapping(base, end) >= 0) {
            throw corrupt("application " + app + " allocates region 0x" + Long.toHexString(base) + " of " + size
                    + " bytes, which is invalid or overlaps one it holds");
        }
        a.regions.add(base, end);
    }

    private static void free(App a, long base) {
        int i = a.regions.indexOf(base);
        if (i < 0) {
            return;
        }
        long end = a.regions.end(i);
        a.regions.removeAt(i);
        if ((end - base) / a.pageSize <= a.pages.size()) {
            for (long p = base; p < end; p += a.pageSize) {
                a.pages.remove(p);
            }
        } else {
            for (long p : a.pages.keys()) {
                if (p >= base && p < end) {
                    a.pages.remove(p);
                }
            }
        }
    }

    private void checkHeader(byte op, String app, int pageSize) {
        if (op < PageJournal.ALLOC || op > PageJournal.RELEASE || app == null || app.isEmpty()
                || pageSize < 512 || pageSize > (1 << 20) || Integer.bitCount(pageSize) != 1) {
            throw corrupt("op " + op + ", application " + app + ", page size " + pageSize);
        }
    }

    private IllegalStateException corrupt(String what) {
        return new IllegalStateException("the memnode journal " + dir + " is corrupt at entry " + entries + ": " + what);
    }
}
