package io.legoj.memnode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A memory node with a journal in a JVM of its own, for the crash test: {@code <dir> <capacity>
 * <compactBytes>}; prints {@code listening <port>} once bound and serves until its standard input
 * ends (or it is killed).
 */
public final class MemNodeProcess {
    static final String SECRET = "crash-secret";

    private MemNodeProcess() {
    }

    public static void main(String[] args) throws Exception {
        JournalConfig journal = JournalConfig.of(Path.of(args[0])).withCompaction(Long.parseLong(args[2]), Duration.ofSeconds(1));
        MemNodeConfig config = MemNodeConfig.of(Long.parseLong(args[1]), SECRET).withMaxFrame(1 << 20).withJournal(journal);
        try (MemNode node = new MemNode(config)) {
            int port = node.start();
            System.out.println("listening " + port);
            System.out.flush();
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }
}
