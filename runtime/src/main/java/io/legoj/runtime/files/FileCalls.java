package io.legoj.runtime.files;

import java.io.File;
import java.io.FileFilter;
import java.io.FilenameFilter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Where rewritten code's virtual calls of {@code java.io.File} methods go: to {@link FileOps}, unless
 * the receiver's class (an application's subclass of {@code File}) overrides the method, in which
 * case the override runs (its {@code super} call comes back to {@link FileOps}).
 */
public final class FileCalls {
    private static final ClassValue<Set<String>> OVERRIDDEN = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> names = new HashSet<>();
            for (Class<?> c = type; c != File.class && c != null; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    names.add(key(m.getName(), m.getParameterTypes()));
                }
            }
            return names;
        }
    };

    private FileCalls() {
    }

    private static String key(String name, Class<?>... parameters) {
        StringBuilder b = new StringBuilder(name).append('(');
        for (Class<?> p : parameters) {
            b.append(p.getName()).append(';');
        }
        return b.append(')').toString();
    }

    /** True when {@code f}'s class overrides {@code name(parameters)}: the call must dispatch. */
    private static boolean overrides(File f, String name, Class<?>... parameters) {
        Class<?> c = f.getClass();
        return c != File.class && OVERRIDDEN.get(c).contains(key(name, parameters));
    }

    public static boolean exists(File f) {
        return overrides(f, "exists") ? f.exists() : FileOps.exists(f);
    }

    public static boolean isFile(File f) {
        return overrides(f, "isFile") ? f.isFile() : FileOps.isFile(f);
    }

    public static boolean isDirectory(File f) {
        return overrides(f, "isDirectory") ? f.isDirectory() : FileOps.isDirectory(f);
    }

    public static boolean canRead(File f) {
        return overrides(f, "canRead") ? f.canRead() : FileOps.canRead(f);
    }

    public static boolean canWrite(File f) {
        return overrides(f, "canWrite") ? f.canWrite() : FileOps.canWrite(f);
    }

    public static long length(File f) {
        return overrides(f, "length") ? f.length() : FileOps.length(f);
    }

    public static long lastModified(File f) {
        return overrides(f, "lastModified") ? f.lastModified() : FileOps.lastModified(f);
    }

    public static String[] list(File f) {
        return overrides(f, "list") ? f.list() : FileOps.list(f);
    }

    public static String[] list(File f, FilenameFilter filter) {
        return overrides(f, "list", FilenameFilter.class) ? f.list(filter) : FileOps.list(f, filter);
    }

    public static File[] listFiles(File f) {
        return overrides(f, "listFiles") ? f.listFiles() : FileOps.listFiles(f);
    }

    public static File[] listFiles(File f, FilenameFilter filter) {
        return overrides(f, "listFiles", FilenameFilter.class) ? f.listFiles(filter) : FileOps.listFiles(f, filter);
    }

    public static File[] listFiles(File f, FileFilter filter) {
        return overrides(f, "listFiles", FileFilter.class) ? f.listFiles(filter) : FileOps.listFiles(f, filter);
    }

    public static boolean mkdir(File f) {
        return overrides(f, "mkdir") ? f.mkdir() : FileOps.mkdir(f);
    }

    public static boolean mkdirs(File f) {
        return overrides(f, "mkdirs") ? f.mkdirs() : FileOps.mkdirs(f);
    }

    public static boolean delete(File f) {
        return overrides(f, "delete") ? f.delete() : FileOps.delete(f);
    }

    public static boolean renameTo(File f, File dest) {
        return overrides(f, "renameTo", File.class) ? f.renameTo(dest) : FileOps.renameTo(f, dest);
    }

    public static boolean createNewFile(File f) throws IOException {
        return overrides(f, "createNewFile") ? f.createNewFile() : FileOps.createNewFile(f);
    }

    public static void deleteOnExit(File f) {
        if (overrides(f, "deleteOnExit")) {
            f.deleteOnExit();
        } else {
            FileOps.deleteOnExit(f);
        }
    }

    public static Path toPath(File f) {
        return overrides(f, "toPath") ? f.toPath() : FileOps.toPath(f);
    }
}
