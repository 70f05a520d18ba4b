package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class OptionValidationTest {
    private static final Map<String, String> SECRET = Map.of("LEGOJ_SECRET", "s3cret");

    private static CliRun.Result run(Map<String, String> env, String... args) {
        return CliRun.execute(CliRun.context(env), args);
    }

    /** A usage error: exit 2, one error line naming the problem, then the help hint; nothing on stdout. */
    private static void assertUsage(CliRun.Result r, String command, String expected) {
        assertEquals(2, r.code(), r.err());
        String[] lines = r.errLines();
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith("[legoj] error: "), lines[0]);
        assertTrue(lines[0].contains(expected), lines[0]);
        assertEquals("[legoj] try bin/legoj " + (command.isEmpty() ? "" : command + " ") + "--help", lines[1]);
        assertEquals("", r.out());
    }

    /** A one-line error without the help hint. */
    private static void assertError(CliRun.Result r, int code, String expected) {
        assertEquals(code, r.code(), r.err());
        String[] lines = r.errLines();
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("[legoj] error: ") && lines[0].contains(expected), lines[0]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--cache 12x -- Main                    | Invalid value for option '--cache': '12x' is not a size",
        "--cache 1k -- Main                     | --cache 1k is smaller than one page (16k)",
        "--page 3k -- Main                      | --page 3k is not a power of two",
        "--page 8m -- Main                      | --page 8m is not a power of two from 512 to 1m",
        "--objects maybe -- Main               | --objects maybe must be remote or local",
        "--memnodes localhost -- Main           | 'localhost' is not host:port",
        "--memnodes a:1,a:70000 -- Main         | port 70000 outside 1..65535",
        "--memnodes a:1,a:1 -- Main             | --memnodes names a:1 twice",
        "--storage nope -- Main                 | 'nope' is not host:port",
        "--replicas 0 -- Main                   | --replicas 0 must be from 1 to the number of memnodes (2)",
        "--replicas 3 -- Main                   | --replicas 3 must be from 1 to the number of memnodes (2)",
        "--memnodes a:1 --replicas 2 -- Main    | --replicas 2 must be from 1 to the number of memnodes (1)",
        "--local-memnodes 0 -- Main             | --local-memnodes 0 must be from 1 to 16",
        "--memnodes a:1 --capacity 1g -- Main   | --capacity is about local memnodes",
        "--memnodes a:1 --local-memnodes 2 -- M | --local-memnodes is about local memnodes",
        "--capacity 4k -- Main                  | gives less than one page to each of the 2 local memnodes",
        "--appid a,b -- Main                    | --appid 'a,b' must be",
        "--cache                                | Missing required parameter for option '--cache'",
        "-Xmx1g Main                            | Unknown option: '-Xmx1g' (the application's java options go after --)",
        "--                                     | nothing to run",
    })
    void runRejectsBadOptions(String args, String expected) {
        assertUsage(run(SECRET, ("run " + args.trim()).split(" +")), "run", expected);
    }

    @Test
    void runWithRemoteMemnodesNeedsTheSecret() {
        assertError(run(Map.of(), "run", "--memnodes", "127.0.0.1:7001", "--", "Main"), 2, "LEGOJ_SECRET is not set");
    }

    @Test
    void runWithoutAgentJarSaysHowToBuildIt(@TempDir Path emptyHome) {
        Context c = CliRun.context(SECRET).withJars(new Jars(emptyHome));
        Jars jars = c.jars();
        Context withAgentLookup = new Context(c.env(), jars, () -> Optional.of(jars.requireAgent()),
                c.classpath(), c.appIo(), c.startTimeout(), c.stopTimeout(), c.memAvailable());
        CliRun.Result r = CliRun.execute(withAgentLookup, "run", "--", "Main");
        assertError(r, 2, "legoj-agent.jar is missing: build it with (cd " + emptyHome + " && mvn -q -DskipTests package)");
    }

    @Test
    void memnodeNeedsPortAndSecret(@TempDir Path tmp) throws IOException {
        assertUsage(run(SECRET, "memnode"), "memnode", "Missing required option: '--port=P'");
        assertUsage(run(SECRET, "memnode", "--port", "x"), "memnode", "'x' is not an int");
        assertUsage(run(SECRET, "memnode", "--port", "70000"), "memnode", "--port 70000 is outside 0..65535");
        assertUsage(run(SECRET, "memnode", "--port", "0", "--capacity", "lots"), "memnode", "'lots' is not a size");
        assertUsage(run(SECRET, "memnode", "--port", "0", "--lease", "soon"), "memnode", "'soon' is not a duration");
        assertUsage(run(SECRET, "memnode", "--port", "0", "--lease", "0s"), "memnode", "must be positive");
        assertUsage(run(SECRET, "memnode", "--port", "0", "--journal-fsync"), "memnode", "--journal-fsync needs --journal");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertError(run(SECRET, "memnode", "--port", "0", "--journal", file.toString()), 2, "is not a directory");
        assertError(run(Map.of(), "memnode", "--port", "0"), 2, "LEGOJ_SECRET is not set");
    }

    @Test
    void storagenodeOptions(@TempDir Path tmp) throws IOException {
        assertUsage(run(SECRET, "storagenode", "--port", "1"), "storagenode", "Missing required option: '--dir=DIR'");
        assertUsage(run(SECRET, "storagenode", "--port", "70000", "--dir", "d"), "storagenode", "--port 70000 is outside 0..65535");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertError(run(SECRET, "storagenode", "--port", "0", "--dir", file.toString()), 2, "is not a directory");
        assertError(run(Map.of(), "storagenode", "--port", "0", "--dir", "d"), 2, "LEGOJ_SECRET is not set");
    }

    @Test
    void demoOptionsAndMissingJars(@TempDir Path emptyHome) {
        assertUsage(run(SECRET, "demo", "--ops", "0"), "demo", "--ops 0 must be at least 1");
        assertUsage(run(SECRET, "demo", "--keys", "-1"), "demo", "--keys -1 must be at least 1");
        assertUsage(run(SECRET, "demo", "--cache", "1k"), "demo", "--cache 1k is smaller than one page (16k)");
        assertUsage(run(SECRET, "demo", "--port", "1"), "demo", "Unknown options: '--port', '1'");
        CliRun.Result r = CliRun.execute(CliRun.context(SECRET, emptyHome), "demo");
        assertError(r, 2, "legoj-examples.jar is missing: build it with (cd " + emptyHome
                + " && mvn -q -DskipTests package)");
    }

    @Test
    void statNeedsOneAddress() {
        assertUsage(run(SECRET, "stat"), "stat", "Missing required parameter: 'H:P'");
        assertUsage(run(SECRET, "stat", "nohost"), "stat", "'nohost' is not host:port");
        assertError(run(Map.of(), "stat", "127.0.0.1:1"), 2, "LEGOJ_SECRET is not set");
    }

    @Test
    void benchWithoutItsJarSaysHowToBuildIt(@TempDir Path emptyHome) {
        CliRun.Result r = CliRun.execute(CliRun.context(SECRET, emptyHome), "bench", "pagefault", "--quick");
        assertError(r, 2, "legoj-bench.jar is missing: build it with (cd " + emptyHome + " && mvn -q -DskipTests package)");
    }

    @Test
    void unknownCommandAndNoCommandAreUsageErrors() {
        assertUsage(run(SECRET, "frobnicate"), "", "Unmatched argument at index 0: 'frobnicate'");
        CliRun.Result none = run(SECRET);
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Usage: legoj"), none.err());
    }

    @Test
    void unexpectedFailuresAreOneLineWithoutStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cl = Legoj.commandLine(CliRun.context(Map.of()));
        cl.setErr(new PrintWriter(err, true));
        Errors errors = new Errors(CliRun.context(Map.of()));
        assertEquals(1, errors.failure(new NullPointerException("oops"), cl, null));
        assertEquals("[legoj] error: oops (java.lang.NullPointerException; set LEGOJ_DEBUG=1 for the stack trace)\n",
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, errors.failure(new IllegalStateException("memnode cannot listen\non port 1"), cl, null));
        assertEquals("[legoj] error: memnode cannot listen; on port 1\n", err.toString());
    }

    @ParameterizedTest
    @CsvSource({"''", "memnode", "storagenode", "run", "stat", "bench", "demo"})
    void everyCommandHasHelp(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        CliRun.Result r = run(Map.of(), args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: legoj" + (command.isEmpty() ? "" : " " + command)), r.out());
        assertEquals("", r.err());
    }
}
