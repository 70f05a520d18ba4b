package io.legoj.runtime.files;

import io.legoj.protocol.FileCreate;
import io.legoj.protocol.FileDelete;
import io.legoj.protocol.FileError;
import io.legoj.protocol.FileLength;
import io.legoj.protocol.FileList;
import io.legoj.protocol.FileMkdir;
import io.legoj.protocol.FileNames;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.FileRename;
import io.legoj.protocol.FileStat;
import io.legoj.protocol.FileStatReply;
import io.legoj.protocol.FileSync;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeFailureException;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.RemoteException;
import io.legoj.protocol.Ticker;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The application's file system on a storage node: path operations and {@link RemoteFile}s, over
 * one pipelined {@link NodeConnection}. Application paths (relative ones against the working
 * directory) are normalized and sent without their leading {@code /}, so {@code /home/u/x} is
 * {@code DIR/data/<appId>/home/u/x} on the node. Failures are the exceptions a local file system
 * gives, with the application's path strings in them (see {@link FileErrors}).
 *
 * <p>Coherence: what one {@link RemoteFile} has written is seen by the path operations of this
 * client ({@code stat}, {@code rename}, ...) issued after the write returned, and, while one path
 * is open more than once, by reads through the other files: buffered writes are sent first (the
 * node serves one application's requests in order).
 *
 * <p>Thread safety: a client may be shared by all threads; each {@link RemoteFile} is safe too.
 */
public final class StorageClient implements AutoCloseable {
    /**
     * @param chunkSize largest read or write request, and the write buffer of each file
     * @param writeWindow writes of one file in flight before a writer waits for the oldest
     * @param readAhead chunks fetched ahead of a sequential reader
     * @param workingDir what relative paths are resolved against
     */
    public record Settings(String secret, String appId, long timeoutNanos, Ticker ticker, int chunkSize, int writeWindow,
                           int readAhead, String workingDir) {
        public static final int DEFAULT_CHUNK = 1 << 20;

        public Settings {
            Objects.requireNonNull(secret, "secret must not be null");
            Objects.requireNonNull(appId, "appId must not be null");
            Objects.requireNonNull(ticker, "ticker must not be null");
            Objects.requireNonNull(workingDir, "workingDir must not be null");
            int max = FileProtocol.maxChunk(Protocol.DEFAULT_MAX_FRAME);
            if (chunkSize < 1 || chunkSize > max) {
                throw new IllegalArgumentException("chunkSize must be in [1, " + max + "], got " + chunkSize);
            }
            if (writeWindow < 1) {
                throw new IllegalArgumentException("writeWindow must be at least 1, got " + writeWindow);
            }
            if (readAhead < 0) {
                throw new IllegalArgumentException("readAhead must not be negative, got " + readAhead);
            }
            if (!Path.of(workingDir).isAbsolute()) {
                throw new IllegalArgumentException("workingDir must be absolute, got " + workingDir);
            }
        }

        /** 1 MiB chunks, 8 writes in flight, 4 chunks of read-ahead, 30 s time-out, the JVM's working directory. */
        public static Settings of(String secret, String appId) {
            return new Settings(secret, appId, TimeUnit.SECONDS.toNanos(30), Ticker.SYSTEM, DEFAULT_CHUNK, 8, 4,
                    System.getProperty("user.dir"));
        }

        public Settings withChunkSize(int bytes) {
            return new Settings(secret, appId, timeoutNanos, ticker, bytes, writeWindow, readAhead, workingDir);
        }

        public Settings withWindows(int writes, int reads) {
            return new Settings(secret, appId, timeoutNanos, ticker, chunkSize, writes, reads, workingDir);
        }

        public Settings withWorkingDir(String dir) {
            return new Settings(secret, appId, timeoutNanos, ticker, chunkSize, writeWindow, readAhead, dir);
        }

        public Settings withTimeout(long nanos, Ticker clock) {
            return new Settings(secret, appId, nanos, clock, chunkSize, writeWindow, readAhead, workingDir);
        }

        /** Like the record's, without the secret. */
        @Override
        public String toString() {
            return "Settings[appId=" + appId + ", chunkSize=" + chunkSize + ", writeWindow=" + writeWindow
                    + ", readAhead=" + readAhead + ", workingDir=" + workingDir + "]";
        }
    }

    private final NodeConnection connection;
    private final Settings settings;
    private final boolean ownsConnection;
    private final Set<RemoteFile> open = ConcurrentHashMap.newKeySet();
    /** Sends what a file gathered while its writes were in flight, once the last is answered (not on the event loop). */
    private final ThreadPoolExecutor pusher = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            new DefaultThreadFactory("legoj-files-push", true));

    /** Uses an open file-session connection (HELLO page size {@link FileProtocol#SESSION}); does not close it. */
    public StorageClient(NodeConnection connection, Settings settings) {
        this(connection, settings, false);
    }

    private StorageClient(NodeConnection connection, Settings settings, boolean ownsConnection) {
        this.connection = connection;
        this.settings = settings;
        this.ownsConnection = ownsConnection;
    }

    /** Connects to the storage node; a {@link NodeFailureException} says why it cannot. */
    public static StorageClient open(EventLoopGroup group, HostPort node, Settings settings) {
        NodeConnection.Settings s = new NodeConnection.Settings(settings.secret(), settings.appId(), FileProtocol.SESSION,
                settings.timeoutNanos(), settings.ticker());
        return new StorageClient(NodeConnection.open(group, "storagenode", node, s), settings, true);
    }

    public Settings settings() {
        return settings;
    }

    /** {@code storagenode host:port}. */
    public String node() {
        return connection.node();
    }

    /**
     * The node's relative path for an application path: resolved against the working directory,
     * normalized ({@code a/../b} is {@code b}), without the leading {@code /}; the root is {@code ""}.
     */
    public String nodePath(String path) throws FileSystemException {
        return nodePath(settings.workingDir(), path);
    }

    /** {@link #nodePath(String)} for a given working directory. */
    public static String nodePath(String workingDir, String path) throws FileSystemException {
        try {
            String abs = Path.of(workingDir).resolve(path).normalize().toString();
            return abs.startsWith("/") ? abs.substring(1) : abs;
        } catch (InvalidPathException e) {
            throw new FileSystemException(path, null, "Invalid path: " + e.getReason());
        }
    }

    public FileInfo stat(String path) throws IOException {
        String node = nodePath(path);
        pushWrites(node);
        FileStatReply r = (FileStatReply) call(new FileStat(connection.nextRequestId(), node), path, null);
        return r.exists() ? new FileInfo(true, r.isFile(), r.isDirectory(), r.length(), r.lastModified()) : FileInfo.MISSING;
    }

    public boolean exists(String path) throws IOException {
        return stat(path).exists();
    }

    /** The names in a directory, sorted. */
    public List<String> list(String dir) throws IOException {
        String node = nodePath(dir);
        List<String> names = new ArrayList<>();
        while (true) {
            FileNames page = (FileNames) call(new FileList(connection.nextRequestId(), node, names.size()), dir, null);
            names.addAll(page.names());
            if (!page.more() || page.names().isEmpty()) {
                return names;
            }
        }
    }

    /** Like {@code Files.createDirectory}: the parent must exist, the directory must not. */
    public void createDirectory(String dir) throws IOException {
        call(new FileMkdir(connection.nextRequestId(), nodePath(dir), false), dir, null);
    }

    /** Like {@code Files.createDirectories}: missing parents too, an existing directory is fine. */
    public void createDirectories(String dir) throws IOException {
        call(new FileMkdir(connection.nextRequestId(), nodePath(dir), true), dir, null);
    }

    /** Like {@code Files.createFile}: a new empty file, {@code FileAlreadyExistsException} if there is one. */
    public void createFile(String path) throws IOException {
        call(new FileCreate(connection.nextRequestId(), nodePath(path), true, false), path, null);
    }

    /** Like {@code Files.delete}: a file or an empty directory. */
    public void delete(String path) throws IOException {
        String node = nodePath(path);
        pushWrites(node);
        call(new FileDelete(connection.nextRequestId(), node), path, null);
    }

    /** Like {@code Files.move} with {@code ATOMIC_MOVE} (and {@code REPLACE_EXISTING} if asked): one atomic rename. */
    public void rename(String from, String to, boolean replaceExisting) throws IOException {
        String source = nodePath(from);
        String target = nodePath(to);
        pushWrites(source);
        pushWrites(target);
        call(new FileRename(connection.nextRequestId(), source, target, replaceExisting), from, to);
    }

    /** Makes a file or directory durable on the node. */
    public void sync(String path) throws IOException {
        String node = nodePath(path);
        pushWrites(node);
        call(new FileSync(connection.nextRequestId(), node), path, null);
    }

    /**
     * Opens a file with {@code Files.newByteChannel}'s options: {@code READ} (the default),
     * {@code WRITE}, {@code APPEND}, {@code CREATE}, {@code CREATE_NEW}, {@code TRUNCATE_EXISTING};
     * others are ignored. Without a create option the file must exist; a directory cannot be opened
     * ({@code FileSystemException} "Is a directory").
     */
    public RemoteFile open(String path, OpenOption... options) throws IOException {
        Set<OpenOption> o = Set.of(options);
        boolean append = o.contains(StandardOpenOption.APPEND);
        boolean write = append || o.contains(StandardOpenOption.WRITE);
        boolean createNew = write && o.contains(StandardOpenOption.CREATE_NEW);
        boolean create = write && (createNew || o.contains(StandardOpenOption.CREATE));
        boolean truncate = write && !append && o.contains(StandardOpenOption.TRUNCATE_EXISTING);
        if (append && o.contains(StandardOpenOption.READ)) {
            throw new IllegalArgumentException("READ + APPEND not allowed");
        }
        String node = nodePath(path);
        long length;
        if (create || truncate) {
            if (!create) {
                requireFile(path, node);
            }
            FileLength l = (FileLength) call(new FileCreate(connection.nextRequestId(), node, createNew, truncate), path, null);
            length = l.length();
        } else {
            length = requireFile(path, node).length();
        }
        boolean read = !write || o.contains(StandardOpenOption.READ);
        RemoteFile f = new RemoteFile(this, path, node, read, write, append, length);
        boolean shared = false;
        for (RemoteFile other : open) {
            if (other.node().equals(node)) {
                other.share();
                shared = true;
            }
        }
        if (shared) {
            f.share();
        }
        open.add(f);
        return f;
    }

    /** Opens as {@code RandomAccessFile} mode {@code r} or {@code rw} does (rw creates, never truncates). */
    public RemoteFile openRandomAccess(String path, boolean write) throws IOException {
        return write ? open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
                : open(path, StandardOpenOption.READ);
    }

    private FileInfo requireFile(String path, String node) throws IOException {
        FileStatReply r = (FileStatReply) call(new FileStat(connection.nextRequestId(), node), path, null);
        if (!r.exists()) {
            throw new java.nio.file.NoSuchFileException(path);
        }
        if (r.isDirectory()) {
            throw new FileSystemException(path, null, "Is a directory");
        }
        return new FileInfo(true, r.isFile(), false, r.length(), r.lastModified());
    }

    /** Closes the files still open (flushing them), then the connection if this client opened it. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (RemoteFile f : List.copyOf(open)) {
            try {
                f.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        pusher.shutdown();
        if (ownsConnection) {
            connection.close();
        }
        if (first != null) {
            throw first;
        }
    }

    /** The files opened through this client and not closed yet. */
    List<RemoteFile> openFiles() {
        return List.copyOf(open);
    }

    // ---- used by RemoteFile

    NodeConnection connection() {
        return connection;
    }

    void closed(RemoteFile f) {
        open.remove(f);
    }

    /** Has {@code f} send what it holds back, soon, on a thread of its own; a closed client's files flushed when closing. */
    void pushLater(RemoteFile f) {
        try {
            pusher.execute(f::push);
        } catch (RejectedExecutionException closed) {
            // close() flushed every file
        }
    }

    /**
     * Sends (without waiting) what open files hold back for {@code node} or anything under it, so
     * that a request sent next sees those writes, as it would locally; write failures stay with
     * their files.
     */
    private void pushWrites(String node) {
        for (RemoteFile f : open) {
            String n = f.node();
            if (node.isEmpty() || n.equals(node) || n.startsWith(node + "/")) {
                f.push();
            }
        }
    }

    /**
     * Sends a request and waits for its reply, which the caller owns; a FILE_ERROR becomes the JDK
     * exception naming {@code file} (and {@code other}), an ERROR or node failure an IOException.
     */
    Message call(Message request, String file, String other) throws IOException {
        Message reply;
        try {
            reply = connection.call(request);
        } catch (NodeFailureException | RemoteException e) {
            throw FileErrors.of(e);
        }
        if (reply instanceof FileError err) {
            throw error(err, file, other);
        }
        return reply;
    }

    /** The exception for {@code err}, its node paths shown as the application's paths they came from. */
    FileSystemException error(FileError err, String file, String other) {
        return FileErrors.of(err, shown(err.file(), file, other), err.other().isEmpty() ? null : shown(err.other(), file, other));
    }

    private String shown(String nodePath, String file, String other) {
        for (String candidate : Arrays.asList(file, other)) {
            if (candidate != null) {
                try {
                    if (nodePath(candidate).equals(nodePath)) {
                        return candidate;
                    }
                } catch (FileSystemException e) {
                    // not a valid path: cannot be the one
                }
            }
        }
        return "/" + nodePath;
    }
}
