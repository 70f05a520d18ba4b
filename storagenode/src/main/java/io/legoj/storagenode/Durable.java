package io.legoj.storagenode;

import java.io.IOException;
import java.nio.file.Path;

/** Forcing files and directories to the disk, and deleting trees: {@link io.legoj.protocol.journal.Durable}. */
final class Durable {
    private Durable() {
    }

    /** Forces a file's data and metadata, or a directory's entries (Linux allows fsync on a directory). */
    static void force(Path p) throws IOException {
        io.legoj.protocol.journal.Durable.force(p);
    }

    /** Like {@link #force}, for a path that may be gone by now. */
    static void forceIfExists(Path p) throws IOException {
        io.legoj.protocol.journal.Durable.forceIfExists(p);
    }

    static void deleteTree(Path root) {
        io.legoj.protocol.journal.Durable.deleteTree(root);
    }
}
