package io.legoj.agent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes are application code, and so rewritten: not the JDK, not LegoJ, not excluded. A
 * pattern is a dotted class name where {@code *} matches within a package segment and {@code **}
 * across segments; {@code include=} wins over the defaults, {@code exclude=} over everything.
 */
public final class ClassSelection {
    private static final List<String> SYSTEM_PREFIXES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "io/legoj/", "org/ietf/", "org/w3c/", "org/xml/", "netscape/");

    /** LegoJ's example programs are plain applications, whatever their package says. */
    private static final String EXAMPLES = "io/legoj/examples/";

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public ClassSelection(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(ClassSelection::compile).toList();
        this.excludes = excludes.stream().map(ClassSelection::compile).toList();
    }

    public static ClassSelection defaults() {
        return new ClassSelection(List.of(), List.of());
    }

    /** True when {@code internalName} names an application class. */
    public boolean isApplication(String internalName) {
        String dotted = internalName.replace('/', '.');
        for (Pattern p : excludes) {
            if (p.matcher(dotted).matches()) {
                return false;
            }
        }
        for (Pattern p : includes) {
            if (p.matcher(dotted).matches()) {
                return true;
            }
        }
        if (internalName.startsWith(EXAMPLES)) {
            return true;
        }
        for (String prefix : SYSTEM_PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return !internalName.contains("$$Lambda");
    }

    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^.]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
