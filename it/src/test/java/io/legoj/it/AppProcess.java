package io.legoj.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An application JVM of a test: started with the agent directly or through {@code bin/legoj run},
 * with only this module's test classes on its class path, so that the runtime reaches it through the
 * agent jar alone.
 */
final class AppProcess implements AutoCloseable {
    private final ChildProcess process;

    private AppProcess(ChildProcess process) {
        this.process = process;
    }

    /** {@code java -javaagent:legoj-agent.jar=<options> -cp <test classes> <main> <args>}; {@code secret} may be null. */
    static AppProcess withAgent(String agentOptions, String secret, Class<?> main, String... args) {
        return withAgent(agentOptions, secret, "256m", main, args);
    }

    /** As {@link #withAgent(String, String, Class, String...)}, with {@code -Xmx<maxHeap>}. */
    static AppProcess withAgent(String agentOptions, String secret, String maxHeap, Class<?> main, String... args) {
        List<String> flags = new ArrayList<>(Build.LEAK_FLAGS);
        flags.add("-Xmx" + maxHeap);
        flags.add("-javaagent:" + Build.agentJar() + "=" + agentOptions);
        return new AppProcess(ChildProcess.start("app-" + main.getSimpleName(),
                Build.javaCommand(flags, appArgs(main, args)), secretEnv(secret)));
    }

    /** As {@link #withAgent(String, String, Class, String...)}, with a class path of the test's choosing. */
    static AppProcess withAgentAndClassPath(String agentOptions, String secret, String classPath, Class<?> main,
            String... args) {
        List<String> flags = new ArrayList<>(Build.LEAK_FLAGS);
        flags.add("-javaagent:" + Build.agentJar() + "=" + agentOptions);
        List<String> a = new ArrayList<>(List.of("-cp", classPath, main.getName()));
        a.addAll(List.of(args));
        return new AppProcess(ChildProcess.start("app-" + main.getSimpleName(), Build.javaCommand(flags, a),
                secretEnv(secret)));
    }

    /** As {@link #withAgent(String, String, Class, String...)}, in the working directory {@code dir}. */
    static AppProcess withAgentIn(Path dir, String agentOptions, String secret, Class<?> main, String... args) {
        List<String> flags = new ArrayList<>(Build.LEAK_FLAGS);
        flags.add("-Xmx256m");
        flags.add("-javaagent:" + Build.agentJar() + "=" + agentOptions);
        return new AppProcess(ChildProcess.start("app-" + main.getSimpleName(),
                Build.javaCommand(flags, appArgs(main, args)), secretEnv(secret), dir));
    }

    /** As {@link #plain(String, Class, String...)}, in the working directory {@code dir}. */
    static AppProcess plainIn(Path dir, Class<?> main, String... args) {
        return new AppProcess(ChildProcess.start("plain-" + main.getSimpleName(),
                Build.javaCommand(List.of("-Xmx256m"), appArgs(main, args)), Map.of(), dir));
    }

    /** As {@link #viaRun(List, String, Class, String...)}, in the working directory {@code dir}. */
    static AppProcess viaRunIn(Path dir, List<String> runOptions, String secret, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Build.script().toString(), "run"));
        cmd.addAll(runOptions);
        cmd.add("--");
        cmd.add("-Xmx256m");
        cmd.addAll(appArgs(main, args));
        return new AppProcess(ChildProcess.start("legoj-run-" + main.getSimpleName(), cmd, secretEnv(secret), dir));
    }

    /** The same application without LegoJ: {@code java -Xmx<maxHeap> -cp <test classes> <main> <args>}. */
    static AppProcess plain(String maxHeap, Class<?> main, String... args) {
        return new AppProcess(ChildProcess.start("plain-" + main.getSimpleName(),
                Build.javaCommand(List.of("-Xmx" + maxHeap), appArgs(main, args)), Map.of()));
    }

    /** {@code bin/legoj run <runOptions> -- -cp <test classes> <main> <args>}; {@code secret} may be null. */
    static AppProcess viaRun(List<String> runOptions, String secret, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Build.script().toString(), "run"));
        cmd.addAll(runOptions);
        cmd.add("--");
        cmd.add("-Xmx256m");
        cmd.addAll(appArgs(main, args));
        return new AppProcess(ChildProcess.start("legoj-run-" + main.getSimpleName(), cmd, secretEnv(secret)));
    }

    private static List<String> appArgs(Class<?> main, String... args) {
        List<String> a = new ArrayList<>(List.of("-cp", Build.testClasses().toString(), main.getName()));
        a.addAll(List.of(args));
        return a;
    }

    private static Map<String, String> secretEnv(String secret) {
        Map<String, String> env = new HashMap<>();
        if (secret != null) {
            env.put("LEGOJ_SECRET", secret);
        }
        return env;
    }

    ChildProcess process() {
        return process;
    }

    int awaitExit(Duration bound) {
        return process.awaitExit(bound);
    }

    String awaitStdout(Predicate<String> p, Duration bound, String what) {
        return process.awaitStdout(p, bound, what);
    }

    List<String> stdout() {
        return process.stdout();
    }

    List<String> stderr() {
        return process.stderr();
    }

    String describe() {
        return process.describe();
    }

    @Override
    public void close() {
        process.close();
    }
}
