package io.legoj.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A deterministic GET/SET load for a Redis-protocol server over several connections, each its own
 * thread sending pipelined batches: {@link #preload} SETs every key once, {@link #run} sends a fixed
 * number of operations on zipfian keys. Every reply is checked (a GET must return a whole value), so
 * a server that loses or corrupts data fails the run instead of looking fast.
 */
final class ZipfLoad {
    private static final byte[] GET = bytes("GET");
    private static final byte[] SET = bytes("SET");

    /** The shape of the load. */
    record Settings(int keys, int valueBytes, double exponent, int readPercent, int connections, int pipeline,
            long seed) {
    }

    /** A measured run: operations and the wall time of all connections together. */
    record Result(long ops, long nanos) {
        double opsPerSecond() {
            return ops * 1e9 / nanos;
        }
    }

    private final Settings settings;
    private final ZipfianKeys zipf;
    private final byte[][] keyNames;

    ZipfLoad(Settings settings) {
        this.settings = settings;
        this.zipf = new ZipfianKeys(settings.keys(), settings.exponent(), settings.seed());
        this.keyNames = new byte[settings.keys()][];
        for (int k = 0; k < settings.keys(); k++) {
            keyNames[k] = bytes("zipf:" + k);
        }
    }

    Settings settings() {
        return settings;
    }

    /** SETs every key once, the key space cut into one range per connection. */
    Result preload(int port) throws IOException, InterruptedException {
        int n = settings.keys();
        int c = settings.connections();
        List<Callable<Long>> work = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            int from = (int) ((long) n * i / c);
            int to = (int) ((long) n * (i + 1) / c);
            byte[] value = value(settings.seed() - i);
            work.add(() -> {
                try (RespClient client = RespClient.connect(port)) {
                    for (int k = from; k < to; ) {
                        int batch = Math.min(settings.pipeline(), to - k);
                        for (int j = 0; j < batch; j++) {
                            client.send(SET, keyNames[k + j], value);
                        }
                        client.flush();
                        for (int j = 0; j < batch; j++) {
                            check(client.read(), false, keyNames[k + j]);
                        }
                        k += batch;
                    }
                }
                return (long) (to - from);
            });
        }
        return onAllConnections(work);
    }

    /** Sends {@code ops} GETs and SETs on zipfian keys; {@code round} seeds the connections' sequences. */
    Result run(int port, long ops, long round) throws IOException, InterruptedException {
        int c = settings.connections();
        List<Callable<Long>> work = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            long share = ops * (i + 1) / c - ops * i / c;
            Random random = new Random(settings.seed() * 1_000_003L + round * 1009L + i);
            byte[] value = value(random.nextLong());
            work.add(() -> {
                try (RespClient client = RespClient.connect(port)) {
                    boolean[] isGet = new boolean[settings.pipeline()];
                    int[] keys = new int[settings.pipeline()];
                    for (long done = 0; done < share; ) {
                        int batch = (int) Math.min(settings.pipeline(), share - done);
                        for (int j = 0; j < batch; j++) {
                            keys[j] = zipf.next(random);
                            isGet[j] = random.nextInt(100) < settings.readPercent();
                            if (isGet[j]) {
                                client.send(GET, keyNames[keys[j]]);
                            } else {
                                client.send(SET, keyNames[keys[j]], value);
                            }
                        }
                        client.flush();
                        for (int j = 0; j < batch; j++) {
                            check(client.read(), isGet[j], keyNames[keys[j]]);
                        }
                        done += batch;
                    }
                }
                return share;
            });
        }
        return onAllConnections(work);
    }

    private void check(RespClient.Reply reply, boolean get, byte[] key) throws IOException {
        boolean ok = get ? reply.type() == '$' && reply.length() == settings.valueBytes()
                : reply.type() == '+' && "OK".equals(reply.text());
        if (!ok) {
            throw new IOException("the server answered " + reply + " to " + (get ? "GET " : "SET ")
                    + new String(key, StandardCharsets.UTF_8) + (get ? " (expected a value of " + settings.valueBytes()
                    + " bytes)" : " (expected +OK)"));
        }
    }

    /** A value of {@code valueBytes} lowercase letters chosen by {@code seed}. */
    private byte[] value(long seed) {
        Random r = new Random(seed);
        byte[] v = new byte[settings.valueBytes()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) ('a' + r.nextInt(26));
        }
        return v;
    }

    private static Result onAllConnections(List<Callable<Long>> work) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            long start = System.nanoTime();
            List<Future<Long>> futures = pool.invokeAll(work);
            long ops = 0;
            for (Future<Long> f : futures) {
                ops += result(f);
            }
            return new Result(ops, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long result(Future<Long> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return settings.keys() + " keys of " + settings.valueBytes() + " bytes, zipfian s=" + settings.exponent() + ", "
                + settings.readPercent() + "% GET / " + (100 - settings.readPercent()) + "% SET, " + settings.connections()
                + " connections pipelining " + settings.pipeline() + ", seed " + settings.seed();
    }
}
