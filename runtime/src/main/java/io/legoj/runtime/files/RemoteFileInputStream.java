package io.legoj.runtime.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * What rewritten code makes for {@code new FileInputStream(...)}. For a path under the mount it
 * reads a {@link RemoteFile} (read-ahead makes a sequential reader stream chunks, not round
 * trips) behind a placeholder descriptor; for any other path, or a descriptor, it is a plain
 * {@code FileInputStream} on the real descriptor and every method is the JDK's.
 */
public class RemoteFileInputStream extends FileInputStream {
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** The remote file, or null for a local one. */
    private final RemoteFile remote;
    /** The local stream whose descriptor this one shares (kept reachable, so its cleaner waits). */
    @SuppressWarnings("unused")
    private final FileInputStream opened;
    private final RemoteStreamState state;

    public RemoteFileInputStream(String name) throws FileNotFoundException {
        this(name != null ? new File(name) : null);
    }

    public RemoteFileInputStream(File file) throws FileNotFoundException {
        this(Target.of(file));
    }

    public RemoteFileInputStream(FileDescriptor fdObj) {
        this(Target.of(fdObj));
    }

    /** Over a file opened for reading, for {@code Files.newInputStream}. */
    RemoteFileInputStream(RemoteFile file) {
        this(Target.remote(file));
    }

    private RemoteFileInputStream(Target t) {
        super(t.fd());
        this.remote = t.remote();
        this.state = new RemoteStreamState(remote);
        this.opened = t.local();
        if (t.owns()) {
            Descriptors.register(t.fd(), remote);
            Opening.closeWhenUnreachable(this, remote);
        }
    }

    /**
     * How the stream is backed: a descriptor, and the remote file or the local stream that opened it;
     * {@code owns} when the remote file was opened for this stream (not reached through a descriptor).
     */
    private record Target(FileDescriptor fd, RemoteFile remote, FileInputStream local, boolean owns) {
        static Target of(File file) throws FileNotFoundException {
            String name = file != null ? file.getPath() : null;
            StorageClient client = name == null || name.isEmpty() ? null : RemoteFiles.clientFor(name);
            if (client == null) {
                FileInputStream in = new FileInputStream(file);
                try {
                    return new Target(in.getFD(), null, in, false);
                } catch (IOException e) {
                    throw new IllegalStateException("a new FileInputStream has no descriptor", e);
                }
            }
            return remote(Opening.forInput(client, name));
        }

        static Target of(FileDescriptor fd) {
            if (fd == null) {
                throw new NullPointerException();
            }
            RemoteFile shared = Descriptors.fileOf(fd);
            return new Target(fd, shared, null, false);
        }

        static Target remote(RemoteFile file) {
            return new Target(new FileDescriptor(), file, null, true);
        }
    }

    @Override
    public int read() throws IOException {
        if (remote == null) {
            return super.read();
        }
        state.ensureOpen();
        byte[] b = new byte[1];
        return remote.read(b, 0, 1) == 1 ? b[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remote == null) {
            return super.read(b, off, len);
        }
        state.ensureOpen();
        return remote.read(b, off, len);
    }

    @Override
    public byte[] readAllBytes() throws IOException {
        return remote == null ? super.readAllBytes() : readRemote(MAX_ARRAY);
    }

    @Override
    public byte[] readNBytes(int len) throws IOException {
        if (remote == null) {
            return super.readNBytes(len);
        }
        if (len < 0) {
            throw new IllegalArgumentException("len < 0");
        }
        return readRemote(len);
    }

    /** Up to {@code max} bytes: sized by the file's length (one round trip), then to the end as it grows. */
    private byte[] readRemote(int max) throws IOException {
        state.ensureOpen();
        long left = Math.max(0, remote.length() - remote.position());
        byte[] buf = new byte[(int) Math.min(max, left)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n == max) {
                    return buf;
                }
                buf = Arrays.copyOf(buf, (int) Math.min(max, Math.max(n + 8192L, 2L * n)));
            }
            int r = remote.read(buf, n, buf.length - n);
            if (r < 0) {
                return n == buf.length ? buf : Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        if (remote == null) {
            return super.skip(n);
        }
        state.ensureOpen();
        synchronized (remote) {
            long to = remote.position() + n;
            if (to < 0) {
                throw new IOException("Invalid argument");
            }
            remote.position(to);
        }
        return n;
    }

    /** The bytes left to the end of the file: as the last read saw it, else asked (one round trip). */
    @Override
    public int available() throws IOException {
        if (remote == null) {
            return super.available();
        }
        state.ensureOpen();
        long seen = remote.lengthSeen();
        long left = (seen >= 0 ? seen : remote.length()) - remote.position();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public void close() throws IOException {
        if (remote == null) {
            super.close();
            return;
        }
        state.close();
    }

    @Override
    public FileChannel getChannel() {
        if (remote == null) {
            return super.getChannel();
        }
        return state.channel(this, true, false, false, false);
    }
}
