package io.legoj.examples.kvstore;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** PING, ECHO, DBSIZE, FLUSHALL, INFO, CONFIG GET, QUIT. */
final class ServerCommands {
    private ServerCommands() {
    }

    static void register(CommandTable t) {
        t.add("ping", -1, ServerCommands::ping);
        t.add("echo", 2, c -> c.out.bulk(c.arg(1)));
        t.add("dbsize", 1, c -> c.out.integer(c.store.size()));
        t.add("flushall", -1, ServerCommands::flushAll);
        t.add("info", -1, ServerCommands::info);
        t.add("config", -2, ServerCommands::config);
        t.add("quit", -1, c -> {
            c.quit = true;
            c.out.ok();
        });
    }

    private static void ping(Call c) {
        if (c.argc() > 2) {
            throw KvError.arity("ping");
        }
        if (c.argc() == 2) {
            c.out.bulk(c.arg(1));
        } else {
            c.out.simple("PONG");
        }
    }

    private static void flushAll(Call c) {
        if (c.argc() > 2 || (c.argc() == 2 && !c.option(1).equals("SYNC") && !c.option(1).equals("ASYNC"))) {
            throw new KvError(KvError.SYNTAX);
        }
        c.store.clear();
        c.out.ok();
    }

    private static void info(Call c) {
        int keys = c.store.size();
        StringBuilder sb = new StringBuilder()
                .append("# Server\r\n")
                .append("redis_version:7.0.0\r\n")
                .append("redis_mode:standalone\r\n")
                .append("kvstore:legoj-examples\r\n")
                .append("\r\n# Keyspace\r\n");
        if (keys > 0) {
            sb.append("db0:keys=").append(keys).append(",expires=").append(c.store.expiring())
                    .append(",avg_ttl=0\r\n");
        }
        c.out.bulk(Call.bytes(sb.toString()));
    }

    /**
     * CONFIG GET name...: the two settings clients such as redis-benchmark ask for, {@code save}
     * (no snapshots: empty) and {@code appendonly}; {@code *} matches both, other names nothing.
     */
    private static void config(Call c) {
        if (!c.option(1).equals("GET")) {
            throw new KvError("ERR unknown subcommand '" + new String(c.arg(1), StandardCharsets.UTF_8)
                    + "'. Try CONFIG HELP.");
        }
        if (c.argc() < 3) {
            throw KvError.arity("config|get");
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 2; i < c.argc(); i++) {
            String name = c.option(i).toLowerCase(Locale.ROOT);
            if (name.equals("save") || name.equals("*")) {
                found.put("save", "");
            }
            if (name.equals("appendonly") || name.equals("*")) {
                found.put("appendonly", c.appendOnly ? "yes" : "no");
            }
        }
        c.out.arrayHeader(2 * found.size());
        found.forEach((k, v) -> {
            c.out.bulk(Call.bytes(k));
            c.out.bulk(Call.bytes(v));
        });
    }
}
