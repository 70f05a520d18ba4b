package io.legoj.runtime.files;

import java.io.FileDescriptor;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The remote file behind each file descriptor a remote stream hands out ({@code getFD()} is final in
 * the JDK classes, so the stream's descriptor is a placeholder): {@code fd.sync()},
 * {@code fd.valid()} and {@code new FileOutputStream(fd)} in rewritten code look it up here. Keys
 * are held weakly, by identity ({@code FileDescriptor} does not override {@code equals}).
 */
final class Descriptors {
    private static final Map<FileDescriptor, RemoteFile> FILES = Collections.synchronizedMap(new WeakHashMap<>());

    private Descriptors() {
    }

    static void register(FileDescriptor fd, RemoteFile file) {
        FILES.put(fd, file);
    }

    /** The remote file of {@code fd}, or null for a descriptor of the local system. */
    static RemoteFile fileOf(FileDescriptor fd) {
        return FILES.get(fd);
    }
}
