package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.HostPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalClusterTest {
    private static final String CP = System.getProperty("java.class.path");
    private final StringWriter messages = new StringWriter();

    private LocalCluster cluster(List<String> command, int nodes, Duration startTimeout) {
        return new LocalCluster(new LocalCluster.Spec(command, nodes, 16L << 20, "s3cret", startTimeout,
                Duration.ofSeconds(10)), new PrintWriter(messages, true));
    }

    private static List<String> fakeNode(String behaviour) {
        return Jvm.command(List.of("-cp", CP, FakeNodes.class.getName(), behaviour));
    }

    static boolean accepts(HostPort a) throws IOException {
        try (Socket s = new Socket(a.host(), a.port())) {
            return s.isConnected();
        } catch (ConnectException refused) {
            return false;
        }
    }

    @Test
    void startsTwoMemnodesFromTheTestClassPathAndStopsThem() throws IOException {
        List<HostPort> nodes;
        List<Process> processes;
        try (LocalCluster c = cluster(Jvm.memnodeCommand(CP, Path.of("")), 2, Duration.ofSeconds(30))) {
            nodes = c.start();
            processes = c.processes();
            assertEquals(2, nodes.size());
            assertFalse(nodes.get(0).equals(nodes.get(1)));
            for (HostPort n : nodes) {
                assertEquals("127.0.0.1", n.host());
                assertTrue(accepts(n), n + " does not accept connections");
            }
        }
        for (Process p : processes) {
            assertFalse(p.isAlive());
        }
        for (HostPort n : nodes) {
            assertFalse(accepts(n), n + " still accepts connections");
        }
        assertFalse(messages.toString().contains("exited with code"), messages.toString());
    }

    @Test
    void aNodeThatDiesBeforeListeningIsNamedAndTheOthersAreStopped() {
        List<Process> processes = new ArrayList<>();
        try (LocalCluster c = cluster(fakeNode("crash"), 2, Duration.ofSeconds(30))) {
            CliException e = assertThrows(CliException.class, c::start);
            processes.addAll(c.processes());
            assertEquals(1, e.exitCode());
            assertTrue(e.getMessage().matches("memnode#[12] exited with code 7 before it was listening.*"),
                    e.getMessage());
        }
        assertEquals(2, processes.size());
        processes.forEach(p -> assertFalse(p.isAlive()));
        String m = messages.toString();
        assertTrue(m.matches("(?s).*\\[legoj] memnode#[12]: boom: cannot bind\n.*"), m);
        assertFalse(m.contains("output lost"), m);
    }

    @Test
    void aNodeThatSaysNothingFailsTheStartAfterTheBound() {
        List<Process> processes;
        try (LocalCluster c = cluster(fakeNode("silent"), 2, Duration.ofMillis(300))) {
            CliException e = assertThrows(CliException.class, c::start);
            processes = c.processes();
            assertEquals("memnode#1, memnode#2 printed no 'legoj memnode listening on' line within 300 ms",
                    e.getMessage());
        }
        processes.forEach(p -> assertFalse(p.isAlive()));
    }
}
