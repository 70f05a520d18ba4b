package io.legoj.runtime.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileNotFoundException;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;

/**
 * What rewritten code makes for {@code new FileReader(...)}: what the JDK's is, an
 * {@code InputStreamReader} over a file input stream, with the stream a
 * {@link RemoteFileInputStream} (remote under the mount, the JDK's elsewhere). Every public method
 * goes to that reader; the superclass's own reader sits on a placeholder descriptor, unused.
 */
public class RemoteFileReader extends FileReader {
    private final InputStreamReader in;

    public RemoteFileReader(String fileName) throws FileNotFoundException {
        this(new RemoteFileInputStream(fileName), null, false);
    }

    public RemoteFileReader(File file) throws FileNotFoundException {
        this(new RemoteFileInputStream(file), null, false);
    }

    public RemoteFileReader(FileDescriptor fd) {
        this(new RemoteFileInputStream(fd), null, false);
    }

    public RemoteFileReader(String fileName, Charset charset) throws IOException {
        this(new RemoteFileInputStream(fileName), charset, true);
    }

    public RemoteFileReader(File file, Charset charset) throws IOException {
        this(new RemoteFileInputStream(file), charset, true);
    }

    private RemoteFileReader(RemoteFileInputStream stream, Charset charset, boolean explicit) {
        super(new FileDescriptor());
        this.in = explicit ? new InputStreamReader(stream, charset) : new InputStreamReader(stream);
    }

    @Override
    public String getEncoding() {
        return in.getEncoding();
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        return in.read(cbuf, off, len);
    }

    @Override
    public int read(char[] cbuf) throws IOException {
        return in.read(cbuf);
    }

    @Override
    public int read(CharBuffer target) throws IOException {
        return in.read(target);
    }

    @Override
    public long skip(long n) throws IOException {
        return in.skip(n);
    }

    @Override
    public boolean ready() throws IOException {
        return in.ready();
    }

    @Override
    public boolean markSupported() {
        return in.markSupported();
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        in.mark(readAheadLimit);
    }

    @Override
    public void reset() throws IOException {
        in.reset();
    }

    @Override
    public long transferTo(Writer out) throws IOException {
        return in.transferTo(out);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
