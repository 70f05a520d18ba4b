package io.legoj.runtime.files;

import io.legoj.protocol.ErrorMessage;
import io.legoj.protocol.FileAppend;
import io.legoj.protocol.FileData;
import io.legoj.protocol.FileError;
import io.legoj.protocol.FileRead;
import io.legoj.protocol.FileSetLength;
import io.legoj.protocol.FileStat;
import io.legoj.protocol.FileStatReply;
import io.legoj.protocol.FileSync;
import io.legoj.protocol.FileWrite;
import io.legoj.protocol.Message;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.RemoteException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open file on the storage node, with what {@code FileInputStream}, {@code FileOutputStream},
 * {@code RandomAccessFile} and {@code FileChannel} need: positional and sequential reads and writes,
 * appends, length, set length, force.
 *
 * <p>Write-behind: a write is sent without waiting when none of this file is in flight; while some
 * are, writes are gathered in a buffer of one chunk, sent when it fills or when the last one in
 * flight is answered (as Nagle's algorithm does for a socket). So a write that returned reaches the
 * node about a round trip later even if the application writes nothing more, and a {@code kill -9}
 * of the application loses only what it wrote in that last moment. At most {@code writeWindow}
 * writes are in flight, and a write that fails on the node is thrown by the next call on this file
 * (or {@link #flush}, {@link #close}). Read-ahead: a reader that reads where the
 * last read ended gets the next {@code readAhead} chunks fetched while it works on this one. A read
 * first sends the buffered writes, and the node serves one application's requests in order, so
 * reads see every earlier write; any write drops what was read ahead.
 *
 * <p>{@link #close()} sends what is buffered, waits for every write and, if anything was written,
 * makes the file durable (FILE_SYNC): a close that returns means the data is on the node's disk.
 *
 * <p>Files are named by path, not held open on the node: once the application renames or deletes
 * the path of an open file, later writes through it go to (and create) that path again, where a
 * local file system would follow the renamed or unlinked file.
 *
 * <p>Thread safety: every method is synchronized on the file.
 */
public final class RemoteFile implements Closeable {
    private static final int MIN_RANDOM_READ = 8 << 10;

    private final StorageClient client;
    private final NodeConnection connection;
    private final String path;
    private final String node;
    private final boolean readable;
    private final boolean writable;
    private final boolean appendMode;
    private final int chunk;
    private final int writeWindow;
    private final int readAhead;

    private long position;
    private boolean open = true;
    private boolean shared;
    private boolean written;

    private ByteBuf buffer;
    private long bufferAt;
    private boolean bufferAppends;
    private final ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    /** Writes sent and not answered yet; counted down on the event loop, where {@link #inFlight} is out of reach. */
    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile IOException failed;

    private FileData current;
    private long currentAt = -1;
    private final ArrayDeque<Fetch> ahead = new ArrayDeque<>();
    private long nextSequential = -1;

    private record Fetch(long at, CompletableFuture<Message> reply) {
    }

    RemoteFile(StorageClient client, String path, String node, boolean readable, boolean writable, boolean appendMode,
               long length) {
        StorageClient.Settings s = client.settings();
        this.client = client;
        this.connection = client.connection();
        this.path = path;
        this.node = node;
        this.readable = readable;
        this.writable = writable;
        this.appendMode = appendMode;
        this.chunk = s.chunkSize();
        this.writeWindow = s.writeWindow();
        this.readAhead = s.readAhead();
        this.position = appendMode ? length : 0;
    }

    /** The path as the application gave it. */
    public String path() {
        return path;
    }

    /** The node's path. */
    String node() {
        return node;
    }

    /**
     * The path is open more than once: from now on each write call is sent when it returns (not
     * gathered with the next ones) and each read asks the node (nothing is read ahead), so every
     * file sees what the others wrote.
     */
    synchronized void share() {
        shared = true;
        push();
    }

    /** Sends what is buffered without waiting; a failure stays for the next call on this file. */
    synchronized void push() {
        if (!open || buffer == null) {
            return;
        }
        try {
            sendBuffer();
        } catch (IOException e) {
            failed = e.getCause() instanceof IOException io ? io : e;
        }
    }

    public synchronized boolean isOpen() {
        return open;
    }

    /** The file pointer of the sequential methods. */
    public synchronized long position() {
        return position;
    }

    public synchronized void position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
    }

    // ---- reads

    /** Reads at the file pointer and advances it; -1 at the end of the file. */
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        int n = read(position, b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /** Reads up to {@code len} bytes at {@code at}: at least one unless at or past the end (-1) or {@code len} is 0. */
    public synchronized int read(long at, byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        return read(at, len, (buf, index, n, done) -> buf.getBytes(index, b, off + done, n));
    }

    /** Reads into {@code dst} at {@code at}, as {@code FileChannel.read(dst, position)} does. */
    public synchronized int read(long at, ByteBuffer dst) throws IOException {
        int start = dst.position();
        return read(at, dst.remaining(), (buf, index, n, done) -> {
            ByteBuffer slice = dst.duplicate();
            slice.position(start + done).limit(start + done + n);
            buf.getBytes(index, slice);
        });
    }

    @FunctionalInterface
    private interface Sink {
        void take(ByteBuf from, int index, int n, int done);
    }

    private int read(long at, int len, Sink sink) throws IOException {
        checkReadable(at);
        if (len == 0) {
            return 0;
        }
        sendBuffer();
        if (shared) {
            dropReads();
        }
        boolean sequential = at == nextSequential;
        int done = 0;
        while (done < len) {
            long p = at + done;
            if (!cached(p)) {
                if (done > 0 && !aheadAt(p)) {
                    break;
                }
                fill(p, len - done, sequential);
                if (!cached(p)) {
                    break;
                }
            }
            ByteBuf data = current.data();
            int offset = (int) (p - currentAt);
            int n = Math.min(len - done, data.readableBytes() - offset);
            sink.take(data, data.readerIndex() + offset, n, done);
            done += n;
        }
        nextSequential = at + done;
        if (sequential && done > 0) {
            prefetch();
        }
        return done == 0 ? -1 : done;
    }

    private boolean cached(long p) {
        return current != null && p >= currentAt && p < currentAt + current.data().readableBytes();
    }

    private boolean aheadAt(long p) {
        return !ahead.isEmpty() && ahead.peekFirst().at() == p && ahead.peekFirst().reply().isDone();
    }

    /** Makes {@code current} the data at {@code p}: from the read-ahead if it has it, else one round trip. */
    private void fill(long p, int wanted, boolean sequential) throws IOException {
        while (!ahead.isEmpty() && ahead.peekFirst().at() != p) {
            discard(ahead.pollFirst());
        }
        Fetch f = ahead.pollFirst();
        if (f == null) {
            int size = sequential ? chunk : Math.min(chunk, Math.max(wanted, MIN_RANDOM_READ));
            f = fetch(p, size);
        }
        dropCurrent();
        current = (FileData) await(f.reply());
        currentAt = p;
    }

    /** Keeps {@code readAhead} chunks in flight after the current one, within the file's known length. */
    private void prefetch() {
        if (current == null) {
            return;
        }
        long next = ahead.isEmpty() ? currentAt + current.data().readableBytes()
                : ahead.peekLast().at() + chunk;
        while (ahead.size() < readAhead && next < current.fileLength()) {
            ahead.addLast(fetch(next, chunk));
            next += chunk;
        }
    }

    private Fetch fetch(long at, int length) {
        return new Fetch(at, connection.send(new FileRead(connection.nextRequestId(), node, at, length)));
    }

    private static void discard(Fetch f) {
        f.reply().whenComplete((m, e) -> {
            if (m != null) {
                m.release();
            }
        });
    }

    private void dropCurrent() {
        if (current != null) {
            current.release();
            current = null;
            currentAt = -1;
        }
    }

    /** Forgets what was read and read ahead: the file is about to change. */
    private void dropReads() {
        dropCurrent();
        while (!ahead.isEmpty()) {
            discard(ahead.pollFirst());
        }
        nextSequential = -1;
    }

    // ---- writes

    /** Writes at the file pointer and advances it; in append mode appends at the end of the file. */
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (appendMode) {
            append(b, off, len);
        } else {
            write(position, b, off, len);
            position += len;
        }
    }

    /** Writes {@code len} bytes at {@code at}, extending the file as needed. */
    public synchronized void write(long at, byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        write(at, len, false, (buf, done, n) -> buf.writeBytes(b, off + done, n));
    }

    /** Writes what {@code src} has remaining at {@code at} and consumes it, as {@code FileChannel.write(src, position)}. */
    public synchronized int write(long at, ByteBuffer src) throws IOException {
        int len = src.remaining();
        int start = src.position();
        write(at, len, false, (buf, done, n) -> {
            ByteBuffer part = src.duplicate();
            part.position(start + done).limit(start + done + n);
            buf.writeBytes(part);
        });
        src.position(start + len);
        return len;
    }

    /** Appends at the end of the file as it is when the node gets the bytes ({@code O_APPEND}). */
    public synchronized void append(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        write(-1, len, true, (buf, done, n) -> buf.writeBytes(b, off + done, n));
    }

    @FunctionalInterface
    private interface Source {
        void put(ByteBuf into, int done, int n);
    }

    private void write(long at, int len, boolean appending, Source source) throws IOException {
        checkWritable();
        if (!appending && at < 0) {
            throw new IllegalArgumentException("negative position " + at);
        }
        if (len == 0) {
            return;
        }
        dropReads();
        written = true;
        if (buffer != null && (bufferAppends != appending || !appending && at != bufferAt + buffer.readableBytes())) {
            sendBuffer();
        }
        int done = 0;
        while (done < len) {
            if (buffer == null) {
                buffer = ByteBufAllocator.DEFAULT.heapBuffer(Math.min(chunk, Math.max(len - done, 256)), chunk);
                bufferAt = appending ? -1 : at + done;
                bufferAppends = appending;
            }
            int n = Math.min(len - done, buffer.maxWritableBytes());
            source.put(buffer, done, n);
            done += n;
            if (buffer.readableBytes() == chunk) {
                sendBuffer();
            }
        }
        if (shared || unanswered.get() == 0) {
            sendBuffer();
        }
    }

    /**
     * Sends the buffered bytes as one write, without waiting; waits only while the window is full.
     * An earlier write's failure is thrown first, so a failure surfaces on the call after the one
     * that sent the write, however fast the node answers.
     */
    private void sendBuffer() throws IOException {
        throwFailure();
        if (buffer == null) {
            return;
        }
        ByteBuf data = buffer;
        buffer = null;
        if (!data.isReadable()) {
            data.release();
            return;
        }
        long id = connection.nextRequestId();
        Message m = bufferAppends ? new FileAppend(id, node, data) : new FileWrite(id, node, bufferAt, data);
        unanswered.incrementAndGet();
        CompletableFuture<Void> done = connection.send(m).handle((reply, e) -> {
            if (e != null) {
                failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                if (reply instanceof FileError err) {
                    failed(client.error(err, path, null));
                } else if (reply instanceof ErrorMessage err) {
                    failed(new IOException(client.node() + ": " + err.code() + ": " + err.message()));
                }
                reply.release();
            }
            if (unanswered.decrementAndGet() == 0) {
                client.pushLater(this);
            }
            return null;
        });
        inFlight.addLast(done);
        while (inFlight.size() > writeWindow) {
            inFlight.pollFirst().join();
        }
    }

    private void failed(Throwable e) {
        if (failed == null) {
            failed = e instanceof IOException io ? io
                    : e instanceof RuntimeException re ? FileErrors.of(re) : new IOException(e);
        }
    }

    private void throwFailure() throws IOException {
        IOException e = failed;
        if (e != null) {
            failed = null;
            throw new IOException("an earlier write to " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** Sends what is buffered and waits until the node has applied every write; throws a write's failure. */
    public synchronized void flush() throws IOException {
        checkOpen();
        drain();
    }

    private void drain() throws IOException {
        sendBuffer();
        while (!inFlight.isEmpty()) {
            inFlight.pollFirst().join();
        }
        throwFailure();
    }

    // ---- length and durability

    /**
     * The file's length as the last read saw it, without a round trip, or -1 when this file has not
     * read anything since its last write (then only {@link #length()} knows).
     */
    synchronized long lengthSeen() {
        return current != null && buffer == null && inFlight.isEmpty() ? current.fileLength() : -1;
    }

    /** The file's length now (after the writes made so far). */
    public synchronized long length() throws IOException {
        checkOpen();
        drain();
        FileStatReply r = (FileStatReply) client.call(new FileStat(connection.nextRequestId(), node), path, null);
        if (!r.exists()) {
            throw new java.nio.file.NoSuchFileException(path);
        }
        return r.length();
    }

    /** Truncates or extends the file; the file pointer moves back to the new end if it was past it. */
    public synchronized void setLength(long length) throws IOException {
        checkWritable();
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        drain();
        dropReads();
        written = true;
        client.call(new FileSetLength(connection.nextRequestId(), node, length), path, null).release();
        position = Math.min(position, length);
    }

    /** Waits for every write and makes the file durable on the node. */
    public synchronized void force() throws IOException {
        checkOpen();
        sync();
    }

    /**
     * Sends the buffered writes and the FILE_SYNC behind them in one go (the node serves them in
     * order), then waits for all: one round trip, not two.
     */
    private void sync() throws IOException {
        sendBuffer();
        CompletableFuture<Message> synced = connection.send(new FileSync(connection.nextRequestId(), node));
        IOException failure = null;
        try {
            drain();
        } catch (IOException e) {
            failure = e;
        }
        try {
            await(synced).release();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        written = false;
    }

    /**
     * Sends what is buffered, waits for every write and, if anything was written, makes the file
     * durable; throws a write's failure. Idempotent.
     */
    @Override
    public synchronized void close() throws IOException {
        if (!open) {
            return;
        }
        try {
            if (written) {
                sync();
            } else {
                drain();
            }
        } catch (java.nio.file.NoSuchFileException deleted) {
            // deleted since it was written, by this application: as locally, closing it is no error
        } finally {
            open = false;
            if (buffer != null) {
                buffer.release();
                buffer = null;
            }
            dropReads();
            client.closed(this);
        }
    }

    private void checkOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        throwFailure();
    }

    private void checkReadable(long at) throws IOException {
        checkOpen();
        if (!readable) {
            throw new java.nio.channels.NonReadableChannelException();
        }
        if (at < 0) {
            throw new IllegalArgumentException("negative position " + at);
        }
    }

    private void checkWritable() throws IOException {
        checkOpen();
        if (!writable) {
            throw new java.nio.channels.NonWritableChannelException();
        }
    }

    private Message await(CompletableFuture<Message> reply) throws IOException {
        Message m;
        try {
            m = reply.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? FileErrors.of(re) : new IOException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + path);
        }
        if (m instanceof FileError err) {
            throw client.error(err, path, null);
        }
        if (m instanceof ErrorMessage err) {
            throw FileErrors.of(new RemoteException(client.node(), err.code(), err.message()));
        }
        return m;
    }
}
