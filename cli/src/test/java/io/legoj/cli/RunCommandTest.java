package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import io.legoj.protocol.HostPort;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} end to end: local memnodes, the application's streams and exit code, the agent's options. */
class RunCommandTest {
    private static final String CP = System.getProperty("java.class.path");
    private static final byte[] INPUT = "h\u00e9llo\n\u0000\u00ff no newline".getBytes(StandardCharsets.UTF_8);
    private static final Pattern LOCAL = Pattern.compile("\\[legoj] local memnodes (\\S+), (\\S+) \\(32m each\\)");
    private static final Pattern STORAGE = Pattern.compile("\\[legoj] local storagenode (\\S+)");

    @TempDir
    Path dir;
    private Path in;
    private Path out;
    private Path err;
    private Path agentOut;

    @BeforeEach
    void createFiles() throws IOException {
        in = Files.write(dir.resolve("in"), INPUT);
        out = dir.resolve("out");
        err = dir.resolve("err");
        agentOut = dir.resolve("agent-options");
    }

    private List<String> app() {
        return List.of("--", "-cp", CP, "-Dfakeagent.out=" + agentOut, EchoApp.class.getName());
    }

    private Context.AppIo appIo() {
        return new Context.AppIo(Redirect.from(in.toFile()), Redirect.to(out.toFile()), Redirect.to(err.toFile()));
    }

    private Path fakeAgentJar(Path home) throws IOException {
        Path jar = new Jars(home).agent();
        Files.createDirectories(jar.getParent());
        return TestJars.write(jar, FakeAgent.class.getName(), FakeAgent.class);
    }

    private void assertAppStreamsPassedThrough(String appErr) throws IOException {
        assertArrayEquals(concat("app got: ".getBytes(StandardCharsets.UTF_8), INPUT), Files.readAllBytes(out));
        assertEquals("app says goodbye\n", withoutLegojLines(appErr));
    }

    private static String withoutLegojLines(String s) {
        return Arrays.stream(s.split("(?<=\n)")).filter(l -> !l.startsWith("[legoj]")).collect(Collectors.joining());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static List<HostPort> localNodes(String messages) {
        Matcher m = LOCAL.matcher(messages);
        assertTrue(m.find(), messages);
        return List.of(HostPort.parse(m.group(1)), HostPort.parse(m.group(2)));
    }

    private static HostPort localStorage(String messages) {
        Matcher m = STORAGE.matcher(messages);
        assertTrue(m.find(), messages);
        return HostPort.parse(m.group(1));
    }

    private static void assertStopped(List<HostPort> nodes) throws IOException {
        for (HostPort n : nodes) {
            assertFalse(LocalClusterTest.accepts(n), n + " still accepts connections");
        }
    }

    /** In this JVM, with the real agent when agent/target/legoj-agent.jar is a usable agent, else without one. */
    @Test
    void runsTheAppBesideLocalMemnodesInProcess() throws IOException {
        Path realAgent = Jars.fromSystem().agent();
        Context c = CliRun.context(Map.of()).withAppIo(appIo())
                .withAgentJar(Jars.isAgent(realAgent) ? Optional.of(realAgent) : Optional.empty());
        List<String> args = new ArrayList<>(List.of("run", "--capacity", "64m", "--cache", "1m", "--appid", "echo"));
        args.addAll(app());
        CliRun.Result r = CliRun.execute(c, args.toArray(String[]::new));
        assertEquals(3, r.code(), r.err());
        assertEquals("", r.out());
        assertAppStreamsPassedThrough(Files.readString(err));
        assertStopped(localNodes(r.err()));
    }

    /** The real entry point in its own JVM, whose streams the application inherits; a fake agent records its options. */
    @Test
    void theCliJvmPassesStreamsExitCodeAndAgentOptionsThrough() throws Exception {
        Path home = dir.resolve("home");
        fakeAgentJar(home);
        List<String> cmd = new ArrayList<>(Jvm.command(List.of("-Dlegoj.home=" + home, "-cp", CP,
                Legoj.class.getName(), "run", "--capacity", "64m", "--cache", "1m", "--appid", "echo")));
        cmd.addAll(app());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("LEGOJ_SECRET");
        int code = pb.start().waitFor();
        String cliErr = Files.readString(err);
        assertEquals(3, code, cliErr);
        assertAppStreamsPassedThrough(cliErr);
        List<HostPort> nodes = localNodes(cliErr);
        HostPort storage = localStorage(cliErr);
        assertEquals("memnodes=" + nodes.get(0) + "," + nodes.get(1) + ",storage=" + storage + ",cache=1m,appid=echo\n"
                + "secret=true\n", Files.readString(agentOut));
        assertStopped(nodes);
        assertStopped(List.of(storage));
    }

    @Test
    void runsAgainstGivenMemnodesWithoutStartingAny() throws IOException {
        Path agent = fakeAgentJar(dir.resolve("home"));
        try (MemNode node = new MemNode(MemNodeConfig.of(16L << 20, "s3cret"))) {
            String address = "127.0.0.1:" + node.start();
            Context c = CliRun.context(Map.of("LEGOJ_SECRET", "s3cret")).withAppIo(appIo())
                    .withAgentJar(Optional.of(agent));
            List<String> args = new ArrayList<>(List.of("run", "--memnodes", address, "--page", "16k"));
            args.addAll(app());
            CliRun.Result r = CliRun.execute(c, args.toArray(String[]::new));
            assertEquals(3, r.code(), r.err());
            HostPort storage = localStorage(r.err());
            assertEquals("[legoj] local storagenode " + storage + "\n", r.err(), "memnodes given: no local ones");
            assertAppStreamsPassedThrough(Files.readString(err));
            assertEquals("memnodes=" + address + ",storage=" + storage + ",page=16k\nsecret=true\n",
                    Files.readString(agentOut));
            assertStopped(List.of(storage));
        }
    }
}
