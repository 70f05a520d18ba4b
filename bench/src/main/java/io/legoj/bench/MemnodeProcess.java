package io.legoj.bench;

import io.legoj.protocol.HostPort;
import io.legoj.protocol.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A memnode child JVM, as {@code bin/legoj memnode --port 0} starts it: the CLI jar under
 * {@code -Dlegoj.home} when it is built, else {@link MemnodeMain} on this JVM's class path. Its
 * first stdout line {@code legoj memnode listening on HOST:PORT} gives the address; its other
 * output goes to our stderr, prefixed.
 */
final class MemnodeProcess implements Memnode {
    static final String LISTENING = "legoj memnode listening on ";
    static final String CLI_MAIN = "io.legoj.cli.Legoj";
    private static final long START_TIMEOUT_S = 60;
    /** The flags bin/legoj gives every JVM (see DEPENDENCIES.md). */
    static final List<String> JVM_FLAGS = List.of(
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true",
            "-Dchronicle.announcer.disable=true");

    final Process process;
    private final HostPort address;
    private final String secret;
    private final String how;
    private final Thread killer;

    private MemnodeProcess(Process process, HostPort address, String secret, String how, Thread killer) {
        this.process = process;
        this.address = address;
        this.secret = secret;
        this.how = how;
        this.killer = killer;
    }

    static MemnodeProcess start(long capacity, String secret, PrintStream log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        String how = launch(cmd, capacity);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put(Protocol.SECRET_ENV, secret);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a memnode child JVM: " + e.getMessage(), e);
        }
        Thread killer = new Thread(p::destroyForcibly, "bench-memnode-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        CompletableFuture<HostPort> listening = new CompletableFuture<>();
        pump(p.getErrorStream(), line -> log.println("[memnode] " + line), () -> { });
        pump(p.getInputStream(), line -> stdoutLine(line, listening, log),
                () -> listening.completeExceptionally(new IllegalStateException("the memnode child ended its output")));
        try {
            HostPort hp = listening.get(START_TIMEOUT_S, TimeUnit.SECONDS);
            return new MemnodeProcess(p, hp, secret, how, killer);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(killer);
            throw new IllegalStateException("the memnode child did not start listening within " + START_TIMEOUT_S
                    + " s (" + String.join(" ", cmd) + "): " + (e.getCause() == null ? e : e.getCause()).toString());
        }
    }

    /** Appends the class path and main class of the child to {@code cmd}; returns how it is launched. */
    private static String launch(List<String> cmd, long capacity) {
        String home = System.getProperty("legoj.home", "");
        Path cli = home.isEmpty() ? null : Path.of(home, "cli", "target", "legoj-cli.jar");
        if (cli != null && Files.isRegularFile(cli)) {
            cmd.addAll(List.of("-Dlegoj.home=" + home, "-cp", cli.toString(), CLI_MAIN, "memnode", "--port", "0",
                    "--capacity", Long.toString(capacity)));
            return "legoj-cli.jar " + CLI_MAIN + " memnode";
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MemnodeMain.class.getName(),
                Long.toString(capacity)));
        return MemnodeMain.class.getName() + " (no cli/target/legoj-cli.jar under legoj.home '" + home + "')";
    }

    private static void stdoutLine(String line, CompletableFuture<HostPort> listening, PrintStream log) {
        if (!listening.isDone() && line.startsWith(LISTENING)) {
            try {
                listening.complete(HostPort.parse(line.substring(LISTENING.length()).trim()));
            } catch (IllegalArgumentException e) {
                listening.completeExceptionally(new IllegalStateException("bad listening line: " + line));
            }
        } else {
            log.println("[memnode] " + line);
        }
    }

    private static void pump(InputStream in, Consumer<String> onLine, Runnable onEnd) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                onLine.accept("output lost: " + e.getMessage());
            }
            onEnd.run();
        }, "bench-memnode-output");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public HostPort address() {
        return address;
    }

    @Override
    public String secret() {
        return secret;
    }

    @Override
    public String describe() {
        return "memnode child JVM pid " + process.pid() + " (" + how + ") at " + address;
    }

    /** SIGTERM, so the node closes itself; killed if it has not exited within 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs anyway
        }
    }
}
