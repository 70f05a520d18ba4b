package io.legoj.storagenode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up recovery on journals left as a crash leaves them: entries after the last checkpoint,
 * all applied to the files but the last one of each application, which may be missing or half done.
 */
class RecoveryTest {
    @TempDir
    Path dir;
    private Path a;
    private Path b;

    @BeforeEach
    void emptyNode() throws IOException {
        new StorageNode(StorageNodeConfig.of(dir, "s"), new DirectExecutor()).close();
        a = Files.createDirectories(dir.resolve("data/a"));
        b = Files.createDirectories(dir.resolve("data/b"));
    }

    /** Appends entries after the checkpoint, as a node that then crashed would have. */
    private void journal(JournalEntry... entries) {
        try (Journal j = new Journal(dir.resolve("journal"), 16L << 20)) {
            j.roll();
            for (JournalEntry e : entries) {
                j.append(e);
            }
        }
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private StorageNodeStats reopen() {
        try (StorageNode node = new StorageNode(StorageNodeConfig.of(dir, "s"), new DirectExecutor())) {
            return node.stats();
        }
    }

    @Test
    void theLastEntryOfEachApplicationIsAppliedAgain() throws IOException {
        Files.writeString(a.resolve("f"), "old!");
        Files.writeString(b.resolve("x"), "moving");
        journal(JournalEntry.write("a", "f", 0, utf8("new")),
                JournalEntry.rename("b", "x", "y", false));
        StorageNodeStats s = reopen();
        assertEquals("new!", Files.readString(a.resolve("f")));
        assertFalse(Files.exists(b.resolve("x")));
        assertEquals("moving", Files.readString(b.resolve("y")));
        assertEquals(2, s.recoveredEntries);
        assertEquals(2, s.redoneEntries);
        assertEquals(2, s.files);
        assertEquals(0, reopen().recoveredEntries, "recovery ends with a checkpoint");
    }

    @Test
    void aWriteFromASliceOfAnArrayIsRedoneWithItsOwnBytes() throws IOException {
        Files.writeString(a.resolve("f"), "old!");
        ByteBuffer slice = ByteBuffer.wrap("..new..".getBytes(StandardCharsets.UTF_8), 2, 3).slice();
        journal(JournalEntry.write("a", "f", 0, slice));
        reopen();
        assertEquals("new!", Files.readString(a.resolve("f")));
    }

    @Test
    void entriesAlreadyAppliedAreNotAppliedTwice() throws IOException {
        Files.writeString(a.resolve("one"), "B");
        Files.writeString(a.resolve("two"), "A");
        journal(JournalEntry.rename("a", "one", "tmp", false),
                JournalEntry.rename("a", "two", "one", false),
                JournalEntry.rename("a", "tmp", "two", false));
        reopen();
        assertEquals("B", Files.readString(a.resolve("one")), "a swap through a temporary name stays swapped");
        assertEquals("A", Files.readString(a.resolve("two")));
        assertFalse(Files.exists(a.resolve("tmp")));
    }

    @Test
    void aHalfDoneLastWriteIsCompletedAndACompleteOneIsHarmless() throws IOException {
        Files.writeString(a.resolve("half"), "0123xxxx");
        Files.writeString(b.resolve("done"), "abcdef");
        journal(JournalEntry.write("a", "half", 4, utf8("4567")),
                JournalEntry.write("b", "done", 0, utf8("abc")));
        reopen();
        assertEquals("01234567", Files.readString(a.resolve("half")));
        assertEquals("abcdef", Files.readString(b.resolve("done")));
    }

    @Test
    void anAbortedLastEntryIsNotApplied() throws IOException {
        journal(JournalEntry.create("a", "f", false), JournalEntry.abort("a"));
        StorageNodeStats s = reopen();
        assertFalse(Files.exists(a.resolve("f")));
        assertEquals(0, s.redoneEntries);
    }

    @Test
    void everyKindOfEntryCanBeAppliedTwice() throws IOException {
        Files.writeString(a.resolve("t"), "content");
        Files.createDirectories(a.resolve("empty"));
        Files.writeString(a.resolve("gone"), "x");
        String[] apps = new String[7];
        for (int i = 0; i < apps.length; i++) {
            apps[i] = "app" + i;
            Files.createDirectories(dir.resolve("data/" + apps[i]));
        }
        Files.writeString(dir.resolve("data/app0/t"), "content");
        Files.writeString(dir.resolve("data/app2/gone"), "x");
        Files.writeString(dir.resolve("data/app4/from"), "moved");
        Files.writeString(dir.resolve("data/app4/to"), "replaced");
        Files.writeString(dir.resolve("data/app5/s"), "abcdef");
        journal(JournalEntry.create("app0", "t", true),
                JournalEntry.mkdir("app1", "x/y", true),
                JournalEntry.delete("app2", "gone"),
                JournalEntry.mkdir("app3", "single", false),
                JournalEntry.rename("app4", "from", "to", true),
                JournalEntry.setLength("app5", "s", 2),
                JournalEntry.write("app6", "new", 2, utf8("z")));
        for (int round = 0; round < 2; round++) {
            reopen();
            assertEquals(0, Files.size(dir.resolve("data/app0/t")));
            assertTrue(Files.isDirectory(dir.resolve("data/app1/x/y")));
            assertFalse(Files.exists(dir.resolve("data/app2/gone")));
            assertTrue(Files.isDirectory(dir.resolve("data/app3/single")));
            assertEquals("moved", Files.readString(dir.resolve("data/app4/to")));
            assertFalse(Files.exists(dir.resolve("data/app4/from")));
            assertEquals("ab", Files.readString(dir.resolve("data/app5/s")));
            assertEquals("\0\0z", Files.readString(dir.resolve("data/app6/new")));
            journal(JournalEntry.create("app0", "t", true),
                    JournalEntry.mkdir("app1", "x/y", true),
                    JournalEntry.delete("app2", "gone"),
                    JournalEntry.mkdir("app3", "single", false),
                    JournalEntry.rename("app4", "from", "to", true),
                    JournalEntry.setLength("app5", "s", 2),
                    JournalEntry.write("app6", "new", 2, utf8("z")));
        }
    }
}
