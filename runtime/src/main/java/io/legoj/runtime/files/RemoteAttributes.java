package io.legoj.runtime.files;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Basic attributes of a file on the storage node, from one FILE_STAT: its kind, size and
 * modification time (which also stands for the access and creation times); no file key.
 */
final class RemoteAttributes implements BasicFileAttributes {
    private static final List<String> NAMES = List.of("lastModifiedTime", "lastAccessTime", "creationTime", "size",
            "isRegularFile", "isDirectory", "isSymbolicLink", "isOther", "fileKey");

    private final FileInfo info;

    private RemoteAttributes(FileInfo info) {
        this.info = info;
    }

    /** The attributes of {@code path}; {@code NoSuchFileException} when there is nothing there. */
    static RemoteAttributes of(StorageClient client, Path path) throws IOException {
        FileInfo info = client.stat(path.toString());
        if (!info.exists()) {
            throw new NoSuchFileException(path.toString());
        }
        return new RemoteAttributes(info);
    }

    @Override
    public FileTime lastModifiedTime() {
        return FileTime.from(info.lastModified(), TimeUnit.MILLISECONDS);
    }

    @Override
    public FileTime lastAccessTime() {
        return lastModifiedTime();
    }

    @Override
    public FileTime creationTime() {
        return lastModifiedTime();
    }

    @Override
    public boolean isRegularFile() {
        return info.isFile();
    }

    @Override
    public boolean isDirectory() {
        return info.isDirectory();
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isOther() {
        return !info.isFile() && !info.isDirectory();
    }

    @Override
    public long size() {
        return info.length();
    }

    @Override
    public Object fileKey() {
        return null;
    }

    /** {@code Files.readAttributes(path, "basic:size,lastModifiedTime")} and {@code "*"}, as the JDK reads them. */
    Map<String, Object> asMap(Path path, String attributes) {
        String view = "basic";
        String list = attributes;
        int colon = attributes.indexOf(':');
        if (colon >= 0) {
            view = attributes.substring(0, colon);
            list = attributes.substring(colon + 1);
        }
        if (!view.equals("basic")) {
            throw new UnsupportedOperationException("View '" + view + "' not available for files on the storage node: "
                    + path);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : list.split(",")) {
            if (name.equals("*")) {
                NAMES.forEach(n -> values.put(n, value(n)));
            } else if (NAMES.contains(name)) {
                values.put(name, value(name));
            } else {
                throw new IllegalArgumentException("'" + name + "' not recognized");
            }
        }
        return values;
    }

    private Object value(String name) {
        return switch (name) {
            case "lastModifiedTime" -> lastModifiedTime();
            case "lastAccessTime" -> lastAccessTime();
            case "creationTime" -> creationTime();
            case "size" -> size();
            case "isRegularFile" -> isRegularFile();
            case "isDirectory" -> isDirectory();
            case "isSymbolicLink" -> isSymbolicLink();
            case "isOther" -> isOther();
            default -> fileKey();
        };
    }

    /** The basic view of a remote path: reads its attributes; times cannot be set. */
    record View(Path path) implements BasicFileAttributeView {
        @Override
        public String name() {
            return "basic";
        }

        @Override
        public BasicFileAttributes readAttributes() throws IOException {
            StorageClient c = RemoteFiles.clientFor(path.toString());
            if (c == null) {
                throw new IOException("remote files are no longer installed: " + path);
            }
            return RemoteAttributes.of(c, path);
        }

        @Override
        public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
            if (lastModifiedTime != null || lastAccessTime != null || createTime != null) {
                throw new UnsupportedOperationException("setting times is not supported for files on the storage node: "
                        + path);
            }
        }
    }
}
