package io.legoj.runtime.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTest {
    @Test
    void prefixesMatchWholeNamesAfterResolvingAndNormalizing() {
        Mount m = new Mount("/home/u", List.of("/data", "work/out"));
        assertTrue(m.covers("/data"));
        assertTrue(m.covers("/data/x/y"));
        assertTrue(m.covers("/tmp/../data/x"));
        assertFalse(m.covers("/database"));
        assertFalse(m.covers("/data/../etc/passwd"));
        assertTrue(m.covers("work/out/f"), "relative to the working directory");
        assertTrue(m.covers("/home/u/work/out"));
        assertFalse(m.covers("work/outside"));
        assertFalse(m.covers("/data/x\0y"), "an invalid path stays local, where the JDK rejects it");
        assertEquals("[/data, /home/u/work/out]", m.toString());
    }

    @Test
    void noPrefixMountsEverything() {
        Mount m = new Mount("/home/u", List.of());
        assertTrue(m.isEverything());
        assertTrue(m.covers("x"));
        assertTrue(m.covers("/etc/hosts"));
        assertEquals("all paths", m.toString());
    }

    @Test
    void theWorkingDirectoryMustBeAbsolute() {
        assertThrows(IllegalArgumentException.class, () -> new Mount("home/u", List.of()));
    }

    @Test
    void withNothingInstalledEverythingIsLocalAndTheJdks() throws Exception {
        RemoteFiles.install(null);
        assertEquals(null, RemoteFiles.clientFor("/anything"));
        Path p = PathCalls.get("/tmp", new String[] {"x"});
        assertEquals(FileSystems.getDefault(), p.getFileSystem());
        assertEquals(FileSystems.getDefault(), PathCalls.getDefault());
        File tmp = File.createTempFile("mount-test", ".tmp");
        try {
            assertTrue(FileCalls.exists(tmp));
            assertEquals(tmp.toPath(), FileCalls.toPath(tmp));
            assertTrue(FileCalls.delete(tmp));
            assertFalse(FileOps.exists(tmp));
        } finally {
            tmp.delete();
        }
    }
}
