package io.legoj.examples.kvstore;

/** Integers as Redis reads and writes them: decimal, no sign '+', no leading zeros, no spaces. */
final class Numbers {
    private Numbers() {
    }

    /** The value, or {@code ERR value is not an integer or out of range}. */
    static long parseLong(byte[] b) {
        if (b.length == 0 || b.length > 20) {
            throw new KvError(KvError.NOT_INTEGER);
        }
        boolean negative = b[0] == '-';
        int start = negative ? 1 : 0;
        if (start == b.length || (b[start] == '0' && (b.length > start + 1 || negative))) {
            throw new KvError(KvError.NOT_INTEGER);
        }
        long v = 0;
        for (int i = start; i < b.length; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new KvError(KvError.NOT_INTEGER);
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw new KvError(KvError.NOT_INTEGER);
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                throw new KvError(KvError.NOT_INTEGER);
            }
            v = -v;
        }
        return v;
    }

    static byte[] bytes(long v) {
        return Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
