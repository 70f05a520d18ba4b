package io.legoj.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code redis-server} in a child process on a free loopback port, configured as the
 * kvstore example runs: an append-only file written after each batch without fsync
 * ({@code appendfsync no}), no snapshots.
 */
final class RedisServerProcess extends ChildServer {
    private static final long START_TIMEOUT_S = 30;

    private RedisServerProcess(ProcessBuilder pb, PrintStream log) throws IOException {
        super("redis-server", pb, log, line -> { });
    }

    static RedisServerProcess start(Path program, Path dir, PrintStream log) throws IOException {
        int port = freePort();
        RedisServerProcess r = new RedisServerProcess(new ProcessBuilder(List.of(program.toString(), "--port",
                Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync",
                "no", "--dir", dir.toString(), "--daemonize", "no")), log);
        try {
            r.listeningOn(port);
            r.awaitPong();
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        IOException last = null;
        while (System.nanoTime() < deadline && isAlive()) {
            try (RespClient c = RespClient.connect(port())) {
                RespClient.Reply pong = c.call("PING");
                if ("PONG".equals(pong.text())) {
                    return;
                }
                throw failure("answered " + pong + " to PING", null);
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while starting", e);
            }
        }
        throw failure("did not answer PING within " + START_TIMEOUT_S + " s", last);
    }

    /**
     * A port free now: redis-server binds it a moment later (taken meanwhile, the start fails with
     * redis-server's own message rather than measuring another server).
     */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
