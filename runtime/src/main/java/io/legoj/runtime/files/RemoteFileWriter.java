package io.legoj.runtime.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * What rewritten code makes for {@code new FileWriter(...)}: what the JDK's is, an
 * {@code OutputStreamWriter} over a file output stream, with the stream a
 * {@link RemoteFileOutputStream}. Every public method goes to that writer; the superclass's own
 * writer sits on a placeholder descriptor, unused.
 */
public class RemoteFileWriter extends FileWriter {
    private final OutputStreamWriter out;

    public RemoteFileWriter(String fileName) throws IOException {
        this(new RemoteFileOutputStream(fileName), null, false);
    }

    public RemoteFileWriter(String fileName, boolean append) throws IOException {
        this(new RemoteFileOutputStream(fileName, append), null, false);
    }

    public RemoteFileWriter(File file) throws IOException {
        this(new RemoteFileOutputStream(file), null, false);
    }

    public RemoteFileWriter(File file, boolean append) throws IOException {
        this(new RemoteFileOutputStream(file, append), null, false);
    }

    public RemoteFileWriter(FileDescriptor fd) {
        this(new RemoteFileOutputStream(fd), null, false);
    }

    public RemoteFileWriter(String fileName, Charset charset) throws IOException {
        this(new RemoteFileOutputStream(fileName), charset, true);
    }

    public RemoteFileWriter(String fileName, Charset charset, boolean append) throws IOException {
        this(new RemoteFileOutputStream(fileName, append), charset, true);
    }

    public RemoteFileWriter(File file, Charset charset) throws IOException {
        this(new RemoteFileOutputStream(file), charset, true);
    }

    public RemoteFileWriter(File file, Charset charset, boolean append) throws IOException {
        this(new RemoteFileOutputStream(file, append), charset, true);
    }

    private RemoteFileWriter(RemoteFileOutputStream stream, Charset charset, boolean explicit) {
        super(new FileDescriptor());
        this.out = explicit ? new OutputStreamWriter(stream, charset) : new OutputStreamWriter(stream);
    }

    @Override
    public String getEncoding() {
        return out.getEncoding();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        out.write(cbuf, off, len);
    }

    @Override
    public void write(char[] cbuf) throws IOException {
        out.write(cbuf);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        out.write(str, off, len);
    }

    @Override
    public void write(String str) throws IOException {
        out.write(str);
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        out.append(csq);
        return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) throws IOException {
        out.append(csq, start, end);
        return this;
    }

    @Override
    public Writer append(char c) throws IOException {
        out.append(c);
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
