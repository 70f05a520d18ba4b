package io.legoj.runtime.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The provider of {@link LegojPath}s: each operation on a path under the mount goes to the storage
 * node ({@link StorageClient}), with the local file system's exceptions; every other path is the
 * default provider's business. Remote files support basic attributes only (no POSIX permissions,
 * owners, links, file stores or setting times: those throw {@code UnsupportedOperationException}).
 */
final class LegojFileSystemProvider extends FileSystemProvider {
    private final LegojFileSystem fs;
    private final FileSystemProvider local;

    LegojFileSystemProvider(LegojFileSystem fs, FileSystemProvider local) {
        this.fs = fs;
        this.local = local;
    }

    /** The client for {@code p}, or null when {@code p} is local. */
    private static StorageClient remote(Path p) {
        return RemoteFiles.clientFor(p.toString());
    }

    private Path local(Path p) {
        return fs.unwrap(p);
    }

    private static UnsupportedOperationException unsupported(String what, Path p) {
        return new UnsupportedOperationException(what + " is not supported for files on the storage node: " + p);
    }

    @Override
    public String getScheme() {
        return local.getScheme();
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new FileSystemAlreadyExistsException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        local.getFileSystem(uri);
        return fs;
    }

    @Override
    public Path getPath(URI uri) {
        return fs.wrap(local.getPath(uri));
    }

    // ---- opening

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return remote(path) == null ? local.newByteChannel(local(path), options, attrs) : newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        StorageClient c = remote(path);
        if (c == null) {
            return local.newFileChannel(local(path), options, attrs);
        }
        checkOptions(options, attrs);
        boolean append = options.contains(StandardOpenOption.APPEND);
        boolean write = append || options.contains(StandardOpenOption.WRITE);
        boolean read = !write || options.contains(StandardOpenOption.READ);
        boolean sync = options.contains(StandardOpenOption.SYNC) || options.contains(StandardOpenOption.DSYNC);
        String name = path.toString();
        RemoteFile f = c.open(name, options.toArray(new OpenOption[0]));
        RemoteFiles.countOpen();
        Runnable afterClose = options.contains(StandardOpenOption.DELETE_ON_CLOSE) ? () -> deleteQuietly(c, name) : null;
        return new RemoteFileChannel(f, read, write, append, sync, null, afterClose);
    }

    private static void deleteQuietly(StorageClient c, String name) {
        try {
            c.delete(name);
        } catch (IOException e) {
            // as locally: DELETE_ON_CLOSE is best effort
        }
    }

    /** The option checks of the JDK's file channels, with their messages. */
    private static void checkOptions(Set<? extends OpenOption> options, FileAttribute<?>... attrs) {
        for (OpenOption o : options) {
            if (!(o instanceof StandardOpenOption) && !(o instanceof LinkOption)) {
                throw new UnsupportedOperationException(o + " not supported");
            }
        }
        if (options.contains(StandardOpenOption.APPEND)) {
            if (options.contains(StandardOpenOption.READ)) {
                throw new IllegalArgumentException("READ + APPEND not allowed");
            }
            if (options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
                throw new IllegalArgumentException("APPEND + TRUNCATE_EXISTING not allowed");
            }
        }
        for (FileAttribute<?> a : attrs) {
            if (!a.name().equals("posix:permissions") && !a.name().equals("unix:permissions")) {
                throw new UnsupportedOperationException("Initial file attribute '" + a.name() + "' not supported");
            }
        }
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        StorageClient c = remote(path);
        if (c == null) {
            return local.newInputStream(local(path), options);
        }
        for (OpenOption o : options) {
            if (o == StandardOpenOption.APPEND || o == StandardOpenOption.WRITE) {
                throw new UnsupportedOperationException("'" + o + "' not allowed");
            }
        }
        RemoteFile f = c.open(path.toString(), StandardOpenOption.READ);
        RemoteFiles.countOpen();
        return new RemoteFileInputStream(f);
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        StorageClient c = remote(path);
        if (c == null) {
            return local.newOutputStream(local(path), options);
        }
        Set<OpenOption> o = new HashSet<>();
        if (options.length == 0) {
            o.add(StandardOpenOption.CREATE);
            o.add(StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            for (OpenOption opt : options) {
                if (opt == StandardOpenOption.READ) {
                    throw new IllegalArgumentException("READ not allowed");
                }
                o.add(opt);
            }
        }
        o.add(StandardOpenOption.WRITE);
        checkOptions(o);
        RemoteFile f = c.open(path.toString(), o.toArray(new OpenOption[0]));
        RemoteFiles.countOpen();
        return new RemoteFileOutputStream(f, o.contains(StandardOpenOption.APPEND));
    }

    @Override
    public AsynchronousFileChannel newAsynchronousFileChannel(Path path, Set<? extends OpenOption> options,
            ExecutorService executor, FileAttribute<?>... attrs) throws IOException {
        if (remote(path) != null) {
            throw unsupported("an asynchronous file channel", path);
        }
        return local.newAsynchronousFileChannel(local(path), options, executor, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        StorageClient c = remote(dir);
        if (c == null) {
            DirectoryStream<Path> ds = local.newDirectoryStream(local(dir), entry -> filter.accept(fs.wrap(entry)));
            return RemoteDirectoryStream.wrapping(ds, fs);
        }
        if (filter == null) {
            throw new NullPointerException();
        }
        return new RemoteDirectoryStream(dir, c.list(dir.toString()), filter);
    }

    // ---- changes

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        StorageClient c = remote(dir);
        if (c == null) {
            local.createDirectory(local(dir), attrs);
            return;
        }
        checkOptions(Set.of(), attrs);
        c.createDirectory(dir.toString());
    }

    @Override
    public void delete(Path path) throws IOException {
        StorageClient c = remote(path);
        if (c == null) {
            local.delete(local(path));
        } else {
            c.delete(path.toString());
        }
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        if (remote(source) == null && remote(target) == null) {
            local.copy(local(source), local(target), options);
            return;
        }
        Set<CopyOption> o = Set.of(options);
        if (o.contains(StandardCopyOption.ATOMIC_MOVE)) {
            throw new UnsupportedOperationException("Unsupported copy option");
        }
        copyAcross(source, target, o.contains(StandardCopyOption.REPLACE_EXISTING));
    }

    /** A copy where one side (or both) is on the storage node: attributes are not copied. */
    private void copyAcross(Path source, Path target, boolean replace) throws IOException {
        BasicFileAttributes a = readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (exists(target)) {
            if (isSameFile(source, target)) {
                return;
            }
            if (!replace) {
                throw new FileAlreadyExistsException(target.toString());
            }
            delete(target);
        }
        if (a.isDirectory()) {
            createDirectory(target);
            return;
        }
        try (InputStream in = newInputStream(source);
                OutputStream out = newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            in.transferTo(out);
        }
    }

    private boolean exists(Path p) throws IOException {
        try {
            readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Within the storage node one atomic rename ({@code ATOMIC_MOVE} replaces the target, as
     * {@code rename(2)} does); between it and the local disk a copy and a delete, and
     * {@code ATOMIC_MOVE} fails as it does across local devices.
     */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        StorageClient from = remote(source);
        StorageClient to = remote(target);
        if (from == null && to == null) {
            local.move(local(source), local(target), options);
            return;
        }
        Set<CopyOption> o = Set.of(options);
        boolean atomic = o.contains(StandardCopyOption.ATOMIC_MOVE);
        boolean replace = o.contains(StandardCopyOption.REPLACE_EXISTING);
        if (from == to) {
            from.rename(source.toString(), target.toString(), atomic || replace);
            return;
        }
        if (atomic) {
            throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "Invalid cross-device link");
        }
        BasicFileAttributes a = readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory() && newDirectoryStream(source, p -> true).iterator().hasNext()) {
            throw new java.nio.file.DirectoryNotEmptyException(source.toString());
        }
        copyAcross(source, target, replace);
        delete(source);
    }

    // ---- queries

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        if (path.equals(path2)) {
            return true;
        }
        StorageClient a = remote(path);
        StorageClient b = remote(path2);
        if (a == null && b == null) {
            return local.isSameFile(local(path), local(path2));
        }
        if (a != b) {
            return false;
        }
        checkAccess(path);
        checkAccess(path2);
        return a.nodePath(path.toString()).equals(a.nodePath(path2.toString()));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return local.isHidden(local(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        if (remote(path) != null) {
            throw unsupported("a file store", path);
        }
        return local.getFileStore(local(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        StorageClient c = remote(path);
        if (c == null) {
            local.checkAccess(local(path), modes);
            return;
        }
        FileInfo info = c.stat(path.toString());
        if (!info.exists()) {
            throw new NoSuchFileException(path.toString());
        }
        if (Arrays.asList(modes).contains(AccessMode.EXECUTE) && !info.isDirectory()) {
            throw new AccessDeniedException(path.toString());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (remote(path) == null) {
            return local.getFileAttributeView(local(path), type, options);
        }
        return type == BasicFileAttributeView.class ? (V) new RemoteAttributes.View(path) : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        StorageClient c = remote(path);
        if (c == null) {
            return local.readAttributes(local(path), type, options);
        }
        if (type != BasicFileAttributes.class) {
            throw unsupported(type.getSimpleName(), path);
        }
        return (A) RemoteAttributes.of(c, path);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        StorageClient c = remote(path);
        if (c == null) {
            return local.readAttributes(local(path), attributes, options);
        }
        return RemoteAttributes.of(c, path).asMap(path, attributes);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        if (remote(path) != null) {
            throw unsupported("setting attribute " + attribute, path);
        }
        local.setAttribute(local(path), attribute, value, options);
    }

    // ---- links

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        if (remote(link) != null) {
            throw unsupported("a symbolic link", link);
        }
        local.createSymbolicLink(local(link), local(target), attrs);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        if (remote(link) != null || remote(existing) != null) {
            throw unsupported("a hard link", link);
        }
        local.createLink(local(link), local(existing));
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        if (remote(link) != null) {
            throw new java.nio.file.NotLinkException(link.toString());
        }
        return fs.wrap(local.readSymbolicLink(local(link)));
    }

    /** {@link LegojPath#toRealPath}: on the storage node, the absolute normalized path of an existing file. */
    Path toRealPath(LegojPath path, LinkOption... options) throws IOException {
        if (remote(path) == null) {
            return fs.wrap(path.local().toRealPath(options));
        }
        checkAccess(path);
        return path.toAbsolutePath().normalize();
    }
}
