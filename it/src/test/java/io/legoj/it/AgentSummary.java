package io.legoj.it;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Figures of the {@code [legoj] summary:} line an agent-attached JVM prints on its stderr at exit. */
final class AgentSummary {
    private static final Pattern SUMMARY = Pattern.compile("\\[legoj] summary: .*");

    private AgentSummary() {
    }

    /** The value of {@code key=} in the summary; fails the test, with {@code context}, when there is none. */
    static long value(List<String> stderr, String key, String context) {
        Pattern value = Pattern.compile("\\b" + key + "=(\\d+)\\b");
        for (String line : stderr) {
            if (SUMMARY.matcher(line).matches()) {
                Matcher m = value.matcher(line);
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
        }
        throw new AssertionError("no " + key + "= in the agent's summary" + context);
    }
}
