package io.legoj.bench;

import io.legoj.protocol.Sizes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options of a driver: {@code --name value} or {@code --name=value}; each name must be one the driver knows. */
final class Args {
    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code args}; an option outside {@code known} or without a value is a {@link UsageException}. */
    static Args parse(List<String> args, List<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "' (options: " + String.join(" ", known) + ")");
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
            if (!known.contains("--" + name)) {
                throw new UsageException("unknown option --" + name + " (options: " + String.join(" ", known) + ")");
            }
            if (eq >= 0) {
                values.put(name, a.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                values.put(name, args.get(++i));
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
        }
        return new Args(values);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A positive whole number. */
    int positive(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a positive whole number, got '" + v + "'");
    }

    /** A whole number of zero or more. */
    int atLeastZero(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a whole number >= 0, got '" + v + "'");
    }

    /** Seconds, fractions allowed, above zero. */
    double seconds(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d > 0 && d < 3600) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be seconds in (0, 3600), got '" + v + "'");
    }

    /** A byte size such as {@code 4096}, {@code 64k}, {@code 16m}. */
    long size(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Sizes.parse(v);
            if (n > 0) {
                return n;
            }
            throw new UsageException("--" + name + " must be positive, got '" + v + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }
}
