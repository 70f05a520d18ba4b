package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/legoj demo} end to end: kvstore under the agent on an embedded cluster, its objects on
 * the memnodes and its AOF on the storagenode; KvLoad gets the same digest as from kvstore on a
 * plain JVM, and the demo ends by itself with exit code 0 within a minute.
 */
class DemoTest {
    private static final Duration DEMO_BOUND = Duration.ofSeconds(60);
    private static final Pattern DIGEST = Pattern.compile("kvload ops=20000 errors=\\d+ digest=[0-9a-f]{16}");
    private static final Pattern REMOTE_OBJECTS = Pattern.compile("\\[legoj] summary: .*remote_objects=(\\d+) .*");
    private static final Pattern MEMNODE = Pattern.compile("\\s+memnode \\S+\\s+[\\d.]+ \\w+ of pages \\((\\d+) pages\\)");

    private static Path examplesJar() {
        Path jar = Build.home().resolve("examples/target/legoj-examples.jar");
        Build.agentJar();
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing: run (cd " + Build.home() + " && mvn -q -o install -DskipTests)");
        }
        return jar;
    }

    @Test
    @Timeout(150)
    void demoRunsKvstoreUnderTheAgentAndGetsThePlainJvmsDigest() {
        String plainDigest = plainDigest(examplesJar());
        try (ChildProcess demo = ChildProcess.start("legoj-demo", List.of(Build.script().toString(), "demo"), Map.of())) {
            assertEquals(0, demo.awaitExit(DEMO_BOUND), demo.describe());
            String out = String.join("\n", demo.stdout());
            assertTrue(out.contains(plainDigest), "digest " + plainDigest + " of the plain JVM, got:\n" + out);
            Matcher remote = REMOTE_OBJECTS.matcher(out);
            assertTrue(remote.find() && Long.parseLong(remote.group(1)) > 10_000, out);
            Matcher memnode = MEMNODE.matcher(out);
            long pages = 0;
            int memnodes = 0;
            while (memnode.find()) {
                memnodes++;
                pages += Long.parseLong(memnode.group(1));
            }
            assertEquals(2, memnodes, out);
            assertTrue(pages > 0, out);
            assertTrue(out.matches("(?s).*storagenode \\S+\\s+1 file\\(s\\), [\\d.]+ KiB \\(the AOF /legoj-demo/kvstore.aof\\).*"),
                    out);
            assertTrue(out.contains("under the agent: objects=remote, arrays=remote"), out);
        }
    }

    /** The digest KvLoad prints for the demo's workload against kvstore on a plain JVM without an AOF. */
    private static String plainDigest(Path examples) {
        List<String> server = Build.javaCommand(List.of("-Xmx256m"),
                List.of("-cp", examples.toString(), "io.legoj.examples.kvstore.KvStore", "--port", "0"));
        try (ChildProcess kv = ChildProcess.start("plain-kvstore", server, Map.of())) {
            String line = kv.awaitStdout(l -> l.startsWith("kvstore listening on "), Duration.ofSeconds(30), "listening");
            String port = line.substring(line.lastIndexOf(':') + 1).trim();
            List<String> load = Build.javaCommand(List.of(), List.of("-cp", examples.toString(),
                    "io.legoj.examples.kvstore.KvLoad", "--port", port, "--ops", "20000", "--keys", "2000", "--seed", "1"));
            try (ChildProcess kvload = ChildProcess.start("plain-kvload", load, Map.of())) {
                assertEquals(0, kvload.awaitExit(Duration.ofSeconds(60)), kvload.describe());
                Matcher m = DIGEST.matcher(String.join("\n", kvload.stdout()));
                assertTrue(m.find(), kvload.describe());
                return m.group();
            }
        }
    }
}
