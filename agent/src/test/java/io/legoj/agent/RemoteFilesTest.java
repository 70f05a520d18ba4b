package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The file corpus run once as compiled against a local directory and once rewritten with the file
 * rewrites against the mount of an in-process storage node: the same transcript, and the files are
 * on the node, not on the local disk.
 */
class RemoteFilesTest {
    private static TestStorage storage;

    @BeforeAll
    static void storage() {
        storage = TestStorage.get();
    }

    @SuppressWarnings("unchecked")
    private static List<String> run(ClassLoader loader, Path base) throws Exception {
        return (List<String>) Class.forName("filecorpus.FileWork", true, loader).getMethod("run", String.class)
                .invoke(null, base.toString());
    }

    @Test
    void theCorpusSeesTheSameOnTheStorageNodeAsOnALocalDisk() throws Exception {
        Path local = storage.localDir().resolve("corpus");
        Path remote = storage.remoteDir().resolve("corpus");
        Files.createDirectories(local);
        storage.client().createDirectories(remote.toString());
        List<String> plain = run(RemoteFilesTest.class.getClassLoader(), local);
        RewritingLoader loader = new RewritingLoader("filecorpus.", ClassRewriter.Features.FILES);
        List<String> rewritten = run(loader, remote);
        assertEquals(String.join("\n", plain), String.join("\n", rewritten));
        assertTrue(loader.rewritten.contains("filecorpus.FileWork$Named"), loader.rewritten.toString());
        assertFalse(Files.exists(remote), "the application's directory exists locally: " + remote);
        assertTrue(Files.isRegularFile(storage.onNode(remote.resolve("work/a.txt"))));
        assertEquals(Files.readString(local.resolve("work/n.txt")), Files.readString(storage.onNode(remote.resolve("work/n.txt"))));
    }
}
