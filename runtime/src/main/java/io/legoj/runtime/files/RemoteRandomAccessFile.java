package io.legoj.runtime.files;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;

/**
 * What rewritten code makes for {@code new RandomAccessFile(...)}. {@code RandomAccessFile} has no
 * constructor that opens nothing, so for a path under the mount the superclass opens a harmless
 * placeholder ({@code /dev/null}, read-only) and every public method that is not final is
 * overridden to use a {@link RemoteFile}. The final {@code readX}/{@code writeX} methods of
 * {@code DataInput}/{@code DataOutput} call those, so they go remote too; the final methods that
 * call the JDK's private natives ({@code getChannel()}, {@code writeBytes(String)},
 * {@code writeChars(String)}) are redirected at the call sites ({@link StreamCalls}); called from
 * code that is not rewritten they fail ("Bad file descriptor") rather than write elsewhere. For any
 * other path this is a plain {@code RandomAccessFile} on that path.
 *
 * <p>Modes {@code rws} and {@code rwd} make every write durable before it returns, as locally.
 */
public class RemoteRandomAccessFile extends RandomAccessFile {
    private final RemoteFile remote;
    private final boolean writable;
    private final boolean syncWrites;
    private final RemoteStreamState state;

    public RemoteRandomAccessFile(String name, String mode) throws FileNotFoundException {
        this(name != null ? new File(name) : null, mode);
    }

    public RemoteRandomAccessFile(File file, String mode) throws FileNotFoundException {
        this(Target.of(file, mode));
    }

    private RemoteRandomAccessFile(Target t) throws FileNotFoundException {
        super(t.file(), t.mode());
        this.remote = t.remote();
        this.state = new RemoteStreamState(remote);
        this.writable = t.writable();
        this.syncWrites = t.syncWrites();
        if (remote != null) {
            try {
                Descriptors.register(getFD(), remote);
            } catch (IOException e) {
                throw new IllegalStateException("a new RandomAccessFile has no descriptor", e);
            }
            Opening.closeWhenUnreachable(this, remote);
        }
    }

    /** What the superclass opens (the application's file, or the placeholder) and the remote file. */
    private record Target(File file, String mode, RemoteFile remote, boolean writable, boolean syncWrites) {
        static Target of(File file, String mode) throws FileNotFoundException {
            String name = file != null ? file.getPath() : null;
            boolean valid = "r".equals(mode) || "rw".equals(mode) || "rws".equals(mode) || "rwd".equals(mode);
            StorageClient client = name == null || name.isEmpty() || !valid ? null : RemoteFiles.clientFor(name);
            if (client == null) {
                return new Target(file, mode, null, false, false);
            }
            boolean write = !mode.equals("r");
            RemoteFile f = Opening.forRandomAccess(client, name, write);
            return new Target(Placeholder.FILE, "r", f, write, mode.length() == 3);
        }
    }

    /** The file the superclass of a remote one opens read-only: {@code /dev/null}, else an empty temporary file. */
    private static final class Placeholder {
        static final File FILE = find();

        private static File find() {
            File devNull = new File("/dev/null");
            if (devNull.canRead()) {
                return devNull;
            }
            try {
                File f = File.createTempFile("legoj-placeholder", ".empty");
                f.deleteOnExit();
                return f;
            } catch (IOException e) {
                throw new IllegalStateException("no placeholder file for remote RandomAccessFiles: " + e.getMessage(), e);
            }
        }
    }

    private void ensureWritable() throws IOException {
        state.ensureOpen();
        if (!writable) {
            throw new IOException("Bad file descriptor");
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
    public int read(byte[] b, int off, int len) throws IOException {
        if (remote == null) {
            return super.read(b, off, len);
        }
        state.ensureOpen();
        return remote.read(b, off, len);
    }

    @Override
    public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
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
        ensureWritable();
        remote.write(b, off, len);
        if (syncWrites) {
            remote.force();
        }
    }

    @Override
    public long getFilePointer() throws IOException {
        if (remote == null) {
            return super.getFilePointer();
        }
        state.ensureOpen();
        return remote.position();
    }

    @Override
    public void seek(long pos) throws IOException {
        if (remote == null) {
            super.seek(pos);
            return;
        }
        if (pos < 0) {
            throw new IOException("Negative seek offset");
        }
        state.ensureOpen();
        remote.position(pos);
    }

    @Override
    public long length() throws IOException {
        if (remote == null) {
            return super.length();
        }
        state.ensureOpen();
        return remote.length();
    }

    @Override
    public void setLength(long newLength) throws IOException {
        if (remote == null) {
            super.setLength(newLength);
            return;
        }
        ensureWritable();
        if (newLength < 0) {
            throw new IOException("Invalid argument");
        }
        remote.setLength(newLength);
        if (syncWrites) {
            remote.force();
        }
    }

    @Override
    public void close() throws IOException {
        if (remote == null) {
            super.close();
            return;
        }
        try {
            if (!state.close()) {
                return;
            }
        } finally {
            super.close();
        }
    }

    /** {@code getChannel()} for rewritten code (the JDK's is final): the remote file's channel. */
    FileChannel channel() {
        if (remote == null) {
            return getChannel();
        }
        return state.channel(this, true, writable, false, syncWrites);
    }

    /** {@code writeBytes(String)} for rewritten code: the low byte of each char, as the JDK's. */
    void writeLowBytes(String s) throws IOException {
        if (remote == null) {
            writeBytes(s);
            return;
        }
        int len = s.length();
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) s.charAt(i);
        }
        write(b, 0, len);
    }

    /** {@code writeChars(String)} for rewritten code: two bytes per char, high first, as the JDK's. */
    void writeCharBytes(String s) throws IOException {
        if (remote == null) {
            writeChars(s);
            return;
        }
        int len = s.length();
        byte[] b = new byte[2 * len];
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            b[2 * i] = (byte) (c >>> 8);
            b[2 * i + 1] = (byte) c;
        }
        write(b, 0, b.length);
    }
}
