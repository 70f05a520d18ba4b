package io.legoj.it;

import io.legoj.protocol.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A storage node in a child JVM, started as users start it, on a free port of the loopback interface. */
final class StoragenodeProcess implements AutoCloseable {
    static final String LISTENING = "legoj storagenode listening on ";
    private static final Duration START_BOUND = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final HostPort address;
    private final Path dir;

    private StoragenodeProcess(ChildProcess process, Path dir) {
        this.process = process;
        this.dir = dir;
        try {
            String line = process.awaitStdout(l -> l.startsWith(LISTENING), START_BOUND, "'" + LISTENING + "HOST:PORT'");
            this.address = HostPort.parse(line.substring(LISTENING.length()).trim());
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /** {@code java <chronicle flags> -jar cli/target/legoj-cli.jar storagenode --port 0 --dir DIR}. */
    static StoragenodeProcess start(String secret, Path dir) {
        List<String> flags = new ArrayList<>(Build.CHRONICLE_FLAGS);
        flags.addAll(Build.LEAK_FLAGS);
        flags.add("-Xmx256m");
        List<String> args = List.of("-jar", Build.cliJar().toString(), "storagenode", "--port", "0", "--dir", dir.toString());
        return new StoragenodeProcess(ChildProcess.start("storagenode", Build.javaCommand(flags, args),
                Map.of("LEGOJ_SECRET", secret)), dir);
    }

    HostPort address() {
        return address;
    }

    /** The data directory: {@code data/<appId>/<path without its leading />} holds the application's files. */
    Path dir() {
        return dir;
    }

    /** Where the node keeps the file that application {@code appId} knows as {@code appPath}. */
    Path fileOf(String appId, Path appPath) {
        return dir.resolve("data").resolve(appId).resolve(appPath.toAbsolutePath().toString().substring(1));
    }

    ChildProcess process() {
        return process;
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
