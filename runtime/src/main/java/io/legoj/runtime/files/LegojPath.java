package io.legoj.runtime.files;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A path of the {@link LegojFileSystem}: the default file system's path with the LegoJ provider.
 * Syntax (names, resolve, normalize, relativize, URIs, comparison) is the local path's; paths of
 * the default file system given as arguments are accepted as the local path would accept them, and
 * a LegoJ path equals the local path it wraps.
 */
final class LegojPath implements Path {
    private final LegojFileSystem fs;
    private final Path local;

    LegojPath(LegojFileSystem fs, Path local) {
        this.fs = fs;
        this.local = local;
    }

    /** The default file system's path. */
    Path local() {
        return local;
    }

    private Path other(Path p) {
        return fs.unwrap(p);
    }

    @Override
    public LegojFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return local.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return fs.wrap(local.getRoot());
    }

    @Override
    public Path getFileName() {
        return fs.wrap(local.getFileName());
    }

    @Override
    public Path getParent() {
        return fs.wrap(local.getParent());
    }

    @Override
    public int getNameCount() {
        return local.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return fs.wrap(local.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return fs.wrap(local.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return other.getFileSystem() == fs || other.getFileSystem() == fs.local() ? local.startsWith(other(other)) : false;
    }

    @Override
    public boolean startsWith(String other) {
        return local.startsWith(other);
    }

    @Override
    public boolean endsWith(Path other) {
        return other.getFileSystem() == fs || other.getFileSystem() == fs.local() ? local.endsWith(other(other)) : false;
    }

    @Override
    public boolean endsWith(String other) {
        return local.endsWith(other);
    }

    @Override
    public Path normalize() {
        return fs.wrap(local.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return fs.wrap(local.resolve(other(other)));
    }

    @Override
    public Path resolve(String other) {
        return fs.wrap(local.resolve(other));
    }

    @Override
    public Path resolveSibling(Path other) {
        return fs.wrap(local.resolveSibling(other(other)));
    }

    @Override
    public Path resolveSibling(String other) {
        return fs.wrap(local.resolveSibling(other));
    }

    @Override
    public Path relativize(Path other) {
        return fs.wrap(local.relativize(other(other)));
    }

    @Override
    public URI toUri() {
        return local.toUri();
    }

    @Override
    public Path toAbsolutePath() {
        return fs.wrap(local.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return ((LegojFileSystemProvider) fs.provider()).toRealPath(this, options);
    }

    @Override
    public File toFile() {
        return new File(local.toString());
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
            throws IOException {
        if (RemoteFiles.clientFor(local.toString()) != null) {
            throw new UnsupportedOperationException("watching a directory of the storage node is not supported: " + this);
        }
        return local.register(watcher, events, modifiers);
    }

    @Override
    public Iterator<Path> iterator() {
        List<Path> names = new ArrayList<>();
        for (Path name : local) {
            names.add(fs.wrap(name));
        }
        return names.iterator();
    }

    @Override
    public int compareTo(Path other) {
        return local.compareTo(other(other));
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof LegojPath p) {
            return local.equals(p.local);
        }
        return o instanceof Path p && p.getFileSystem() == fs.local() && local.equals(p);
    }

    @Override
    public int hashCode() {
        return local.hashCode();
    }

    @Override
    public String toString() {
        return local.toString();
    }
}
