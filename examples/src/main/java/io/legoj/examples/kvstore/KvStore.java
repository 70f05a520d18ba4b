package io.legoj.examples.kvstore;

import java.io.File;
import java.io.IOException;

/**
 * A Redis-protocol (RESP2) key-value server written with the JDK only:
 * {@code KvStore --port P [--aof FILE]}. Replays the append-only file, then prints
 * {@code kvstore listening on 127.0.0.1:P} and serves until it is stopped.
 */
public final class KvStore {
    private KvStore() {
    }

    public static void main(String[] args) throws Exception {
        int port = -1;
        String aofPath = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else if (args[i].equals("--aof") && i + 1 < args.length) {
                aofPath = args[++i];
            } else {
                usage("unknown argument '" + args[i] + "'");
            }
        }
        if (port < 0) {
            usage("--port is required");
        }
        Engine engine = new Engine(new Store(System::currentTimeMillis), CommandTable.standard());
        if (aofPath != null) {
            openAof(engine, new File(aofPath));
        }
        Server server = Server.start(engine, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, engine), "kvstore-stop"));
        System.out.println("kvstore listening on 127.0.0.1:" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void openAof(Engine engine, File file) throws IOException {
        long start = System.nanoTime();
        int n = engine.replay(file);
        if (n > 0) {
            System.err.printf("kvstore: replayed %d commands from %s in %d ms, %d keys%n", n, file,
                    (System.nanoTime() - start) / 1_000_000, engine.store().size());
        }
        engine.logTo(Aof.open(file));
    }

    private static void stop(Server server, Engine engine) {
        try {
            server.close();
            engine.closeAof();
        } catch (IOException e) {
            System.err.println("kvstore: stopping: " + e.getMessage());
        }
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage("--port " + s + " is not a port number");
        return -1;
    }

    private static void usage(String problem) {
        System.err.println("kvstore: " + problem);
        System.err.println("usage: KvStore --port P [--aof FILE]");
        System.exit(2);
    }
}
