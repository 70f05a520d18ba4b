package io.legoj.runtime.files;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;

/**
 * Where rewritten code's calls that make paths of the default file system go ({@code Paths.get},
 * {@code Path.of}, {@code FileSystems.getDefault()}, {@code Files.createTempFile/Directory} without
 * a directory): with remote files installed they give paths of the {@link LegojFileSystem}, whose
 * provider sends operations on paths under the mount to the storage node; without, the JDK's.
 */
public final class PathCalls {
    private PathCalls() {
    }

    /** {@code Paths.get(first, more)} and {@code Path.of(first, more)}. */
    public static Path get(String first, String[] more) {
        return wrap(Path.of(first, more));
    }

    /** {@code Paths.get(uri)} and {@code Path.of(uri)}: {@code file:} URIs give LegoJ paths. */
    public static Path get(URI uri) {
        return wrap(Path.of(uri));
    }

    public static FileSystem getDefault() {
        return RemoteFiles.installed() == null ? FileSystems.getDefault() : LegojFileSystem.INSTANCE;
    }

    public static Path createTempFile(String prefix, String suffix, FileAttribute<?>[] attrs) throws IOException {
        Path dir = tempDir();
        return dir == null ? Files.createTempFile(prefix, suffix, attrs) : Files.createTempFile(dir, prefix, suffix, attrs);
    }

    public static Path createTempDirectory(String prefix, FileAttribute<?>[] attrs) throws IOException {
        Path dir = tempDir();
        return dir == null ? Files.createTempDirectory(prefix, attrs) : Files.createTempDirectory(dir, prefix, attrs);
    }

    private static Path tempDir() {
        return RemoteFiles.installed() == null ? null : get(System.getProperty("java.io.tmpdir"), new String[0]);
    }

    /** A path of the default file system as a LegoJ path, when remote files are installed; others unchanged. */
    static Path wrap(Path p) {
        return RemoteFiles.installed() != null && p.getFileSystem() == FileSystems.getDefault()
                ? new LegojPath(LegojFileSystem.INSTANCE, p) : p;
    }
}
