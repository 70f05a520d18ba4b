package io.legoj.storagenode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A storage node in a JVM of its own, for the crash test: {@code <dir> <checkpointBytes>}; prints
 * {@code listening <port>} once bound and serves until its standard input ends (or it is killed).
 */
public final class StorageNodeProcess {
    static final String SECRET = "crash-secret";

    private StorageNodeProcess() {
    }

    public static void main(String[] args) throws Exception {
        StorageNodeConfig config = StorageNodeConfig.of(Path.of(args[0]), SECRET)
                .withCheckpoint(Long.parseLong(args[1]), Duration.ofSeconds(1));
        try (StorageNode node = new StorageNode(config)) {
            int port = node.start();
            System.out.println("listening " + port);
            System.out.flush();
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }
}
