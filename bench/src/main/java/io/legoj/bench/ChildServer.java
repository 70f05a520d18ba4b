package io.legoj.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A server in a child process that the report measures: its output goes to our stderr with a
 * prefix, the last lines are kept for failure messages, and {@link #close} stops it with SIGTERM
 * (so that shutdown hooks run) and kills it if it does not exit in time; a shutdown hook kills it
 * if this JVM exits first.
 */
abstract class ChildServer implements AutoCloseable {
    private static final int KEPT_LINES = 40;
    private static final long STOP_TIMEOUT_S = 60;

    private final String name;
    private final Process process;
    private final Thread killer;
    private final Deque<String> recent = new ArrayDeque<>();
    private final List<Thread> pumps;
    private int port;
    private boolean closed;

    /** Starts {@code cmd}; {@code onLine} sees every line of stdout and stderr (from two threads). */
    ChildServer(String name, ProcessBuilder cmd, PrintStream log, Consumer<String> onLine) throws IOException {
        this.name = name;
        this.process = cmd.start();
        this.killer = new Thread(process::destroyForcibly, "bench-" + name + "-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        Consumer<String> each = line -> {
            keep(line);
            log.println("[" + name + "] " + line);
            onLine.accept(line);
        };
        this.pumps = List.of(pump(process.getInputStream(), each), pump(process.getErrorStream(), each));
    }

    final void listeningOn(int port) {
        this.port = port;
    }

    final int port() {
        return port;
    }

    final long pid() {
        return process.pid();
    }

    final boolean isAlive() {
        return process.isAlive();
    }

    String describe() {
        return name + " (pid " + process.pid() + (port > 0 ? ", port " + port : "") + ")";
    }

    /** The resident set size of the process now, from {@code /proc/<pid>/status}. */
    final long rssBytes() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                String[] w = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(w[0]) * 1024;
            }
        }
        throw new IOException(status + " has no VmRSS line");
    }

    /** A failure of this server, with its last lines of output. */
    final IllegalStateException failure(String what, Throwable cause) {
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        return new IllegalStateException(describe() + ": " + what + " (" + state + "); its last output:\n  "
                + String.join("\n  ", recentLines()), cause);
    }

    final synchronized List<String> recentLines() {
        return List.copyOf(recent);
    }

    private synchronized void keep(String line) {
        if (recent.size() == KEPT_LINES) {
            recent.removeFirst();
        }
        recent.addLast(line);
    }

    /** SIGTERM, then the output to its end; killed if it has not exited within a minute. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // the handle's SIGTERM leaves the pipes open (Process.destroy closes them): what the exit hooks print is read
        process.toHandle().destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS)) {
                keep("(no exit " + STOP_TIMEOUT_S + " s after SIGTERM: killed)");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (Thread t : pumps) {
                t.join(5000);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // this JVM is shutting down: the hook runs anyway
        }
    }

    private Thread pump(InputStream in, Consumer<String> onLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                keep("(output lost: " + e.getMessage() + ")");
            }
        }, "bench-" + name + "-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
