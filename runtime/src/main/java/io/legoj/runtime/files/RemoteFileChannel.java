package io.legoj.runtime.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * A {@code FileChannel} on a {@link RemoteFile}: of a remote stream or random access file (sharing
 * its file pointer, and closing it when closed), or from {@code FileChannel.open} /
 * {@code Files.newByteChannel}. Positional and relative reads and writes, size, truncate and force
 * are the file's; {@code map} is not supported (it throws); locks are held within this JVM only.
 * Channels opened with {@code SYNC} or {@code DSYNC} make each write durable before it returns.
 */
public final class RemoteFileChannel extends FileChannel {
    private static final int TRANSFER_CHUNK = 1 << 16;

    private final RemoteFile file;
    private final boolean readable;
    private final boolean writable;
    private final boolean append;
    private final boolean syncWrites;
    private final Closeable parent;
    private final Runnable afterClose;

    /**
     * @param parent closed with this channel (the stream it came from), or null
     * @param afterClose run once the file is closed (e.g. {@code DELETE_ON_CLOSE}), or null
     */
    RemoteFileChannel(RemoteFile file, boolean readable, boolean writable, boolean append, boolean syncWrites,
                      Closeable parent, Runnable afterClose) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        this.readable = readable;
        this.writable = writable;
        this.append = append;
        this.syncWrites = syncWrites;
        this.parent = parent;
        this.afterClose = afterClose;
    }

    static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing a channel of a stream already closed: the stream reported its failure
        }
    }

    String path() {
        return file.path();
    }

    String node() {
        return file.node();
    }

    private void ensureOpen() throws IOException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    private void ensureReadable() throws IOException {
        ensureOpen();
        if (!readable) {
            throw new NonReadableChannelException();
        }
    }

    private void ensureWritable() throws IOException {
        ensureOpen();
        if (!writable) {
            throw new NonWritableChannelException();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureReadable();
        synchronized (file) {
            long p = file.position();
            int n = file.read(p, dst);
            if (n > 0) {
                dst.position(dst.position() + n);
                file.position(p + n);
            }
            return n;
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        ensureReadable();
        long total = 0;
        synchronized (file) {
            for (int i = offset; i < offset + length; i++) {
                ByteBuffer dst = dsts[i];
                if (!dst.hasRemaining()) {
                    continue;
                }
                int n = read(dst);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
                if (dst.hasRemaining()) {
                    break;
                }
            }
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ensureWritable();
        int n;
        synchronized (file) {
            if (append) {
                byte[] b = new byte[src.remaining()];
                src.get(b);
                file.append(b, 0, b.length);
                n = b.length;
            } else {
                long p = file.position();
                n = file.write(p, src);
                file.position(p + n);
            }
        }
        synced();
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        ensureWritable();
        long total = 0;
        synchronized (file) {
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
        }
        return total;
    }

    private void synced() throws IOException {
        if (syncWrites) {
            file.force();
        }
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return append ? file.length() : file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException();
        }
        ensureOpen();
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return file.length();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("Negative size");
        }
        ensureWritable();
        synchronized (file) {
            if (size < file.length()) {
                file.setLength(size);
            }
            if (file.position() > size) {
                file.position(size);
            }
        }
        synced();
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ensureOpen();
        file.force();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException();
        }
        ensureReadable();
        Objects.requireNonNull(target, "target");
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(TRANSFER_CHUNK, Math.max(1, count)));
        long done = 0;
        while (done < count) {
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int n = read(buf, position + done);
            if (n <= 0) {
                break;
            }
            buf.flip();
            while (buf.hasRemaining()) {
                target.write(buf);
            }
            done += n;
        }
        return done;
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException();
        }
        ensureWritable();
        Objects.requireNonNull(src, "src");
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(TRANSFER_CHUNK, Math.max(1, count)));
        long done = 0;
        while (done < count) {
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int n = src.read(buf);
            if (n <= 0) {
                break;
            }
            buf.flip();
            write(buf, position + done);
            done += n;
        }
        return done;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("Negative position");
        }
        ensureReadable();
        int n = file.read(position, dst);
        if (n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("Negative position");
        }
        ensureWritable();
        int n = file.write(position, src);
        synced();
        return n;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new UnsupportedOperationException("a file on the storage node cannot be mapped into memory: "
                + file.path() + " (keep it local with the agent option mount=)");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return tryLock(position, size, shared);
    }

    /** Locks are kept within this JVM (the storage node has none): overlaps throw as the JDK's do. */
    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        ensureOpen();
        if (shared && !readable) {
            throw new NonReadableChannelException();
        }
        if (!shared && !writable) {
            throw new NonWritableChannelException();
        }
        return FileLocks.lock(this, position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        FileLocks.releaseAll(this);
        try {
            file.close();
        } finally {
            if (afterClose != null) {
                afterClose.run();
            }
            if (parent != null) {
                parent.close();
            }
        }
    }
}
