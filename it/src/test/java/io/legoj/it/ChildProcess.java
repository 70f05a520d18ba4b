package io.legoj.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM of a test, with stdout and stderr captured line by line. Closing it kills it and its
 * own children if they still run, and copies its output into the test's log (every line with a Netty
 * {@code LEAK:} report in full, so the leak check of the test logs covers the children too).
 */
final class ChildProcess implements AutoCloseable {
    private static final int LOGGED_LINES = 200;
    private static final Duration KILL_WAIT = Duration.ofSeconds(20);

    private final String name;
    private final List<String> command;
    private final Process process;
    private final CapturedStream out;
    private final CapturedStream err;
    private boolean logged;

    private ChildProcess(String name, List<String> command, Process process) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.out = new CapturedStream(name + "-stdout", process.getInputStream());
        this.err = new CapturedStream(name + "-stderr", process.getErrorStream());
    }

    /**
     * Starts {@code command} with this JVM's environment minus {@code LEGOJ_SECRET}, plus {@code env};
     * stdin is empty.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> env) {
        return start(name, command, env, null);
    }

    /** As {@link #start(String, List, Map)}, in the working directory {@code dir} (null: this JVM's). */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().remove("LEGOJ_SECRET");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            return new ChildProcess(name, command, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> stdout() {
        return out.lines();
    }

    List<String> stderr() {
        return err.lines();
    }

    /** The first stdout line matching {@code p}; fails (with the output) if none comes within {@code bound}. */
    String awaitStdout(Predicate<String> p, Duration bound, String what) {
        try {
            return out.await(p, bound).orElseThrow(() -> new AssertionError(name + ": no " + what + " on stdout within "
                    + bound.toSeconds() + " s" + (out.ended() ? " (stdout ended)" : "") + describe()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits for the exit and the end of both streams; fails (with the output) if the process still
     * runs after {@code bound}. Returns the exit code.
     */
    int awaitExit(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs after " + bound.toSeconds() + " s" + describe());
            }
            out.awaitEnd(KILL_WAIT);
            err.awaitEnd(KILL_WAIT);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Lines of Netty leak reports ({@code LEAK:}) printed so far. */
    List<String> leakReports() {
        return stderr().stream().filter(l -> l.contains("LEAK:")).toList();
    }

    /**
     * Asks the JVM to collect garbage now ({@code jcmd PID GC.run}), so that buffers it leaked are
     * reported by Netty's leak detector at its next allocations. Does nothing without jcmd.
     */
    void requestGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd) || !isAlive()) {
            return;
        }
        try (ChildProcess gc = start("jcmd-gc", List.of(jcmd.toString(), Long.toString(pid()), "GC.run"), Map.of())) {
            gc.awaitExit(Duration.ofSeconds(60));
        }
    }

    /** SIGKILL to the process (after its own children, which would otherwise be orphaned); waits until it is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " (pid " + pid() + ") survived SIGKILL for " + KILL_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
    void stop(Duration grace) {
        process.toHandle().destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    /** The command and what the process printed so far, for failure messages. */
    String describe() {
        StringBuilder b = new StringBuilder("\n--- ").append(name).append(": ").append(String.join(" ", command));
        b.append("\n--- stdout:\n");
        stdout().forEach(l -> b.append(l).append('\n'));
        b.append("--- stderr:\n");
        stderr().forEach(l -> b.append(l).append('\n'));
        return b.append("---").toString();
    }

    @Override
    public void close() {
        if (process.isAlive() || process.descendants().findAny().isPresent()) {
            kill();
        }
        out.awaitEnd(Duration.ofSeconds(5));
        err.awaitEnd(Duration.ofSeconds(5));
        log();
    }

    private synchronized void log() {
        if (logged) {
            return;
        }
        logged = true;
        System.out.println("=== " + name + " (pid " + pid() + ", exit " + process.exitValue() + "): " + String.join(" ", command));
        logLines("stdout", stdout());
        logLines("stderr", stderr());
    }

    private void logLines(String stream, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i < LOGGED_LINES || line.contains("LEAK")) {
                System.out.println("[" + name + " " + stream + "] " + line);
            }
        }
        if (lines.size() > LOGGED_LINES) {
            System.out.println("[" + name + " " + stream + "] ... " + (lines.size() - LOGGED_LINES) + " more lines");
        }
    }
}
