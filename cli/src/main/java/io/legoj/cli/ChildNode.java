package io.legoj.cli;

import io.legoj.protocol.HostPort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One node child JVM. Its stderr (and any stdout after the first line) goes to {@code messages}
 * prefixed with its name; its first stdout line {@code legoj memnode listening on HOST:PORT} (or
 * the storagenode's) gives its address.
 */
final class ChildNode {
    static final String LISTENING = "legoj memnode listening on ";

    private final String name;
    private final String listening;
    private final Process process;
    private final PrintWriter messages;
    private final CompletableFuture<HostPort> address = new CompletableFuture<>();
    private final List<Thread> pumps;
    private volatile boolean stopping;

    private ChildNode(String name, String listening, Process process, PrintWriter messages) {
        this.name = name;
        this.listening = listening;
        this.process = process;
        this.messages = messages;
        this.pumps = List.of(pump(process.getInputStream(), this::stdoutLine, this::stdoutEnded),
                pump(process.getErrorStream(), this::forward, () -> { }));
        process.onExit().thenRun(this::exited);
    }

    static ChildNode start(String name, List<String> command, Map<String, String> env, PrintWriter messages) {
        return start(name, LISTENING, command, env, messages);
    }

    /** A node whose address line starts with {@code listening}. */
    static ChildNode start(String name, String listening, List<String> command, Map<String, String> env,
                           PrintWriter messages) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(env);
        try {
            return new ChildNode(name, listening, pb.start(), messages);
        } catch (IOException e) {
            throw new CliException(CliException.FAILURE, "cannot start " + name + ": " + e.getMessage());
        }
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    CompletableFuture<HostPort> address() {
        return address;
    }

    /** Marks the node as being stopped on purpose, so its exit is not reported as a failure. */
    void stopping() {
        stopping = true;
    }

    void awaitOutput(long millis) {
        for (Thread t : pumps) {
            try {
                t.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Thread pump(InputStream in, Consumer<String> onLine, Runnable onEnd) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException | UncheckedIOException e) {
                forward("output lost: " + e.getMessage());
            }
            onEnd.run();
        }, "legoj-" + name + "-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void stdoutLine(String line) {
        if (!address.isDone() && line.startsWith(listening)) {
            try {
                address.complete(HostPort.parse(line.substring(listening.length()).trim()));
            } catch (IllegalArgumentException e) {
                address.completeExceptionally(new CliException(CliException.FAILURE,
                        name + " printed a bad address: " + line));
            }
        } else {
            forward(line);
        }
    }

    private void stdoutEnded() {
        if (!address.isDone()) {
            address.completeExceptionally(new CliException(CliException.FAILURE,
                    name + " " + exitDescription() + " before it was listening (its messages are above)"));
        }
    }

    private String exitDescription() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "exited with code " + process.exitValue()
                    : "closed its output";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "stopped answering";
        }
    }

    private void exited() {
        if (!stopping && address.isDone() && !address.isCompletedExceptionally()) {
            messages.println("[legoj] " + name + " (" + address.join() + ") exited with code " + process.exitValue());
            messages.flush();
        }
    }

    private void forward(String line) {
        messages.println("[legoj] " + name + ": " + line);
        messages.flush();
    }
}
