package io.legoj.runtime.files;

/**
 * What a path on the storage node is, as {@code java.io.File} and {@code BasicFileAttributes} ask
 * it: nothing ({@link #MISSING}), a regular file, a directory, or something else.
 *
 * @param lastModified milliseconds since the epoch, 0 when missing
 */
public record FileInfo(boolean exists, boolean isFile, boolean isDirectory, long length, long lastModified) {
    public static final FileInfo MISSING = new FileInfo(false, false, false, 0, 0);
}
