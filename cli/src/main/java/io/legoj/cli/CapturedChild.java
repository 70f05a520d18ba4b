package io.legoj.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM whose stdout and stderr lines are kept, for commands that report on what a child
 * printed ({@code demo}). Stopped with {@link Processes#stop} when closed, also when this JVM is.
 */
final class CapturedChild implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final List<Thread> pumps;
    private final Thread hook;
    private final Duration stopTimeout;

    private CapturedChild(String name, Process process, Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.stopTimeout = stopTimeout;
        this.pumps = List.of(pump(process.getInputStream(), stdout), pump(process.getErrorStream(), stderr));
        this.hook = Processes.onShutdown("legoj-stop-" + name, () -> Processes.stop(List.of(process), stopTimeout));
    }

    static CapturedChild start(String name, List<String> command, Map<String, String> env, Duration stopTimeout) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(env);
        try {
            return new CapturedChild(name, pb.start(), stopTimeout);
        } catch (IOException e) {
            throw new CliException(CliException.FAILURE, "cannot start " + name + ": " + e.getMessage());
        }
    }

    /** The first stdout line starting with {@code prefix}; a failure if the child exits or is silent first. */
    String awaitStdout(String prefix, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (stdout) {
            while (true) {
                Optional<String> line = stdout.stream().filter(l -> l.startsWith(prefix)).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
                long left = deadline - System.nanoTime();
                if (!process.isAlive() && !pumps.get(0).isAlive()) {
                    throw failure("exited with code " + process.exitValue() + " before printing '" + prefix.trim() + "'");
                }
                if (left <= 0) {
                    throw failure("printed no '" + prefix.trim() + "' line within " + bound.toMillis() + " ms");
                }
                waitOn(stdout, Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
            }
        }
    }

    /** Waits for the child to exit by itself and returns its exit code. */
    int awaitExit(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure("did not finish within " + bound.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILURE, "interrupted while waiting for " + name);
        }
        joinPumps();
        return process.exitValue();
    }

    /** Asks the child to stop (SIGTERM, then SIGKILL after the stop time-out) and waits for its output. */
    void stop() {
        Processes.stop(List.of(process), stopTimeout);
        joinPumps();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /** A failure naming the child and, if any, its last stderr line. */
    CliException failure(String what) {
        List<String> err = stderr();
        String last = err.isEmpty() ? "" : " (last message: " + err.get(err.size() - 1).strip() + ")";
        return new CliException(CliException.FAILURE, name + " " + what + last);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        Processes.cancel(hook);
    }

    private void joinPumps() {
        for (Thread t : pumps) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Thread pump(InputStream in, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                synchronized (lines) {
                    lines.add("[legoj] output of " + name + " lost: " + e.getMessage());
                }
            }
            synchronized (lines) {
                lines.notifyAll();
            }
        }, "legoj-" + name + "-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void waitOn(Object lock, long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILURE, "interrupted");
        }
    }
}
