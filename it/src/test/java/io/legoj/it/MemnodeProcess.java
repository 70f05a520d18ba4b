package io.legoj.it;

import io.legoj.protocol.HostPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A memory node in a child JVM, started as users start it, on a free port of the loopback interface. */
final class MemnodeProcess implements AutoCloseable {
    static final String LISTENING = "legoj memnode listening on ";
    /** Start-up of a JVM on a loaded two-core machine can take a while; this only bounds a hang. */
    private static final Duration START_BOUND = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final HostPort address;

    private MemnodeProcess(ChildProcess process) {
        this.process = process;
        try {
            String line = process.awaitStdout(l -> l.startsWith(LISTENING), START_BOUND, "'" + LISTENING + "HOST:PORT'");
            this.address = HostPort.parse(line.substring(LISTENING.length()).trim());
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /** {@code java <chronicle flags> -jar cli/target/legoj-cli.jar memnode --port 0 --capacity C [extra]}. */
    static MemnodeProcess start(String secret, String capacity, String... extraArgs) {
        return startOn(0, secret, capacity, extraArgs);
    }

    /** As {@link #start}, on a given port (0 for any): a restarted node comes back at its address. */
    static MemnodeProcess startOn(int port, String secret, String capacity, String... extraArgs) {
        List<String> flags = new ArrayList<>(Build.CHRONICLE_FLAGS);
        flags.addAll(Build.LEAK_FLAGS);
        flags.add("-Xmx256m");
        List<String> args = new ArrayList<>(List.of("-jar", Build.cliJar().toString(), "memnode", "--port",
                Integer.toString(port), "--capacity", capacity));
        args.addAll(List.of(extraArgs));
        return new MemnodeProcess(ChildProcess.start("memnode", Build.javaCommand(flags, args),
                Map.of("LEGOJ_SECRET", secret)));
    }

    /** {@code bin/legoj memnode --port 0 --capacity C}, with paranoid leak detection through JAVA_TOOL_OPTIONS. */
    static MemnodeProcess startWithScript(String secret, String capacity) {
        List<String> cmd = List.of(Build.script().toString(), "memnode", "--port", "0", "--capacity", capacity);
        return new MemnodeProcess(ChildProcess.start("bin-legoj-memnode", cmd, Map.of("LEGOJ_SECRET", secret,
                "JAVA_TOOL_OPTIONS", String.join(" ", Build.LEAK_FLAGS))));
    }

    HostPort address() {
        return address;
    }

    int port() {
        return address.port();
    }

    ChildProcess process() {
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: the node vanishes without closing anything. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.stop(Duration.ofSeconds(10));
        }
        process.close();
    }
}
