package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import io.legoj.protocol.NodeStats;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatCommandTest {
    @Test
    void printsTheNodesStatisticsAsYaml() {
        try (MemNode node = new MemNode(MemNodeConfig.of(64L << 20, "s3cret"))) {
            int port = node.start();
            CliRun.Result r = CliRun.execute(CliRun.context(Map.of("LEGOJ_SECRET", "s3cret")), "stat",
                    "127.0.0.1:" + port);
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            NodeStats stats = NodeStats.fromYaml(r.out());
            assertEquals(64L << 20, stats.capacity);
            assertTrue(r.out().contains("capacity: "), r.out());
        }
    }

    @Test
    void aWrongSecretIsReportedInOneLine() {
        try (MemNode node = new MemNode(MemNodeConfig.of(64L << 20, "s3cret"))) {
            int port = node.start();
            CliRun.Result r = CliRun.execute(CliRun.context(Map.of("LEGOJ_SECRET", "wrong")), "stat",
                    "127.0.0.1:" + port);
            assertEquals(1, r.code(), r.err());
            assertEquals("", r.out());
            String[] lines = r.errLines();
            assertEquals(1, lines.length, r.err());
            assertTrue(lines[0].startsWith("[legoj] error: cannot reach memnode 127.0.0.1:" + port + ": "), lines[0]);
        }
    }

    @Test
    void anUnreachableNodeIsReportedInOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun.Result r = CliRun.execute(CliRun.context(Map.of("LEGOJ_SECRET", "s3cret")), "stat", "127.0.0.1:" + port);
        assertEquals(1, r.code(), r.err());
        String[] lines = r.errLines();
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("[legoj] error: cannot reach memnode 127.0.0.1:" + port + ": cannot connect"),
                lines[0]);
    }
}
