package io.legoj.runtime.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What rewritten code makes for {@code new FileOutputStream(...)}. For a path under the mount it
 * writes a {@link RemoteFile} behind a placeholder descriptor: writes are gathered into chunks and
 * sent without waiting, and {@link #close()} returns once the node has the data on its disk. For
 * any other path, or a descriptor, it is a plain {@code FileOutputStream} on the real descriptor.
 *
 * <p>{@link #flush()} is a no-op, as it is for a local file: the data reaches the node in chunks,
 * and every path operation and read of this application sees it. Durable means {@code close()},
 * {@code getChannel().force()} or {@code getFD().sync()}; data not yet sent when the JVM exits is
 * sent by the agent's exit hook.
 */
public class RemoteFileOutputStream extends FileOutputStream {
    private final RemoteFile remote;
    @SuppressWarnings("unused")
    private final FileOutputStream opened;
    private final boolean append;
    private final RemoteStreamState state;

    public RemoteFileOutputStream(String name) throws FileNotFoundException {
        this(name != null ? new File(name) : null, false);
    }

    public RemoteFileOutputStream(String name, boolean append) throws FileNotFoundException {
        this(name != null ? new File(name) : null, append);
    }

    public RemoteFileOutputStream(File file) throws FileNotFoundException {
        this(file, false);
    }

    public RemoteFileOutputStream(File file, boolean append) throws FileNotFoundException {
        this(Target.of(file, append), append);
    }

    public RemoteFileOutputStream(FileDescriptor fdObj) {
        this(Target.of(fdObj), false);
    }

    /** Over a file opened for writing, for {@code Files.newOutputStream}. */
    RemoteFileOutputStream(RemoteFile file, boolean append) {
        this(Target.remote(file), append);
    }

    private RemoteFileOutputStream(Target t, boolean append) {
        super(t.fd());
        this.remote = t.remote();
        this.state = new RemoteStreamState(remote);
        this.opened = t.local();
        this.append = append;
        if (t.owns()) {
            Descriptors.register(t.fd(), remote);
            Opening.closeWhenUnreachable(this, remote);
        }
    }

    /** As in {@link RemoteFileInputStream}. */
    private record Target(FileDescriptor fd, RemoteFile remote, FileOutputStream local, boolean owns) {
        static Target of(File file, boolean append) throws FileNotFoundException {
            String name = file != null ? file.getPath() : null;
            StorageClient client = name == null || name.isEmpty() ? null : RemoteFiles.clientFor(name);
            if (client == null) {
                FileOutputStream out = new FileOutputStream(file, append);
                try {
                    return new Target(out.getFD(), null, out, false);
                } catch (IOException e) {
                    throw new IllegalStateException("a new FileOutputStream has no descriptor", e);
                }
            }
            return remote(Opening.forOutput(client, name, append));
        }

        static Target of(FileDescriptor fd) {
            if (fd == null) {
                throw new NullPointerException();
            }
            return new Target(fd, Descriptors.fileOf(fd), null, false);
        }

        static Target remote(RemoteFile file) {
            return new Target(new FileDescriptor(), file, null, true);
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (remote == null) {
            super.write(b);
            return;
        }
        state.ensureOpen();
        remote.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (remote == null) {
            super.write(b, off, len);
            return;
        }
        state.ensureOpen();
        remote.write(b, off, len);
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
        return state.channel(this, false, true, append, false);
    }
}
