package io.legoj.runtime.files;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Objects;

/**
 * What JDK classes that open a file by name build internally, built with the runtime's streams:
 * rewritten code calls these for the file argument of {@code new PrintWriter(name)},
 * {@code new PrintStream(file, csn)}, {@code new Scanner(file)} ... and passes the result to the
 * public constructor the JDK's own delegates to ({@code PrintWriter(Writer, false)},
 * {@code PrintStream(OutputStream, false[, charset])}, {@code Scanner(ReadableByteChannel[, charset])}).
 * Arguments are checked in the JDK's order (the charset before the file is opened) with its exceptions.
 */
public final class OpenCalls {
    private OpenCalls() {
    }

    private static File file(String name) {
        return name != null ? new File(name) : null;
    }

    /** The JDK's {@code PrintStream}/{@code PrintWriter} {@code toCharset(csn)}. */
    private static Charset charsetOrUnsupported(String csn) throws UnsupportedEncodingException {
        Objects.requireNonNull(csn, "charsetName");
        try {
            return Charset.forName(csn);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(csn);
        }
    }

    /** The JDK's {@code Scanner.toDecoder(csn)}, for its check. */
    private static Charset charsetOrIllegal(String csn) {
        Objects.requireNonNull(csn, "charsetName");
        try {
            return Charset.forName(csn);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(csn);
        }
    }

    private static Writer writer(File f, Charset cs) throws FileNotFoundException {
        RemoteFileOutputStream out = new RemoteFileOutputStream(f);
        return new BufferedWriter(cs == null ? new OutputStreamWriter(out) : new OutputStreamWriter(out, cs));
    }

    // ---- PrintWriter: the Writer of PrintWriter(Writer, false)

    public static Writer printWriter(String fileName) throws FileNotFoundException {
        return writer(file(fileName), null);
    }

    public static Writer printWriter(File file) throws FileNotFoundException {
        return writer(file, null);
    }

    public static Writer printWriter(String fileName, String csn) throws FileNotFoundException, UnsupportedEncodingException {
        Charset cs = charsetOrUnsupported(csn);
        return writer(file(fileName), cs);
    }

    public static Writer printWriter(File file, String csn) throws FileNotFoundException, UnsupportedEncodingException {
        Charset cs = charsetOrUnsupported(csn);
        return writer(file, cs);
    }

    public static Writer printWriter(String fileName, Charset charset) throws FileNotFoundException {
        return writer(file(fileName), Objects.requireNonNull(charset, "charset"));
    }

    public static Writer printWriter(File file, Charset charset) throws FileNotFoundException {
        return writer(file, Objects.requireNonNull(charset, "charset"));
    }

    // ---- PrintStream: the OutputStream of PrintStream(OutputStream, false[, charset])

    public static OutputStream printStream(String fileName) throws FileNotFoundException {
        return new RemoteFileOutputStream(fileName);
    }

    public static OutputStream printStream(File file) throws FileNotFoundException {
        return new RemoteFileOutputStream(file);
    }

    public static OutputStream printStream(String fileName, String csn)
            throws FileNotFoundException, UnsupportedEncodingException {
        charsetOrUnsupported(csn);
        return new RemoteFileOutputStream(fileName);
    }

    public static OutputStream printStream(File file, String csn) throws FileNotFoundException, UnsupportedEncodingException {
        charsetOrUnsupported(csn);
        return new RemoteFileOutputStream(file);
    }

    public static OutputStream printStream(String fileName, Charset charset) throws FileNotFoundException {
        Objects.requireNonNull(charset, "charset");
        return new RemoteFileOutputStream(fileName);
    }

    public static OutputStream printStream(File file, Charset charset) throws FileNotFoundException {
        Objects.requireNonNull(charset, "charset");
        return new RemoteFileOutputStream(file);
    }

    // ---- Scanner: the channel of Scanner(ReadableByteChannel[, charset])

    public static ReadableByteChannel scanner(File source) throws FileNotFoundException {
        return new RemoteFileInputStream(source).getChannel();
    }

    public static ReadableByteChannel scanner(File source, String charsetName) throws FileNotFoundException {
        Objects.requireNonNull(source);
        charsetOrIllegal(charsetName);
        return new RemoteFileInputStream(source).getChannel();
    }

    public static ReadableByteChannel scanner(File source, Charset charset) throws FileNotFoundException {
        Objects.requireNonNull(source);
        charset.newDecoder();
        return new RemoteFileInputStream(source).getChannel();
    }
}
