package io.legoj.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's {@code redis-benchmark} against a port: requests per second of each test it ran. */
final class RedisBenchmark {
    private static final Pattern RESULT = Pattern.compile("^([A-Z_]+): ([\\d.]+) requests per second.*");
    private static final long TIMEOUT_S = 300;

    private final Path program;
    private final List<String> args;

    RedisBenchmark(Path program, List<String> args) {
        this.program = program;
        this.args = List.copyOf(args);
    }

    String command() {
        return "redis-benchmark " + String.join(" ", args);
    }

    /** Runs it against {@code port}; a run that fails or reports no result is an exception with its output. */
    Map<String, Double> run(int port) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(program.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port)));
        cmd.addAll(args);
        // output to a file: it spins without end on some failures, so only the process gets a deadline
        Path output = Files.createTempFile("legoj-redis-benchmark", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean ended = p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (!ended) {
                throw new IllegalStateException(command() + " against port " + port + " did not end within " + TIMEOUT_S
                        + " s; it printed:\n" + text.strip());
            }
            Map<String, Double> rps = parse(text);
            if (p.exitValue() != 0 || rps.isEmpty()) {
                throw new IllegalStateException(command() + " against port " + port + " exited with " + p.exitValue()
                        + " and printed:\n" + text.strip());
            }
            return rps;
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    /**
     * The {@code TEST: N requests per second} lines of {@code -q} output, by test; the progress
     * lines it rewrites with carriage returns are skipped.
     */
    static Map<String, Double> parse(String output) {
        Map<String, Double> rps = new LinkedHashMap<>();
        for (String line : output.split("[\r\n]+")) {
            Matcher m = RESULT.matcher(line.trim());
            if (m.matches()) {
                rps.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return rps;
    }
}
