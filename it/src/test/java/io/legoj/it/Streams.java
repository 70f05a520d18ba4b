package io.legoj.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.regex.Pattern;

/** Checks on what a child process printed. */
final class Streams {
    private Streams() {
    }

    static boolean isStackTraceLine(String line) {
        String l = line.strip();
        return l.startsWith("at ") && l.contains("(") || l.startsWith("Exception in thread") || l.startsWith("Caused by:")
                || l.matches("\\.\\.\\. \\d+ more");
    }

    static void assertNoStackTrace(List<String> lines, String context) {
        for (String l : lines) {
            if (isStackTraceLine(l)) {
                fail("stack trace line '" + l + "'" + context);
            }
        }
    }

    /**
     * The JVM's own warning when an agent appends to the bootstrap class path with class data sharing
     * on, as the LegoJ agent does; {@code bin/legoj run} avoids it with {@code -Xshare:off}, a plain
     * {@code java -javaagent:} start shows it.
     */
    static final Pattern CDS_WARNING = Pattern.compile(".* VM warning: Sharing is only supported for boot loader "
            + "classes because bootstrap classpath has been appended");

    /** The lines that are neither blank nor the JVM's {@link #CDS_WARNING}. */
    static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !CDS_WARNING.matcher(l).matches()).toList();
    }
}
