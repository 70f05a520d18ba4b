package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.FileData;
import io.legoj.protocol.FileLength;
import io.legoj.protocol.FileProtocol;
import io.legoj.protocol.FileRead;
import io.legoj.protocol.FileWrite;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeConnection;
import io.legoj.protocol.NodeStats;
import io.legoj.protocol.Ticker;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code legoj storagenode} in a child JVM, as users and {@code run} start it, and {@code stat} against it. */
class StoragenodeCommandTest {
    private static final String CP = System.getProperty("java.class.path");
    private static final String SECRET = "s3cret";

    @TempDir
    Path dir;
    private EventLoopGroup group;

    @BeforeEach
    void group() {
        group = EventLoops.create("storagenode-command-test", 1);
    }

    @AfterEach
    void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The child and the address from its first line. */
    private record Node(Process process, HostPort address) {
    }

    private Node start(Path data) throws IOException {
        List<String> cmd = new ArrayList<>(Jvm.storagenodeCommand(CP, Path.of("")));
        cmd.addAll(List.of("--port", "0", "--dir", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LEGOJ_SECRET", SECRET);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("legoj storagenode listening on 127.0.0.1:"), String.valueOf(line));
        return new Node(p, HostPort.parse(line.substring("legoj storagenode listening on ".length())));
    }

    private NodeConnection connect(HostPort node, int session) {
        return NodeConnection.open(group, "storagenode", node,
                new NodeConnection.Settings(SECRET, "app", session, TimeUnit.SECONDS.toNanos(10), Ticker.SYSTEM));
    }

    private static void stop(Node node) throws InterruptedException {
        node.process().toHandle().destroy();
        assertTrue(node.process().waitFor(30, TimeUnit.SECONDS), "storagenode stops on SIGTERM");
    }

    @Test
    void printsItsAddressServesFilesAndKeepsThemAcrossRestarts() throws Exception {
        Path data = dir.resolve("data-dir");
        Node node = start(data);
        try (NodeConnection c = connect(node.address(), FileProtocol.SESSION)) {
            FileLength l = assertInstanceOf(FileLength.class, c.call(new FileWrite(c.nextRequestId(), "kept.txt", 0,
                    Unpooled.copiedBuffer("across restarts", StandardCharsets.UTF_8))));
            assertEquals(15, l.length());
        }
        CliRun.Result stat = CliRun.execute(CliRun.context(Map.of("LEGOJ_SECRET", SECRET)), "stat", node.address().toString());
        assertEquals(0, stat.code(), stat.err());
        assertEquals("storagenode", NodeStats.fromYaml(stat.out()).kind);
        assertTrue(stat.out().contains("files: 1"), stat.out());
        stop(node);
        assertEquals("across restarts", Files.readString(data.resolve("data/app/kept.txt")));
        assertTrue(Files.isDirectory(data.resolve("journal")));

        Node again = start(data);
        try (NodeConnection c = connect(again.address(), FileProtocol.SESSION)) {
            FileData d = assertInstanceOf(FileData.class, c.call(new FileRead(c.nextRequestId(), "kept.txt", 0, 100)));
            try {
                assertEquals("across restarts", d.data().toString(StandardCharsets.UTF_8));
            } finally {
                d.release();
            }
        } finally {
            stop(again);
        }
    }

    @Test
    void aTakenPortIsAOneLineError() throws Exception {
        Node node = start(dir.resolve("first"));
        try {
            CliRun.Result r = CliRun.execute(CliRun.context(Map.of("LEGOJ_SECRET", SECRET)), "storagenode", "--port",
                    Integer.toString(node.address().port()), "--dir", dir.resolve("second").toString());
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.errLines()[0].startsWith("[legoj] error: storagenode cannot listen on 127.0.0.1:"
                    + node.address().port()), r.err());
        } finally {
            stop(node);
        }
    }

    @Test
    void localClusterStartsAStoragenodeOnATemporaryDirectoryAndRemovesIt() throws IOException {
        StringWriter messages = new StringWriter();
        LocalCluster.Spec spec = new LocalCluster.Spec(Jvm.memnodeCommand(CP, Path.of("")), 1, 16L << 20, SECRET,
                Duration.ofSeconds(30), Duration.ofSeconds(10));
        Path data;
        List<Process> processes;
        HostPort storage;
        try (LocalCluster c = new LocalCluster(spec, new PrintWriter(messages, true))) {
            storage = c.startStorage(Jvm.storagenodeCommand(CP, Path.of("")));
            processes = c.processes();
            data = c.storageDir().orElseThrow();
            assertTrue(Files.isDirectory(data.resolve("journal")), "the node opened its directory");
            assertTrue(LocalClusterTest.accepts(storage), storage + " does not accept connections");
            try (NodeConnection admin = connect(storage, 0)) {
                assertFalse(admin.isFailed());
            }
        }
        assertEquals(1, processes.size());
        processes.forEach(p -> assertFalse(p.isAlive()));
        assertFalse(LocalClusterTest.accepts(storage));
        assertFalse(Files.exists(data), "the temporary data directory is deleted");
        assertFalse(messages.toString().contains("exited with code"), messages.toString());
    }

    @Test
    void runStartsALocalStoragenodeWithoutStorage() {
        assertTrue(new RunCommand(CliRun.context(Map.of())).startsLocalStorage());
    }
}
