package io.legoj.storagenode;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.FileError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.function.Function;

/** A file request that fails the way it would on a local file system; becomes a {@link FileError} reply. */
final class FileFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String NOT_A_DIRECTORY = "Not a directory";
    static final String IS_A_DIRECTORY = "Is a directory";

    final ErrorCode code;
    final String file;
    final String other;
    final String reason;

    FileFailure(ErrorCode code, String file, String other, String reason) {
        super(code + ": " + file + (other.isEmpty() ? "" : " -> " + other) + (reason.isEmpty() ? "" : ": " + reason), null,
                false, false);
        this.code = code;
        this.file = file;
        this.other = other;
        this.reason = reason;
    }

    FileFailure(ErrorCode code, String file) {
        this(code, file, "", "");
    }

    FileError reply(long requestId) {
        return new FileError(requestId, code, file, other, reason);
    }

    /**
     * The failure a local file system reported: the code from the exception's type or reason, its
     * paths turned back into the application's relative paths by {@code relative}.
     */
    static FileFailure of(IOException e, String file, String other, Function<String, String> relative) {
        if (!(e instanceof FileSystemException fse)) {
            return new FileFailure(ErrorCode.IO_ERROR, file, other, String.valueOf(e.getMessage()));
        }
        String f = fse.getFile() == null ? file : relative.apply(fse.getFile());
        String o = fse.getOtherFile() == null ? "" : relative.apply(fse.getOtherFile());
        String reason = fse.getReason() == null ? "" : fse.getReason();
        return new FileFailure(code(fse, reason), f, o, reason);
    }

    private static ErrorCode code(FileSystemException e, String reason) {
        if (e instanceof NoSuchFileException) {
            return ErrorCode.NOT_FOUND;
        }
        if (e instanceof FileAlreadyExistsException) {
            return ErrorCode.ALREADY_EXISTS;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return ErrorCode.DIRECTORY_NOT_EMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return ErrorCode.NOT_A_DIRECTORY;
        }
        if (e instanceof AccessDeniedException) {
            return ErrorCode.ACCESS_DENIED;
        }
        return switch (reason) {
            case NOT_A_DIRECTORY -> ErrorCode.NOT_A_DIRECTORY;
            case IS_A_DIRECTORY -> ErrorCode.IS_A_DIRECTORY;
            case "Directory not empty" -> ErrorCode.DIRECTORY_NOT_EMPTY;
            case "No such file or directory" -> ErrorCode.NOT_FOUND;
            case "File exists" -> ErrorCode.ALREADY_EXISTS;
            case "Permission denied" -> ErrorCode.ACCESS_DENIED;
            default -> ErrorCode.IO_ERROR;
        };
    }
}
