package io.legoj.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Debian's {@code redis-tools} ({@code redis-cli}, {@code redis-benchmark}), which {@code .ci/run}
 * installs: a missing tool is a failure that says how to install it, never a skipped test.
 */
final class RedisTools {
    private static final Pattern PROGRESS = Pattern.compile("[A-Z]+: rps=.*");

    private RedisTools() {
    }

    /** What a tool printed, stdout and stderr apart, and its exit code. */
    record Result(int exit, List<String> stdout, List<String> stderr) {
        String describe() {
            return "\n--- exit " + exit + "\n--- stdout:\n" + String.join("\n", stdout) + "\n--- stderr:\n"
                    + String.join("\n", stderr) + "\n---";
        }
    }

    /** The tool's path on {@code PATH}; fails with the install command when it is missing. */
    static Path require(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(tool + " is not installed: this test needs Debian's redis-tools, which .ci/run installs "
                + "(apt-get update && apt-get install -y redis-tools)");
    }

    /** {@code redis-cli -p PORT <args>}, its commands one per line on stdin (output without a terminal: raw replies). */
    static Result cli(Path work, int port, List<String> commands, String... args) {
        try {
            Path script = Files.createTempFile(work, "redis-cli", ".txt");
            Files.write(script, commands, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(require("redis-cli").toString(), "-p",
                    Integer.toString(port)));
            cmd.addAll(List.of(args));
            Result r = run(new ProcessBuilder(cmd).redirectInput(script.toFile()), work, Duration.ofSeconds(60));
            return new Result(r.exit(), r.stdout().get(0).lines().toList(), r.stderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code redis-benchmark -p PORT <args>}, without its progress lines ({@code SET: rps=...}) and blank lines. */
    static Result benchmark(Path work, int port, Duration bound, String... args) {
        List<String> cmd = new ArrayList<>(List.of(require("redis-benchmark").toString(), "-p",
                Integer.toString(port)));
        cmd.addAll(List.of(args));
        Result r = run(new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))), work,
                bound);
        List<String> lines = r.stdout().get(0).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !PROGRESS.matcher(l).matches()).toList();
        return new Result(r.exit(), lines, r.stderr());
    }

    private static Result run(ProcessBuilder pb, Path work, Duration bound) {
        try {
            Path out = Files.createTempFile(work, "tool", ".out");
            Path err = Files.createTempFile(work, "tool", ".err");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(pb.command() + " still runs after " + bound.toSeconds() + " s; stdout:\n"
                        + Files.readString(out));
            }
            return new Result(p.exitValue(), List.of(Files.readString(out, StandardCharsets.UTF_8)),
                    Files.readString(err, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
