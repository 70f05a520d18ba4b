package io.legoj.cli;

import java.io.IOException;
import java.util.List;

/** Runs a child with the context's standard streams until it exits; stops it if this JVM is stopped first. */
final class Foreground {
    private Foreground() {
    }

    /** Returns the child's exit code. */
    static int run(ProcessBuilder pb, Context context) {
        Context.AppIo io = context.appIo();
        pb.redirectInput(io.in()).redirectOutput(io.out()).redirectError(io.err());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CliException(CliException.FAILURE, "cannot start " + pb.command().get(0) + ": " + e.getMessage());
        }
        Thread hook = Processes.onShutdown("legoj-stop-child", () -> Processes.stop(List.of(p), context.stopTimeout()));
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.stop(List.of(p), context.stopTimeout());
            throw new CliException(CliException.FAILURE, "interrupted while waiting for " + pb.command().get(0));
        } finally {
            Processes.cancel(hook);
        }
    }
}
