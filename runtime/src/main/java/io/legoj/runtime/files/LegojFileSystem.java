package io.legoj.runtime.files;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The default file system as rewritten code sees it: the JDK's paths wrapped in {@link LegojPath}s,
 * so that {@code Files.*} reach the {@link LegojFileSystemProvider}. Path syntax, matchers, roots
 * and watch services are the default file system's.
 */
public final class LegojFileSystem extends FileSystem {
    static final LegojFileSystem INSTANCE = new LegojFileSystem();

    private final FileSystem local = FileSystems.getDefault();
    private final LegojFileSystemProvider provider = new LegojFileSystemProvider(this, local.provider());

    private LegojFileSystem() {
    }

    /** The JDK's default file system, which local paths belong to. */
    FileSystem local() {
        return local;
    }

    LegojPath wrap(Path p) {
        return p == null ? null : new LegojPath(this, p);
    }

    /** The default file system's path behind {@code p}: a LegoJ path's, or a default path itself. */
    Path unwrap(Path p) {
        if (p instanceof LegojPath lp) {
            return lp.local();
        }
        if (p == null || p.getFileSystem() == local) {
            return p;
        }
        throw new java.nio.file.ProviderMismatchException("not a path of the default file system: " + p);
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    /** The default file system cannot be closed. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return local.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        local.getRootDirectories().forEach(r -> roots.add(wrap(r)));
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return local.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return local.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(local.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = local.getPathMatcher(syntaxAndPattern);
        return path -> m.matches(unwrap(path));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return local.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        return local.newWatchService();
    }

    @Override
    public String toString() {
        return "LegoJ file system over " + local;
    }
}
