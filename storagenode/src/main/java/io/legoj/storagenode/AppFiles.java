package io.legoj.storagenode;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.FileAppend;
import io.legoj.protocol.FileCreate;
import io.legoj.protocol.FileData;
import io.legoj.protocol.FileDelete;
import io.legoj.protocol.FileLength;
import io.legoj.protocol.FileList;
import io.legoj.protocol.FileMkdir;
import io.legoj.protocol.FileNames;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.FileRead;
import io.legoj.protocol.FileRename;
import io.legoj.protocol.FileSetLength;
import io.legoj.protocol.FileStat;
import io.legoj.protocol.FileStatReply;
import io.legoj.protocol.FileSync;
import io.legoj.protocol.FileWrite;
import io.legoj.protocol.Message;
import io.legoj.protocol.Ok;
import io.legoj.protocol.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of one application, under {@code dir/data/<appId>/}. Every request runs on the
 * application's {@link Lane}, so requests are served one at a time in arrival order and the open
 * file cache and dirty sets below need no locks; only a checkpoint touches the dirty sets from
 * another thread, under the store's write lock.
 *
 * <p>A mutation is checked first (so that what fails the way a local file system fails is never
 * journaled), then journaled, then applied, then answered. Applying is idempotent ({@link #apply}),
 * which is what recovery relies on.
 */
final class AppFiles {
    private static final System.Logger LOG = System.getLogger(AppFiles.class.getName());
    private static final int OPEN_FILES = 32;
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** What a path is; {@code UNDER_FILE}: a name above it is not a directory. */
    enum Kind { MISSING, FILE, DIRECTORY, OTHER, UNDER_FILE }

    /** Paths changed since the last checkpoint, to force at the next one. */
    record Dirty(Set<String> files, Set<String> dirs) {
        Dirty() {
            this(new HashSet<>(), new HashSet<>());
        }
    }

    final String appId;
    final Path root;
    final Lane lane;
    private final FileStore store;
    private final Map<String, FileChannel> open = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FileChannel> eldest) {
            if (size() > OPEN_FILES) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };
    private Dirty dirty = new Dirty();

    AppFiles(String appId, Path root, Lane lane, FileStore store) {
        this.appId = appId;
        this.root = root;
        this.lane = lane;
        this.store = store;
    }

    /** The reply to a file request; never throws. Does not release {@code m}. */
    Message serve(Message m, ByteBufAllocator alloc) {
        long id = m.requestId();
        try {
            return switch (m.type()) {
                case FILE_STAT -> stat((FileStat) m);
                case FILE_READ -> read((FileRead) m, alloc);
                case FILE_WRITE -> write((FileWrite) m);
                case FILE_APPEND -> append((FileAppend) m);
                case FILE_SET_LENGTH -> setLength((FileSetLength) m);
                case FILE_CREATE -> create((FileCreate) m);
                case FILE_DELETE -> delete((FileDelete) m);
                case FILE_MKDIR -> mkdir((FileMkdir) m);
                case FILE_RENAME -> rename((FileRename) m);
                case FILE_LIST -> list((FileList) m);
                case FILE_SYNC -> sync((FileSync) m);
                default -> new ErrorMessage(id, ErrorCode.BAD_REQUEST, m.type() + " is not a file request");
            };
        } catch (FileFailure f) {
            return f.reply(id);
        } catch (IOException e) {
            return FileFailure.of(e, primaryPath(m), "", this::relative).reply(id);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + id + " (" + m.type() + ") of " + appId + " failed", e);
            return new ErrorMessage(id, ErrorCode.INTERNAL, m.type() + " failed on the storagenode: " + e);
        }
    }

    /** The path a request is about, for failures that do not name one. */
    private static String primaryPath(Message m) {
        if (m instanceof FileStat s) {
            return s.path();
        } else if (m instanceof FileRead r) {
            return r.path();
        } else if (m instanceof FileWrite w) {
            return w.path();
        } else if (m instanceof FileAppend a) {
            return a.path();
        } else if (m instanceof FileSetLength l) {
            return l.path();
        } else if (m instanceof FileCreate c) {
            return c.path();
        } else if (m instanceof FileDelete d) {
            return d.path();
        } else if (m instanceof FileMkdir k) {
            return k.path();
        } else if (m instanceof FileRename r) {
            return r.from();
        } else if (m instanceof FileList l) {
            return l.path();
        } else if (m instanceof FileSync s) {
            return s.path();
        }
        return "";
    }

    private Message stat(FileStat s) throws IOException {
        Path p = resolve(checkPath(s.path()));
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
            byte kind = a.isRegularFile() ? FileStatReply.FILE : a.isDirectory() ? FileStatReply.DIRECTORY : FileStatReply.OTHER;
            return new FileStatReply(s.requestId(), kind, a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return new FileStatReply(s.requestId(), FileStatReply.MISSING, 0, 0);
        } catch (FileSystemException e) {
            if (FileFailure.NOT_A_DIRECTORY.equals(e.getReason())) {
                return new FileStatReply(s.requestId(), FileStatReply.MISSING, 0, 0);
            }
            throw e;
        }
    }

    private Message read(FileRead r, ByteBufAllocator alloc) throws IOException {
        if (r.length() > store.maxChunk) {
            return new ErrorMessage(r.requestId(), ErrorCode.BAD_REQUEST, "FILE_READ of " + r.length()
                    + " bytes: at most " + store.maxChunk + " fit in a frame of this node");
        }
        FileChannel ch = channel(checkPath(r.path()), false);
        long size = ch.size();
        int n = (int) Math.max(0, Math.min(r.length(), size - r.offset()));
        ByteBuf buf = alloc.ioBuffer(n);
        try {
            while (buf.readableBytes() < n) {
                if (buf.writeBytes(ch, r.offset() + buf.readableBytes(), n - buf.readableBytes()) <= 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
        return new FileData(r.requestId(), size, buf);
    }

    private Message write(FileWrite w) throws IOException {
        return writeAt(w.requestId(), w.path(), w.offset(), w.data(), false);
    }

    private Message append(FileAppend a) throws IOException {
        return writeAt(a.requestId(), a.path(), 0, a.data(), true);
    }

    private Message writeAt(long id, String path, long offset, ByteBuf data, boolean append) throws IOException {
        checkPath(path);
        if (data.readableBytes() > store.maxChunk) {
            return new ErrorMessage(id, ErrorCode.BAD_REQUEST, "a write of " + data.readableBytes()
                    + " bytes: at most " + store.maxChunk + " fit in a frame of this node");
        }
        long before = sizeForWrite(path);
        long at = append ? Math.max(before, 0) : offset;
        if (at + data.readableBytes() < 0) {
            throw new FileFailure(ErrorCode.IO_ERROR, path, "", "File too large");
        }
        mutate(JournalEntry.write(appId, path, at, data.nioBuffer()));
        long after = channel(path, false).size();
        store.account(before < 0 ? 1 : 0, after - Math.max(before, 0));
        return new FileLength(id, after);
    }

    private Message setLength(FileSetLength s) throws IOException {
        long size = existingFileSize(s.path());
        if (size != s.length()) {
            mutate(JournalEntry.setLength(appId, s.path(), s.length()));
            store.account(0, s.length() - size);
        }
        return new Ok(s.requestId());
    }

    private Message create(FileCreate c) throws IOException {
        String path = checkPath(c.path());
        Kind k = kindOf(path);
        switch (k) {
            case FILE -> {
                if (c.exclusive()) {
                    throw new FileFailure(ErrorCode.ALREADY_EXISTS, path);
                }
                long size = size(path);
                if (c.truncate() && size > 0) {
                    mutate(JournalEntry.create(appId, path, true));
                    store.account(0, -size);
                    return new FileLength(c.requestId(), 0);
                }
                return new FileLength(c.requestId(), size);
            }
            case MISSING -> {
                checkParent(path, path, "");
                mutate(JournalEntry.create(appId, path, false));
                store.account(1, 0);
                return new FileLength(c.requestId(), 0);
            }
            case UNDER_FILE -> throw notADirectory(path);
            default -> {
                if (c.exclusive()) {
                    throw new FileFailure(ErrorCode.ALREADY_EXISTS, path);
                }
                throw k == Kind.DIRECTORY ? isADirectory(path) : notRegular(path);
            }
        }
    }

    private Message delete(FileDelete d) throws IOException {
        String path = checkPath(d.path());
        if (path.isEmpty()) {
            throw new FileFailure(ErrorCode.INVALID_PATH, path, "", "the application's root cannot be deleted");
        }
        Kind k = kindOf(path);
        switch (k) {
            case MISSING -> throw new FileFailure(ErrorCode.NOT_FOUND, path);
            case UNDER_FILE -> throw notADirectory(path);
            case DIRECTORY -> {
                if (!isEmptyDirectory(resolve(path))) {
                    throw new FileFailure(ErrorCode.DIRECTORY_NOT_EMPTY, path);
                }
            }
            default -> { }
        }
        long size = k == Kind.FILE ? size(path) : 0;
        mutate(JournalEntry.delete(appId, path));
        store.account(k == Kind.FILE ? -1 : 0, -size);
        return new Ok(d.requestId());
    }

    private Message mkdir(FileMkdir m) throws IOException {
        String path = checkPath(m.path());
        Kind k = kindOf(path);
        if (k == Kind.DIRECTORY && m.parents()) {
            return new Ok(m.requestId());
        }
        if (k == Kind.DIRECTORY || k == Kind.FILE || k == Kind.OTHER) {
            throw new FileFailure(ErrorCode.ALREADY_EXISTS, path);
        }
        if (m.parents()) {
            checkAncestors(path);
        } else if (k == Kind.UNDER_FILE) {
            throw notADirectory(path);
        } else {
            checkParent(path, path, "");
        }
        mutate(JournalEntry.mkdir(appId, path, m.parents()));
        return new Ok(m.requestId());
    }

    private Message rename(FileRename r) throws IOException {
        String from = checkPath(r.from());
        String to = checkPath(r.to());
        if (from.isEmpty() || to.isEmpty()) {
            throw new FileFailure(ErrorCode.INVALID_PATH, from, to, "the application's root cannot be renamed");
        }
        Kind source = kindOf(from);
        if (source == Kind.MISSING) {
            throw new FileFailure(ErrorCode.NOT_FOUND, from);
        }
        if (source == Kind.UNDER_FILE) {
            throw notADirectory(from);
        }
        if (from.equals(to)) {
            return new Ok(r.requestId());
        }
        if (to.startsWith(from + "/")) {
            throw new FileFailure(ErrorCode.IO_ERROR, from, to, "Invalid argument");
        }
        Kind target = kindOf(to);
        long replaced = 0;
        switch (target) {
            case MISSING -> checkParent(to, from, to);
            case UNDER_FILE -> throw new FileFailure(ErrorCode.NOT_A_DIRECTORY, from, to, FileFailure.NOT_A_DIRECTORY);
            default -> {
                if (!r.replaceExisting()) {
                    throw new FileFailure(ErrorCode.ALREADY_EXISTS, to);
                }
                if (target == Kind.DIRECTORY && !isEmptyDirectory(resolve(to))) {
                    throw new FileFailure(ErrorCode.DIRECTORY_NOT_EMPTY, to);
                }
                replaced = target == Kind.FILE ? size(to) : 0;
            }
        }
        mutate(JournalEntry.rename(appId, from, to, r.replaceExisting()));
        store.account(target == Kind.FILE ? -1 : 0, -replaced);
        return new Ok(r.requestId());
    }

    private Message list(FileList l) throws IOException {
        String path = checkPath(l.path());
        Kind k = kindOf(path);
        if (k == Kind.MISSING) {
            throw new FileFailure(ErrorCode.NOT_FOUND, path);
        }
        if (k != Kind.DIRECTORY) {
            throw new FileFailure(ErrorCode.NOT_A_DIRECTORY, path);
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(resolve(path))) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        long budget = store.maxFrame - Protocol.HEADER_BYTES - 5L;
        List<String> page = new ArrayList<>();
        int i = l.start();
        for (; i < names.size(); i++) {
            long size = 2L + names.get(i).getBytes(StandardCharsets.UTF_8).length;
            if (size > budget && !page.isEmpty()) {
                break;
            }
            budget -= size;
            page.add(names.get(i));
        }
        return new FileNames(l.requestId(), page, i < names.size());
    }

    private Message sync(FileSync s) throws IOException {
        String path = checkPath(s.path());
        switch (kindOf(path)) {
            case MISSING -> throw new FileFailure(ErrorCode.NOT_FOUND, path);
            case UNDER_FILE -> throw notADirectory(path);
            case FILE -> channel(path, false).force(true);
            default -> Durable.force(resolve(path));
        }
        Durable.force(path.isEmpty() ? root : resolve(parent(path)));
        return new Ok(s.requestId());
    }

    /** Journals {@code e}, then applies it, while no checkpoint can start; a failed apply is journaled as aborted. */
    private void mutate(JournalEntry e) throws IOException {
        store.lock.readLock().lock();
        try {
            store.journal.append(e);
            try {
                apply(e);
            } catch (IOException | RuntimeException x) {
                store.journal.append(JournalEntry.abort(appId));
                throw x;
            }
        } finally {
            store.lock.readLock().unlock();
        }
        store.afterMutation();
    }

    /**
     * Applies a journaled mutation; applying it again, or after it was partly applied, gives the
     * same files (a rename whose source is gone is taken as done). Marks what it changed dirty.
     */
    void apply(JournalEntry e) throws IOException {
        switch (e.op()) {
            case JournalEntry.WRITE -> {
                FileChannel ch = channel(e.path(), true);
                ByteBuffer data = e.data().duplicate();
                long at = e.value();
                while (data.hasRemaining()) {
                    at += ch.write(data, at);
                }
            }
            case JournalEntry.SET_LENGTH -> {
                FileChannel ch = channel(e.path(), false);
                long size = ch.size();
                if (e.value() < size) {
                    ch.truncate(e.value());
                } else if (e.value() > size) {
                    ch.write(ByteBuffer.allocate(1), e.value() - 1);
                }
            }
            case JournalEntry.CREATE -> {
                FileChannel ch = channel(e.path(), true);
                if (e.flag()) {
                    ch.truncate(0);
                }
            }
            case JournalEntry.DELETE -> {
                closeUnder(e.path());
                Files.deleteIfExists(resolve(e.path()));
            }
            case JournalEntry.MKDIR -> {
                Path p = resolve(e.path());
                if (e.flag()) {
                    Files.createDirectories(p);
                } else if (!Files.isDirectory(p, NOFOLLOW)) {
                    Files.createDirectory(p);
                }
            }
            case JournalEntry.RENAME -> renameNow(e.path(), e.other(), e.flag());
            default -> { }
        }
        markDirty(e);
    }

    private void renameNow(String from, String to, boolean replace) throws IOException {
        Path f = resolve(from);
        Path t = resolve(to);
        if (!Files.exists(f, NOFOLLOW)) {
            return;
        }
        closeUnder(from);
        closeUnder(to);
        if (replace && Files.exists(t, NOFOLLOW) && Files.isDirectory(t, NOFOLLOW) != Files.isDirectory(f, NOFOLLOW)) {
            Files.delete(t);
        }
        Files.move(f, t, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Records what {@code e} changes, for the next checkpoint to force; also used on entries replayed at start-up. */
    void markDirty(JournalEntry e) {
        String path = e.path();
        switch (e.op()) {
            case JournalEntry.WRITE, JournalEntry.SET_LENGTH, JournalEntry.CREATE -> {
                dirty.files.add(path);
                dirty.dirs.add(parent(path));
            }
            case JournalEntry.DELETE -> {
                dirty.files.remove(path);
                dirty.dirs.add(parent(path));
            }
            case JournalEntry.MKDIR -> {
                for (String p = path; !p.isEmpty(); p = parent(p)) {
                    dirty.dirs.add(p);
                }
                dirty.dirs.add("");
            }
            case JournalEntry.RENAME -> {
                rekey(dirty.files, path, e.other());
                rekey(dirty.dirs, path, e.other());
                dirty.dirs.add(parent(path));
                dirty.dirs.add(parent(e.other()));
            }
            default -> { }
        }
    }

    private static void rekey(Set<String> set, String from, String to) {
        List<String> moved = new ArrayList<>();
        for (Iterator<String> it = set.iterator(); it.hasNext(); ) {
            String p = it.next();
            if (p.equals(from) || p.startsWith(from + "/")) {
                moved.add(to + p.substring(from.length()));
                it.remove();
            }
        }
        set.addAll(moved);
    }

    /** Hands over what changed since the last call; only under the store's write lock. */
    Dirty takeDirty() {
        Dirty d = dirty;
        dirty = new Dirty();
        return d;
    }

    /** Gives back what a failed checkpoint could not force; only under the store's write lock. */
    void restoreDirty(Dirty d) {
        dirty.files.addAll(d.files);
        dirty.dirs.addAll(d.dirs);
    }

    /** Forces the files and directories of {@code d} that still exist. */
    void force(Dirty d) throws IOException {
        for (String f : d.files) {
            Durable.forceIfExists(resolve(f));
        }
        for (String dir : d.dirs) {
            Durable.forceIfExists(resolve(dir));
        }
    }

    void closeChannels() {
        open.values().forEach(AppFiles::closeQuietly);
        open.clear();
    }

    // ---- paths and kinds

    private String checkPath(String path) {
        String why = FileProtocol.invalidPath(path);
        if (why != null) {
            throw new FileFailure(ErrorCode.INVALID_PATH, path.replace('\0', '?'), "", "invalid path: it " + why);
        }
        return path;
    }

    Path resolve(String rel) {
        return rel.isEmpty() ? root : root.resolve(rel);
    }

    static String parent(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    private String relative(String absolute) {
        Path p = Path.of(absolute);
        return p.startsWith(root) ? root.relativize(p).toString() : absolute;
    }

    private Kind kindOf(String rel) throws IOException {
        if (open.containsKey(rel)) {
            return Kind.FILE;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(resolve(rel), BasicFileAttributes.class, NOFOLLOW);
            return a.isRegularFile() ? Kind.FILE : a.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
        } catch (NoSuchFileException e) {
            return Kind.MISSING;
        } catch (FileSystemException e) {
            if (FileFailure.NOT_A_DIRECTORY.equals(e.getReason())) {
                return Kind.UNDER_FILE;
            }
            throw e;
        }
    }

    /** The parent of {@code rel} must be a directory for {@code rel} to be created; failures name {@code file}, {@code other}. */
    private void checkParent(String rel, String file, String other) throws IOException {
        switch (kindOf(parent(rel))) {
            case DIRECTORY -> { }
            case MISSING -> throw new FileFailure(ErrorCode.NOT_FOUND, file, other, "");
            default -> throw new FileFailure(ErrorCode.NOT_A_DIRECTORY, file, other, FileFailure.NOT_A_DIRECTORY);
        }
    }

    /**
     * For a mkdir with parents: a name on the way that is not a directory fails it as in
     * {@code Files.createDirectories} ("file/x: Not a directory").
     */
    private void checkAncestors(String rel) throws IOException {
        int from = 0;
        while (true) {
            int slash = rel.indexOf('/', from);
            if (slash < 0) {
                return;
            }
            Kind k = kindOf(rel.substring(0, slash));
            if (k == Kind.MISSING) {
                return;
            }
            if (k != Kind.DIRECTORY) {
                int next = rel.indexOf('/', slash + 1);
                throw notADirectory(next < 0 ? rel : rel.substring(0, next));
            }
            from = slash + 1;
        }
    }

    private long size(String rel) throws IOException {
        FileChannel ch = open.get(rel);
        return ch != null ? ch.size() : Files.size(resolve(rel));
    }

    /** The size of an existing regular file, else the failure a local file system gives. */
    private long existingFileSize(String rel) throws IOException {
        checkPath(rel);
        return switch (kindOf(rel)) {
            case FILE -> size(rel);
            case MISSING -> throw new FileFailure(ErrorCode.NOT_FOUND, rel);
            case DIRECTORY -> throw isADirectory(rel);
            case UNDER_FILE -> throw notADirectory(rel);
            case OTHER -> throw notRegular(rel);
        };
    }

    /** The size of the file a write goes to, or -1 when the write creates it. */
    private long sizeForWrite(String rel) throws IOException {
        if (kindOf(rel) == Kind.MISSING) {
            checkParent(rel, rel, "");
            return -1;
        }
        return existingFileSize(rel);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    /** The open channel of a regular file, opened (and with {@code create} created) when not cached. */
    private FileChannel channel(String rel, boolean create) throws IOException {
        FileChannel ch = open.get(rel);
        if (ch != null && ch.isOpen()) {
            return ch;
        }
        switch (kindOf(rel)) {
            case FILE -> { }
            case MISSING -> {
                if (!create) {
                    throw new FileFailure(ErrorCode.NOT_FOUND, rel);
                }
            }
            case DIRECTORY -> throw isADirectory(rel);
            case UNDER_FILE -> throw notADirectory(rel);
            case OTHER -> throw notRegular(rel);
        }
        ch = create ? FileChannel.open(resolve(rel), StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
                : FileChannel.open(resolve(rel), StandardOpenOption.READ, StandardOpenOption.WRITE);
        open.put(rel, ch);
        return ch;
    }

    private void closeUnder(String rel) {
        for (Iterator<Map.Entry<String, FileChannel>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, FileChannel> e = it.next();
            if (rel.isEmpty() || e.getKey().equals(rel) || e.getKey().startsWith(rel + "/")) {
                closeQuietly(e.getValue());
                it.remove();
            }
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing a file failed: " + e);
        }
    }

    private static FileFailure notADirectory(String rel) {
        return new FileFailure(ErrorCode.NOT_A_DIRECTORY, rel, "", FileFailure.NOT_A_DIRECTORY);
    }

    private static FileFailure isADirectory(String rel) {
        return new FileFailure(ErrorCode.IS_A_DIRECTORY, rel, "", FileFailure.IS_A_DIRECTORY);
    }

    private static FileFailure notRegular(String rel) {
        return new FileFailure(ErrorCode.IO_ERROR, rel, "", "not a regular file");
    }
}
