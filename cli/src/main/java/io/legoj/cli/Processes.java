package io.legoj.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping child processes, politely first, and doing it when this JVM is stopped. */
final class Processes {
    private static final Duration FORCED_WAIT = Duration.ofSeconds(5);

    private Processes() {
    }

    /**
     * Asks every process to stop (SIGTERM), waits up to {@code grace} in all, then kills what is left.
     * Signals go through {@link ProcessHandle}, which leaves the pipes open (unlike {@link Process#destroy()}),
     * so the last words of a stopping child still reach its output pumps.
     */
    static void stop(List<Process> processes, Duration grace) {
        processes.forEach(p -> p.toHandle().destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        for (Process p : processes) {
            if (!waitFor(p, deadline - System.nanoTime())) {
                p.toHandle().destroyForcibly();
                waitFor(p, FORCED_WAIT.toNanos());
            }
        }
    }

    private static boolean waitFor(Process p, long nanos) {
        try {
            return p.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** Runs {@code action} if this JVM is stopped (SIGTERM, SIGINT) before {@link #cancel} is called. */
    static Thread onShutdown(String name, Runnable action) {
        Thread hook = new Thread(action, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void cancel(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already: it stops the children itself
        }
    }
}
