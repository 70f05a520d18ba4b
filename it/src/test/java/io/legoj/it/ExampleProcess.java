package io.legoj.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A main class of {@code examples/target/legoj-examples.jar} in a child JVM, plain or with the agent,
 * in a working directory of the test's choosing.
 */
final class ExampleProcess {

    private ExampleProcess() {
    }

    static Path jar() {
        Path jar = Build.home().resolve("examples/target/legoj-examples.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing: run (cd " + Build.home() + "/examples && mvn -q -o install)");
        }
        return jar;
    }

    /** {@code java -Xmx256m -cp legoj-examples.jar io.legoj.examples.<main> <args>} in {@code dir}. */
    static ChildProcess plain(Path dir, String main, String... args) {
        return ChildProcess.start("plain-" + simpleName(main), Build.javaCommand(List.of("-Xmx256m"), args(main, args)),
                Map.of(), dir);
    }

    /** As {@link #plain}, with {@code -javaagent:legoj-agent.jar=<options>} and the cluster secret. */
    static ChildProcess withAgent(Path dir, String options, String secret, String main, String... args) {
        List<String> flags = new ArrayList<>(Build.LEAK_FLAGS);
        flags.add("-Xmx256m");
        flags.add("-javaagent:" + Build.agentJar() + "=" + options);
        return ChildProcess.start("agent-" + simpleName(main), Build.javaCommand(flags, args(main, args)),
                Map.of("LEGOJ_SECRET", secret), dir);
    }

    /** The value of {@code key=} in the agent's summary line on stderr. */
    static long summary(ChildProcess app, String key) {
        return AgentSummary.value(app.stderr(), key, app.describe());
    }

    private static List<String> args(String main, String... args) {
        List<String> a = new ArrayList<>(List.of("-cp", jar().toString(), "io.legoj.examples." + main));
        a.addAll(List.of(args));
        return a;
    }

    private static String simpleName(String main) {
        return main.substring(main.lastIndexOf('.') + 1);
    }
}
