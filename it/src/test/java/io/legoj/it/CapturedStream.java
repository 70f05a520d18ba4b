package io.legoj.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The lines of one output stream of a child process, read by a daemon thread until the stream ends. */
final class CapturedStream {
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;
    private boolean ended;

    CapturedStream(String name, InputStream in) {
        pump = new Thread(() -> pump(in), name);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                lines.add("<output lost: " + e + ">");
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized boolean ended() {
        return ended;
    }

    /** The first line matching {@code p}, waiting up to {@code bound}; empty if the stream ended or time ran out first. */
    synchronized Optional<String> await(Predicate<String> p, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (int seen = 0;;) {
            for (; seen < lines.size(); seen++) {
                if (p.test(lines.get(seen))) {
                    return Optional.of(lines.get(seen));
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits up to {@code bound} for the end of the stream (the process closed it, usually by exiting). */
    boolean awaitEnd(Duration bound) {
        try {
            pump.join(Math.max(1, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ended();
    }
}
