package io.legoj.runtime.files;

import java.io.Closeable;
import java.io.IOException;

/**
 * What the remote {@code FileInputStream}, {@code FileOutputStream} and {@code RandomAccessFile}
 * share (they extend different JDK classes): whether they are closed, and their channel, made on
 * first use and closed with them.
 */
final class RemoteStreamState {
    private final RemoteFile file;
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private volatile RemoteFileChannel channel;

    RemoteStreamState(RemoteFile file) {
        this.file = file;
    }

    void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream Closed");
        }
    }

    /** Closes the channel and the file, once; false when it was closed already. */
    boolean close() throws IOException {
        synchronized (closeLock) {
            if (closed) {
                return false;
            }
            closed = true;
        }
        RemoteFileChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
        file.close();
        return true;
    }

    /** The stream's channel (closing it closes {@code owner}); made once, closed at once if the stream is. */
    RemoteFileChannel channel(Closeable owner, boolean readable, boolean writable, boolean append, boolean syncWrites) {
        RemoteFileChannel ch = channel;
        if (ch == null) {
            synchronized (this) {
                ch = channel;
                if (ch == null) {
                    channel = ch = new RemoteFileChannel(file, readable, writable, append, syncWrites, owner, null);
                    if (closed) {
                        RemoteFileChannel.closeQuietly(ch);
                    }
                }
            }
        }
        return ch;
    }
}
