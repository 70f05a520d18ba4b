package io.legoj.runtime.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.legoj.protocol.ErrorCode;
import io.legoj.protocol.FileError;
import io.legoj.protocol.RemoteException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class FileErrorsTest {
    private static FileSystemException of(ErrorCode code, String reason) {
        return FileErrors.of(new FileError(1, code, "n", "", reason), "data/x.txt", null);
    }

    @Test
    void eachCodeIsTheJdksException() {
        assertEquals("data/x.txt", assertInstanceOf(NoSuchFileException.class, of(ErrorCode.NOT_FOUND, "")).getMessage());
        assertInstanceOf(FileAlreadyExistsException.class, of(ErrorCode.ALREADY_EXISTS, ""));
        assertInstanceOf(DirectoryNotEmptyException.class, of(ErrorCode.DIRECTORY_NOT_EMPTY, ""));
        assertInstanceOf(NotDirectoryException.class, of(ErrorCode.NOT_A_DIRECTORY, ""));
        assertInstanceOf(AccessDeniedException.class, of(ErrorCode.ACCESS_DENIED, ""));
        FileSystemException notDir = of(ErrorCode.NOT_A_DIRECTORY, "Not a directory");
        assertEquals(FileSystemException.class, notDir.getClass());
        assertEquals("data/x.txt: Not a directory", notDir.getMessage());
        assertEquals("data/x.txt: Is a directory", of(ErrorCode.IS_A_DIRECTORY, "Is a directory").getMessage());
        assertEquals("data/x.txt: disk full", of(ErrorCode.IO_ERROR, "disk full").getMessage());
        FileSystemException two = FileErrors.of(new FileError(1, ErrorCode.NOT_FOUND, "a", "b", ""), "a", "b");
        assertEquals("a -> b", two.getMessage());
    }

    @Test
    void javaIoMessagesAreTheJdks() {
        assertEquals("x.txt (No such file or directory)",
                FileErrors.asFileNotFound(new NoSuchFileException("x.txt"), "x.txt").getMessage());
        assertEquals("d (Is a directory)",
                FileErrors.asFileNotFound(new FileSystemException("d", null, "Is a directory"), "d").getMessage());
        assertEquals("a/b (Not a directory)",
                FileErrors.asFileNotFound(new FileSystemException("a/b", null, "Not a directory"), "a/b").getMessage());
        assertEquals("p (Permission denied)",
                FileErrors.asFileNotFound(new AccessDeniedException("p"), "p").getMessage());
        assertInstanceOf(FileNotFoundException.class, FileErrors.asFileNotFound(new IOException("x"), "y"));
        assertEquals("storagenode h:1: FULL: no space",
                FileErrors.of(new RemoteException("storagenode h:1", ErrorCode.FULL, "no space")).getMessage());
    }

    @Test
    void applicationPathsMapToNodePaths() throws IOException {
        assertEquals("home/u/data/x", StorageClient.nodePath("/home/u", "data/x"));
        assertEquals("etc/x", StorageClient.nodePath("/home/u", "/etc/x"));
        assertEquals("home/b", StorageClient.nodePath("/home/u", "../b"));
        assertEquals("", StorageClient.nodePath("/home/u", "/"));
        assertEquals("", StorageClient.nodePath("/", "../.."));
        assertEquals("home/u", StorageClient.nodePath("/home/u", "."));
        assertEquals("home/u/a/b", StorageClient.nodePath("/home/u", "a//b/"));
        FileSystemException e = assertThrows(FileSystemException.class, () -> StorageClient.nodePath("/", "a\0b"));
        assertEquals("a\0b", e.getFile());
    }
}
