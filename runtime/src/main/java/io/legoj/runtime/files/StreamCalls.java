package io.legoj.runtime.files;

import java.io.DataOutput;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.SyncFailedException;
import java.nio.channels.FileChannel;

/**
 * Where rewritten code's calls of final JDK methods that would reach the placeholder descriptor of
 * a remote stream go: {@code FileDescriptor.sync/valid}, and {@code RandomAccessFile.getChannel},
 * {@code writeBytes(String)} and {@code writeChars(String)} (also through {@code DataOutput}).
 * Local descriptors and files get the JDK's methods.
 */
public final class StreamCalls {
    private StreamCalls() {
    }

    public static void sync(FileDescriptor fd) throws SyncFailedException {
        RemoteFile f = Descriptors.fileOf(fd);
        if (f == null) {
            fd.sync();
            return;
        }
        try {
            f.force();
        } catch (IOException e) {
            SyncFailedException s = new SyncFailedException("sync failed");
            s.initCause(e);
            throw s;
        }
    }

    public static boolean valid(FileDescriptor fd) {
        RemoteFile f = Descriptors.fileOf(fd);
        return f == null ? fd.valid() : f.isOpen();
    }

    public static FileChannel getChannel(RandomAccessFile file) {
        return file instanceof RemoteRandomAccessFile r ? r.channel() : file.getChannel();
    }

    public static void writeBytes(RandomAccessFile file, String s) throws IOException {
        if (file instanceof RemoteRandomAccessFile r) {
            r.writeLowBytes(s);
        } else {
            file.writeBytes(s);
        }
    }

    public static void writeChars(RandomAccessFile file, String s) throws IOException {
        if (file instanceof RemoteRandomAccessFile r) {
            r.writeCharBytes(s);
        } else {
            file.writeChars(s);
        }
    }

    public static void writeBytes(DataOutput out, String s) throws IOException {
        if (out instanceof RemoteRandomAccessFile r) {
            r.writeLowBytes(s);
        } else {
            out.writeBytes(s);
        }
    }

    public static void writeChars(DataOutput out, String s) throws IOException {
        if (out instanceof RemoteRandomAccessFile r) {
            r.writeCharBytes(s);
        } else {
            out.writeChars(s);
        }
    }
}
