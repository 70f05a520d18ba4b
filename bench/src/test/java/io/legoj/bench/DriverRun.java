package io.legoj.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@link BenchMain} in this JVM and keeps what it printed. */
record DriverRun(int exitCode, List<String> out, String err) {
    static DriverRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = BenchMain.run(args, o, e);
        }
        return new DriverRun(code, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    String lastLine() {
        return out.isEmpty() ? "" : out.get(out.size() - 1);
    }

    boolean hasLineMatching(String regex) {
        return out.stream().anyMatch(l -> l.matches(regex));
    }

    /** For assertion messages. */
    String all() {
        return "exit " + exitCode + "\nstdout:\n" + String.join("\n", out) + "\nstderr:\n" + err;
    }
}
