package io.legoj.runtime.files;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A directory stream of LegoJ paths: the names of a directory on the storage node (listed when the
 * stream opens), or a local stream whose entries are wrapped. As the JDK's: one iterator, entries
 * are {@code dir.resolve(name)}, a filter's {@code IOException} is a {@code DirectoryIteratorException},
 * and a closed stream ends its iteration.
 */
final class RemoteDirectoryStream implements DirectoryStream<Path> {
    private final Iterator<Path> entries;
    private final AutoCloseable closer;
    private boolean obtained;
    private volatile boolean closed;

    RemoteDirectoryStream(Path dir, List<String> names, Filter<? super Path> filter) {
        Iterator<String> it = names.iterator();
        this.entries = new Iterator<>() {
            private Path next;

            @Override
            public boolean hasNext() {
                while (next == null && !closed && it.hasNext()) {
                    Path p = dir.resolve(it.next());
                    try {
                        if (filter.accept(p)) {
                            next = p;
                        }
                    } catch (IOException e) {
                        throw new DirectoryIteratorException(e);
                    }
                }
                return next != null;
            }

            @Override
            public Path next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Path p = next;
                next = null;
                return p;
            }
        };
        this.closer = null;
    }

    private RemoteDirectoryStream(DirectoryStream<Path> local, LegojFileSystem fs) {
        Iterator<Path> it = local.iterator();
        this.entries = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Path next() {
                return fs.wrap(it.next());
            }
        };
        this.closer = local;
    }

    /** A local directory stream with its entries as LegoJ paths. */
    static RemoteDirectoryStream wrapping(DirectoryStream<Path> local, LegojFileSystem fs) {
        return new RemoteDirectoryStream(local, fs);
    }

    @Override
    public synchronized Iterator<Path> iterator() {
        if (closed) {
            throw new IllegalStateException("Directory stream is closed");
        }
        if (obtained) {
            throw new IllegalStateException("Iterator already obtained");
        }
        obtained = true;
        return entries;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (closer != null) {
            try {
                closer.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
