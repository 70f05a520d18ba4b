package io.legoj.agent;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.HostPort;
import io.legoj.runtime.files.Mount;
import io.legoj.runtime.files.RemoteFiles;
import io.legoj.runtime.files.StorageClient;
import io.legoj.storagenode.StorageNode;
import io.legoj.storagenode.StorageNodeConfig;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One in-process storage node for this test JVM, its data under {@code target/}, with remote files
 * installed for the mount {@link #remoteDir()} ({@link RemoteFiles} is static, as the agent makes
 * it). Paths outside the mount, such as {@link #localDir()}, stay local.
 */
final class TestStorage {
    static final String SECRET = "files-secret";
    static final String APP = "agent-files-tests";
    private static TestStorage instance;

    private final Path root;
    private final StorageNode node;
    private final StorageClient client;

    private TestStorage(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("node"));
        Files.createDirectories(localDir());
        node = new StorageNode(StorageNodeConfig.of(root.resolve("node"), SECRET));
        int port = node.start();
        EventLoopGroup group = EventLoops.create("agent-files-test", 1);
        client = StorageClient.open(group, new HostPort("127.0.0.1", port), StorageClient.Settings.of(SECRET, APP));
        client.createDirectories(remoteDir().toString());
        RemoteFiles.install(new RemoteFiles(client, new Mount(System.getProperty("user.dir"),
                List.of(remoteDir().toString()))));
    }

    static synchronized TestStorage get() {
        if (instance == null) {
            try {
                Path root = Path.of("target").toAbsolutePath().resolve("files-test-" + ProcessHandle.current().pid());
                instance = new TestStorage(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The mount: paths under it are on the storage node (it does not exist locally). */
    Path remoteDir() {
        return root.resolve("remote");
    }

    /** A local directory outside the mount. */
    Path localDir() {
        return root.resolve("local");
    }

    StorageNode node() {
        return node;
    }

    StorageClient client() {
        return client;
    }

    /** Where the node keeps the application's path {@code appPath}. */
    Path onNode(Path appPath) {
        return root.resolve("node").resolve("data").resolve(APP).resolve(appPath.toAbsolutePath().toString().substring(1));
    }
}
