package io.legoj.runtime.files;

import java.io.File;
import java.io.FileFilter;
import java.io.FilenameFilter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java.io.File}'s queries and changes as the JDK implements them, against the storage node
 * for a path under the mount and against the local file system otherwise; as locally, failures are
 * {@code false}, {@code 0} or {@code null}, never exceptions. Rewritten code reaches these through
 * {@link FileCalls} (a virtual call, which respects an application's overrides) or directly (a
 * {@code super.x()} call from an application's subclass of {@code File}).
 */
public final class FileOps {
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private FileOps() {
    }

    /** The client for {@code f}'s path, or null when it is local (the empty path is local: it names nothing). */
    private static StorageClient client(File f) {
        String p = f.getPath();
        return p.isEmpty() ? null : RemoteFiles.clientFor(p);
    }

    /** {@code f} itself, or for a subclass a plain {@code File} of its path, whose methods are the JDK's. */
    private static File local(File f) {
        return f.getClass() == File.class ? f : new File(f.getPath());
    }

    private static FileInfo stat(StorageClient c, File f) {
        try {
            return c.stat(f.getPath());
        } catch (IOException e) {
            return FileInfo.MISSING;
        }
    }

    public static boolean exists(File f) {
        StorageClient c = client(f);
        return c == null ? local(f).exists() : stat(c, f).exists();
    }

    public static boolean isFile(File f) {
        StorageClient c = client(f);
        return c == null ? local(f).isFile() : stat(c, f).isFile();
    }

    public static boolean isDirectory(File f) {
        StorageClient c = client(f);
        return c == null ? local(f).isDirectory() : stat(c, f).isDirectory();
    }

    public static boolean canRead(File f) {
        StorageClient c = client(f);
        return c == null ? local(f).canRead() : stat(c, f).exists();
    }

    public static boolean canWrite(File f) {
        StorageClient c = client(f);
        return c == null ? local(f).canWrite() : stat(c, f).exists();
    }

    public static long length(File f) {
        StorageClient c = client(f);
        return c == null ? local(f).length() : stat(c, f).length();
    }

    public static long lastModified(File f) {
        StorageClient c = client(f);
        return c == null ? local(f).lastModified() : stat(c, f).lastModified();
    }

    public static String[] list(File f) {
        StorageClient c = client(f);
        if (c == null) {
            return local(f).list();
        }
        try {
            return c.list(f.getPath()).toArray(new String[0]);
        } catch (IOException e) {
            return null;
        }
    }

    public static String[] list(File f, FilenameFilter filter) {
        String[] names = list(f);
        if (names == null || filter == null) {
            return names;
        }
        List<String> kept = new ArrayList<>();
        for (String n : names) {
            if (filter.accept(f, n)) {
                kept.add(n);
            }
        }
        return kept.toArray(new String[0]);
    }

    public static File[] listFiles(File f) {
        String[] names = list(f);
        if (names == null) {
            return null;
        }
        File[] files = new File[names.length];
        for (int i = 0; i < names.length; i++) {
            files[i] = new File(f, names[i]);
        }
        return files;
    }

    public static File[] listFiles(File f, FilenameFilter filter) {
        String[] names = list(f);
        if (names == null) {
            return null;
        }
        List<File> files = new ArrayList<>();
        for (String n : names) {
            if (filter == null || filter.accept(f, n)) {
                files.add(new File(f, n));
            }
        }
        return files.toArray(new File[0]);
    }

    public static File[] listFiles(File f, FileFilter filter) {
        String[] names = list(f);
        if (names == null) {
            return null;
        }
        List<File> files = new ArrayList<>();
        for (String n : names) {
            File child = new File(f, n);
            if (filter == null || filter.accept(child)) {
                files.add(child);
            }
        }
        return files.toArray(new File[0]);
    }

    public static boolean mkdir(File f) {
        StorageClient c = client(f);
        if (c == null) {
            return local(f).mkdir();
        }
        try {
            c.createDirectory(f.getPath());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean mkdirs(File f) {
        StorageClient c = client(f);
        if (c == null) {
            return local(f).mkdirs();
        }
        if (stat(c, f).exists()) {
            return false;
        }
        try {
            c.createDirectories(f.getPath());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean delete(File f) {
        StorageClient c = client(f);
        if (c == null) {
            return local(f).delete();
        }
        try {
            c.delete(f.getPath());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** As {@code rename(2)}: replaces the target; between the storage node and the local disk it fails. */
    public static boolean renameTo(File f, File dest) {
        if (dest == null) {
            throw new NullPointerException();
        }
        StorageClient from = client(f);
        StorageClient to = client(dest);
        if (from == null && to == null) {
            return local(f).renameTo(dest);
        }
        if (from != to) {
            return false;
        }
        try {
            from.rename(f.getPath(), dest.getPath(), true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean createNewFile(File f) throws IOException {
        StorageClient c = client(f);
        if (c == null) {
            return local(f).createNewFile();
        }
        try {
            c.createFile(f.getPath());
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new IOException(FileErrors.reason(e), e);
        }
    }

    public static void deleteOnExit(File f) {
        StorageClient c = client(f);
        if (c == null) {
            local(f).deleteOnExit();
        } else {
            RemoteFiles.deleteOnExit(f.getPath());
        }
    }

    /** {@code f.toPath()}, a path of the LegoJ file system when one is installed. */
    public static Path toPath(File f) {
        return PathCalls.wrap(local(f).toPath());
    }

    public static File createTempFile(String prefix, String suffix) throws IOException {
        return createTempFile(prefix, suffix, null);
    }

    /** As the JDK's: a new empty file named {@code prefix<random>suffix} in {@code dir} or {@code java.io.tmpdir}. */
    public static File createTempFile(String prefix, String suffix, File dir) throws IOException {
        File where = dir != null ? dir : new File(System.getProperty("java.io.tmpdir"));
        StorageClient c = prefix == null ? null : client(where);
        if (c == null) {
            return File.createTempFile(prefix, suffix, dir);
        }
        if (prefix.length() < 3) {
            throw new IllegalArgumentException("Prefix string \"" + prefix + "\" too short: length must be at least 3");
        }
        String s = suffix == null ? ".tmp" : suffix;
        String p = new File(prefix).getName();
        while (true) {
            File f = new File(where, p + Long.toUnsignedString(TEMP_NAMES.nextLong()) + s);
            try {
                c.createFile(f.getPath());
                return f;
            } catch (FileAlreadyExistsException e) {
                // another name
            } catch (IOException e) {
                throw new IOException(FileErrors.reason(e), e);
            }
        }
    }
}
