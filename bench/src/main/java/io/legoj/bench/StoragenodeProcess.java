package io.legoj.bench;

import io.legoj.protocol.HostPort;
import io.legoj.protocol.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A storagenode child JVM, as {@code bin/legoj storagenode --port 0 --dir DIR} starts it from the
 * CLI jar under {@code -Dlegoj.home}; its first stdout line gives the address, its other output goes
 * to our stderr, prefixed.
 */
final class StoragenodeProcess implements AutoCloseable {
    static final String LISTENING = "legoj storagenode listening on ";
    private static final long START_TIMEOUT_S = 60;

    private final Process process;
    private final HostPort address;
    private final Thread killer;

    private StoragenodeProcess(Process process, HostPort address, Thread killer) {
        this.process = process;
        this.address = address;
        this.killer = killer;
    }

    static StoragenodeProcess start(Path dir, String secret, PrintStream log) throws IOException {
        Path cli = Path.of(System.getProperty("legoj.home", "."), "cli", "target", "legoj-cli.jar");
        if (!Files.isRegularFile(cli)) {
            throw new UsageException(cli + " is missing: build it with mvn -q -DskipTests install");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(MemnodeProcess.JVM_FLAGS);
        cmd.addAll(List.of("-Dlegoj.storagenode.embedded=true", "-cp", cli.toString(), MemnodeProcess.CLI_MAIN,
                "storagenode", "--port", "0", "--dir", dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(Protocol.SECRET_ENV, secret);
        Process p = pb.start();
        Thread killer = new Thread(p::destroyForcibly, "bench-storagenode-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith(LISTENING)) {
            p.destroyForcibly();
            throw new IllegalStateException("the storagenode child printed '" + line + "' instead of '" + LISTENING
                    + "HOST:PORT' (" + String.join(" ", cmd) + ")");
        }
        Thread pump = new Thread(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    log.println("[storagenode] " + l);
                }
            } catch (IOException e) {
                log.println("[storagenode] output lost: " + e.getMessage());
            }
        }, "bench-storagenode-output");
        pump.setDaemon(true);
        pump.start();
        return new StoragenodeProcess(p, HostPort.parse(line.substring(LISTENING.length()).trim()), killer);
    }

    HostPort address() {
        return address;
    }

    String describe() {
        return "storagenode child JVM pid " + process.pid() + " at " + address;
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
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Runtime.getRuntime().removeShutdownHook(killer);
    }
}
