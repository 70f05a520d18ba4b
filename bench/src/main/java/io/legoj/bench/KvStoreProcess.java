package io.legoj.bench;

import io.legoj.protocol.Protocol;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kvstore example ({@code KvStore --port 0 --aof FILE}) in a child JVM, plain or with the agent
 * among {@code jvmArgs}. Its port comes from its {@code kvstore listening on} line; under the agent,
 * {@link #stopForSummary} stops it and returns the agent's {@code [legoj] summary:} figures.
 */
final class KvStoreProcess extends ChildServer {
    static final String MAIN = "io.legoj.examples.kvstore.KvStore";
    private static final String LISTENING = "kvstore listening on ";
    private static final String SUMMARY = "[legoj] summary: ";
    private static final long START_TIMEOUT_S = 120;

    private final AtomicReference<String> summary;
    private final boolean underAgent;

    private KvStoreProcess(String name, ProcessBuilder pb, PrintStream log, CompletableFuture<Integer> listening,
            AtomicReference<String> summary, boolean underAgent) throws IOException {
        super(name, pb, log, line -> {
            if (line.startsWith(LISTENING)) {
                listening.complete(Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim()));
            } else if (line.startsWith(SUMMARY)) {
                summary.set(line.substring(SUMMARY.length()));
            }
        });
        this.summary = summary;
        this.underAgent = underAgent;
    }

    static KvStoreProcess start(String name, List<String> jvmArgs, Path examplesJar, String aof, String secret,
            PrintStream log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", examplesJar.toString(), MAIN, "--port", "0", "--aof", aof));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put(Protocol.SECRET_ENV, secret);
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        KvStoreProcess kv = new KvStoreProcess(name, pb, log, listening, new AtomicReference<>(),
                jvmArgs.stream().anyMatch(a -> a.startsWith("-javaagent:")));
        try {
            kv.listeningOn(awaitPort(kv, listening));
            return kv;
        } catch (RuntimeException e) {
            kv.close();
            throw e;
        }
    }

    private static int awaitPort(KvStoreProcess kv, CompletableFuture<Integer> listening) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            try {
                return listening.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!kv.isAlive()) {
                    throw kv.failure("ended before '" + LISTENING + "HOST:PORT'", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw kv.failure("interrupted while starting", e);
            } catch (ExecutionException e) {
                throw kv.failure("cannot start", e.getCause());
            }
        }
        throw kv.failure("printed no '" + LISTENING + "HOST:PORT' within " + START_TIMEOUT_S + " s", null);
    }

    boolean underAgent() {
        return underAgent;
    }

    /** Stops the server (SIGTERM runs the agent's exit hook) and returns the summary's {@code key=value} pairs. */
    Map<String, String> stopForSummary() {
        close();
        String line = summary.get();
        if (line == null) {
            throw failure("printed no '" + SUMMARY.trim() + "' line when stopped", null);
        }
        return parseSummary(line);
    }

    static Map<String, String> parseSummary(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }
}
