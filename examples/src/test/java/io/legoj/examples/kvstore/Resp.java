package io.legoj.examples.kvstore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test helpers: a store on a manual clock, commands from strings, replies as RESP text. */
final class Resp {
    final AtomicLong clock = new AtomicLong(1_000_000);
    final Store store = new Store(clock::get);
    final Engine engine = new Engine(store, CommandTable.standard());

    /** The reply of one command, e.g. {@code run("SET", "k", "v")} is {@code "+OK\r\n"}. */
    String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RespWriter w = new RespWriter(out);
        engine.execute(command(args), w);
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<byte[]> command(String... args) {
        List<byte[]> c = new ArrayList<>();
        for (String a : args) {
            c.add(a.getBytes(StandardCharsets.UTF_8));
        }
        return c;
    }

    static String bulk(String s) {
        return "$" + s.length() + "\r\n" + s + "\r\n";
    }

    static String error(String s) {
        return "-" + s + "\r\n";
    }

    static String integer(long n) {
        return ":" + n + "\r\n";
    }

    static final String OK = "+OK\r\n";
    static final String NIL = "$-1\r\n";
}
