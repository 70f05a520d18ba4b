package io.legoj.runtime.files;

import io.legoj.protocol.FileError;
import io.legoj.protocol.NodeFailureException;
import io.legoj.protocol.RemoteException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The JDK exceptions a local file system would throw, made from the storage node's answers. Paths in
 * the exceptions are the application's own strings, as the JDK's are.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * The NIO exception for a {@link FileError}: {@code NoSuchFileException}, {@code FileAlreadyExistsException},
     * {@code DirectoryNotEmptyException}, {@code NotDirectoryException}, {@code AccessDeniedException},
     * else a {@code FileSystemException} with the system's reason ("Is a directory", "Not a directory").
     * {@code file} and {@code other} are the application's paths the error's node paths stand for.
     */
    public static FileSystemException of(FileError e, String file, String other) {
        String f = file;
        String o = other == null || other.isEmpty() ? null : other;
        String reason = e.reason().isEmpty() ? null : e.reason();
        return switch (e.code()) {
            case NOT_FOUND -> new NoSuchFileException(f, o, reason);
            case ALREADY_EXISTS -> new FileAlreadyExistsException(f, o, reason);
            case DIRECTORY_NOT_EMPTY -> new DirectoryNotEmptyException(f);
            case NOT_A_DIRECTORY -> reason == null ? new NotDirectoryException(f) : new FileSystemException(f, o, reason);
            case ACCESS_DENIED -> new AccessDeniedException(f, o, reason);
            default -> new FileSystemException(f, o, reason == null ? e.code().toString() : reason);
        };
    }

    /** An {@code IOException} for an {@code ERROR} reply (a request the node refused) or a node failure. */
    public static IOException of(RuntimeException e) {
        if (e instanceof NodeFailureException || e instanceof RemoteException) {
            return new IOException(e.getMessage(), e);
        }
        return new IOException(String.valueOf(e.getMessage()), e);
    }

    /**
     * The {@code java.io} form of an open failure, as {@code FileInputStream}, {@code FileOutputStream} and
     * {@code RandomAccessFile} throw it: {@code FileNotFoundException("name (No such file or directory)")}.
     */
    public static FileNotFoundException asFileNotFound(IOException e, String name) {
        FileNotFoundException f = new FileNotFoundException(name + " (" + reason(e) + ")");
        f.initCause(e);
        return f;
    }

    /** The system's wording of a failure, as {@code strerror} gives it. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
