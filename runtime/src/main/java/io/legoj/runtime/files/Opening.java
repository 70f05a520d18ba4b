package io.legoj.runtime.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;

/**
 * Opening remote files the way the {@code java.io} classes open local ones: with their flags and
 * their {@code FileNotFoundException("name (reason)")}. A stream the application drops without
 * closing has its file closed once the stream is garbage (as a local descriptor is), so buffers and
 * the client's list of open files do not grow.
 */
final class Opening {
    private static final Cleaner CLEANER = Cleaner.create();

    private Opening() {
    }

    /** As {@code FileInputStream} opens: {@code O_RDONLY}. */
    static RemoteFile forInput(StorageClient client, String name) throws FileNotFoundException {
        return open(client, name, StandardOpenOption.READ);
    }

    /** As {@code FileOutputStream} opens: {@code O_WRONLY | O_CREAT} and {@code O_APPEND} or {@code O_TRUNC}. */
    static RemoteFile forOutput(StorageClient client, String name, boolean append) throws FileNotFoundException {
        return open(client, name, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** As {@code RandomAccessFile} opens: mode {@code r}, or {@code rw} (creates, never truncates). */
    static RemoteFile forRandomAccess(StorageClient client, String name, boolean write) throws FileNotFoundException {
        try {
            RemoteFile f = client.openRandomAccess(name, write);
            RemoteFiles.countOpen();
            return f;
        } catch (IOException e) {
            throw FileErrors.asFileNotFound(e, name);
        }
    }

    private static RemoteFile open(StorageClient client, String name, OpenOption... options) throws FileNotFoundException {
        try {
            RemoteFile f = client.open(name, options);
            RemoteFiles.countOpen();
            return f;
        } catch (IOException e) {
            throw FileErrors.asFileNotFound(e, name);
        }
    }

    /** Closes {@code file} once {@code owner} is unreachable; the action holds no reference to the owner. */
    static void closeWhenUnreachable(Object owner, RemoteFile file) {
        CLEANER.register(owner, () -> {
            try {
                file.close();
            } catch (IOException | RuntimeException e) {
                // nobody is left to tell: the application dropped the stream without closing it
            }
        });
    }
}
