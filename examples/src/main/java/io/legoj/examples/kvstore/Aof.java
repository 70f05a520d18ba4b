package io.legoj.examples.kvstore;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only file: every command that changed the store, as a RESP array, gathered per batch
 * of commands and written with one {@link FileOutputStream#write} and flush at the end of the batch.
 * At start the file is replayed; a command cut short at its end (a crash while writing) is dropped
 * and the file truncated before it, as Redis does with {@code aof-load-truncated yes}.
 */
final class Aof implements Closeable {
    private final FileOutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final RespWriter encoder = new RespWriter(pending);

    private Aof(FileOutputStream out) {
        this.out = out;
    }

    /** Opens the file for appending, creating it and its directory if needed. */
    static Aof open(File file) throws IOException {
        File dir = file.getAbsoluteFile().getParentFile();
        if (dir != null && !dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create the directory " + dir);
        }
        return new Aof(new FileOutputStream(file, true));
    }

    void append(List<byte[]> command) {
        encoder.arrayHeader(command.size());
        for (byte[] arg : command) {
            encoder.bulk(arg);
        }
    }

    /** Writes what the batch appended. */
    void flush() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        pending.writeTo(out);
        out.flush();
        pending.reset();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    /**
     * Gives every complete command of the file to {@code execute} and returns how many there were
     * (0 when the file does not exist). Malformed content fails with a {@link RespException}.
     */
    static int replay(File file, Consumer<List<byte[]>> execute) throws IOException {
        if (!file.exists()) {
            return 0;
        }
        int n = 0;
        long complete = 0;
        boolean truncated = false;
        try (Counting in = new Counting(new BufferedInputStream(new FileInputStream(file), 1 << 16))) {
            RespReader reader = new RespReader(in);
            try {
                for (List<byte[]> cmd = reader.readCommand(); cmd != null; cmd = reader.readCommand()) {
                    if (!cmd.isEmpty()) {
                        execute.accept(cmd);
                        n++;
                    }
                    complete = in.count;
                }
            } catch (EOFException e) {
                truncated = true;
            }
        }
        if (truncated) {
            System.err.println("kvstore: " + file + ": dropping a command cut short at byte " + complete);
            try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
                raf.setLength(complete);
            }
        }
        return n;
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }
    }
}
