package io.legoj.protocol;

import java.util.Locale;

/** Byte sizes as people write them: {@code 4096}, {@code 64k}, {@code 256m}, {@code 2g} (powers of 1024). */
public final class Sizes {
    private Sizes() {
    }

    public static long parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ib") || t.endsWith("b") && t.length() > 1 && Character.isLetter(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - (t.endsWith("ib") ? 2 : 1));
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n < 0 || n > Long.MAX_VALUE / unit) {
                throw new IllegalArgumentException("size '" + s + "' is out of range");
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a size (examples: 4096, 64k, 256m, 2g)");
        }
    }

    public static String format(long bytes) {
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "g";
        }
        if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "m";
        }
        if (bytes >= (1L << 10) && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "k";
        }
        return Long.toString(bytes);
    }
}
