package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ok;
import io.legoj.protocol.PageBatch;
import io.legoj.protocol.PageData;
import io.legoj.protocol.RegionAlloc;
import io.legoj.protocol.Ticker;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code legoj memnode --journal DIR} in a child JVM: killed with -9 and started again on the same journal. */
class MemnodeCommandTest {
    private static final String CP = System.getProperty("java.class.path");
    private static final String SECRET = "s3cret";
    private static final int PS = 4096;
    private static final long BASE = 1L << 20;

    @TempDir
    Path dir;
    private EventLoopGroup group;

    @BeforeEach
    void group() {
        group = EventLoops.create("memnode-command-test", 1);
    }

    @AfterEach
    void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private record Node(Process process, HostPort address) {
    }

    private Node start(String... options) throws IOException {
        List<String> cmd = new ArrayList<>(Jvm.memnodeCommand(CP, Path.of("")));
        cmd.addAll(List.of("--port", "0"));
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LEGOJ_SECRET", SECRET);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith(ChildNode.LISTENING + "127.0.0.1:"), String.valueOf(line));
        return new Node(p, HostPort.parse(line.substring(ChildNode.LISTENING.length())));
    }

    private NodeConnection connect(HostPort node) {
        return NodeConnection.open(group, "memnode", node,
                new NodeConnection.Settings(SECRET, "app", PS, TimeUnit.SECONDS.toNanos(10), Ticker.SYSTEM));
    }

    private static byte[] page(int seed) {
        byte[] b = new byte[PS];
        Arrays.fill(b, (byte) seed);
        return b;
    }

    @Test
    void aJournaledNodeKilledWithDashNineComesBackWithItsPages() throws Exception {
        Path journal = dir.resolve("journal");
        Node node = start("--capacity", "1m", "--journal", journal.toString());
        try (NodeConnection c = connect(node.address())) {
            assertInstanceOf(Ok.class, c.call(new RegionAlloc(c.nextRequestId(), BASE, 64L * PS)));
            c.call(new PageBatch(c.nextRequestId(), PS, new long[] {BASE, BASE + PS},
                    Unpooled.wrappedBuffer(page(1), page(2)), new long[0])).release();
        }
        node.process().destroyForcibly();
        assertTrue(node.process().waitFor(30, TimeUnit.SECONDS));

        Node again = start("--capacity", "1m", "--journal", journal.toString(), "--journal-fsync");
        try (NodeConnection c = connect(again.address())) {
            PageData d = assertInstanceOf(PageData.class, c.call(new PageBatch(c.nextRequestId(), PS, new long[0], null,
                    new long[] {BASE, BASE + PS, BASE + 2 * PS})));
            try {
                assertEquals(2, d.data().readableBytes() / PS);
                byte[] got = new byte[2 * PS];
                d.data().getBytes(d.data().readerIndex(), got);
                assertArrayEquals(page(1), Arrays.copyOf(got, PS));
                assertArrayEquals(page(2), Arrays.copyOfRange(got, PS, 2 * PS));
            } finally {
                d.release();
            }
            CliRun.Result stat = CliRun.execute(CliRun.context(Map.of("LEGOJ_SECRET", SECRET)), "stat", again.address().toString());
            assertEquals(0, stat.code(), stat.err());
            NodeStats s = NodeStats.fromYaml(stat.out());
            assertEquals(2, s.pages);
            assertTrue(s.recoveredEntries >= 2, stat.out());
        } finally {
            again.process().toHandle().destroy();
            assertTrue(again.process().waitFor(30, TimeUnit.SECONDS), "memnode stops on SIGTERM");
        }

        CliRun.Result small = CliRun.execute(CliRun.context(Map.of("LEGOJ_SECRET", SECRET)), "memnode", "--port", "0",
                "--capacity", "4k", "--journal", journal.toString());
        assertEquals(1, small.code(), small.err());
        assertEquals(1, small.errLines().length, small.err());
        assertTrue(small.err().startsWith("[legoj] error: the memnode journal " + journal.toAbsolutePath() + " holds 8192 bytes")
                && small.err().contains("capacity of 4096 bytes"), small.err());
        assertTrue(Files.isDirectory(journal));
    }
}
