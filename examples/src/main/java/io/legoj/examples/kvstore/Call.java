package io.legoj.examples.kvstore;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One command being executed: its arguments (the name first), the store, where the reply goes, and
 * what to append to the AOF if it changed the store (its own arguments unless it says otherwise).
 */
final class Call {
    final List<byte[]> args;
    final Store store;
    final RespWriter out;
    /** Whether changes go to an append-only file (CONFIG GET appendonly). */
    final boolean appendOnly;
    private List<List<byte[]>> propagate;
    /** Set by QUIT: the server closes the connection after the reply. */
    boolean quit;

    Call(List<byte[]> args, Store store, RespWriter out, boolean appendOnly) {
        this.args = args;
        this.store = store;
        this.out = out;
        this.appendOnly = appendOnly;
    }

    int argc() {
        return args.size();
    }

    byte[] arg(int i) {
        return args.get(i);
    }

    /** Argument {@code i} as text, upper case, for option names. */
    String option(int i) {
        return new String(args.get(i), StandardCharsets.ISO_8859_1).toUpperCase(java.util.Locale.ROOT);
    }

    long longArg(int i) {
        return Numbers.parseLong(args.get(i));
    }

    /** Logs these commands in the AOF instead of this one (e.g. relative expiry times made absolute). */
    void propagate(List<List<byte[]>> commands) {
        this.propagate = commands;
    }

    List<List<byte[]>> propagated() {
        return propagate != null ? propagate : List.of(args);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
