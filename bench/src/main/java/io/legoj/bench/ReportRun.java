package io.legoj.bench;

import io.legoj.protocol.Sizes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measurements of {@code bench report} against one memnode and one storagenode: each starts a
 * fresh server (kvstore plain, kvstore under the agent, or redis-server), loads it, measures, and
 * stops it before returning, also when the measurement fails.
 */
final class ReportRun {
    private static final long SETTLE_MS = 2000;

    private final Path agentJar;
    private final Path examplesJar;
    private final Path work;
    private final String secret;
    private final String nodeOptions;
    private final long pageBytes;
    private final List<String> heap;
    private final PrintStream out;
    private final PrintStream err;

    ReportRun(Path agentJar, Path examplesJar, Path work, String secret, String nodeOptions, long pageBytes,
            List<String> heap, PrintStream out, PrintStream err) {
        this.agentJar = agentJar;
        this.examplesJar = examplesJar;
        this.work = work;
        this.secret = secret;
        this.nodeOptions = nodeOptions;
        this.pageBytes = pageBytes;
        this.heap = heap;
        this.out = out;
        this.err = err;
    }

    /** The agent's options of a kvstore run, each run its own application on the nodes. */
    static String agentOptions(String nodeOptions, long pageBytes, String cache, String run) {
        return nodeOptions + ",page=" + Sizes.format(pageBytes) + ",cache=" + cache
                + ",objects=remote,arrays=remote,appid=bench-report-" + run;
    }

    long pageBytes() {
        return pageBytes;
    }

    /** kvstore on a plain JVM, its AOF on the local disk. */
    KvStoreProcess plain(String run) throws IOException {
        return KvStoreProcess.start("kvstore plain " + run, heap, examplesJar, work.resolve(run + ".aof").toString(),
                secret, err);
    }

    /** kvstore under the agent, its AOF under the storagenode's mount. */
    KvStoreProcess agent(String run, long cacheBytes) throws IOException {
        return agent(run, cacheBytes, heap);
    }

    /** The same with other heap flags (the RSS runs bound the agent's heap). */
    KvStoreProcess agent(String run, long cacheBytes, List<String> heapFlags) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xshare:off"));
        jvm.addAll(heapFlags);
        jvm.add("-javaagent:" + agentJar + "=" + agentOptions(nodeOptions, pageBytes, Long.toString(cacheBytes), run));
        return KvStoreProcess.start("kvstore agent " + run, jvm, examplesJar, ReportBench.MOUNT + "/" + run + ".aof",
                secret, err);
    }

    RedisServerProcess redis(Path program, String run) throws IOException {
        return RedisServerProcess.start(program, Files.createDirectories(work.resolve(run)), err);
    }

    /** Preload, warm-up, then {@code ops} measured operations of {@code load} on {@code server}. */
    ZipfLoad.Result zipf(ChildServer server, ZipfLoad load, long warmup, long ops) throws InterruptedException {
        try {
            ZipfLoad.Result pre = load.preload(server.port());
            if (warmup > 0) {
                load.run(server.port(), warmup, 0);
            }
            ZipfLoad.Result r = load.run(server.port(), ops, 1);
            out.printf(Locale.ROOT, "  %s: %,.0f ops/s (preload of %,d keys %.1f s, %,d measured ops %.1f s)%n",
                    server.describe(), r.opsPerSecond(), pre.ops(), pre.nanos() / 1e9, r.ops(), r.nanos() / 1e9);
            return r;
        } catch (IOException e) {
            throw server.failure("the zipfian load failed: " + e.getMessage(), e);
        }
    }

    /** The keys of {@code load} SET once, then {@code benchmark} against the server. */
    Map<String, Double> benchmark(ChildServer server, ZipfLoad load, RedisBenchmark benchmark)
            throws InterruptedException {
        preload(server, load);
        try {
            Map<String, Double> rps = benchmark.run(server.port());
            out.println("  " + server.describe() + ": " + benchmark.command() + ": " + rps);
            return rps;
        } catch (IOException | IllegalStateException e) {
            throw server.failure(e.getMessage(), e);
        }
    }

    /** The server's RSS after every key of {@code load} was SET once and a moment to settle. */
    long rssAfterLoading(ChildServer server, ZipfLoad load) throws InterruptedException {
        preload(server, load);
        Thread.sleep(SETTLE_MS);
        try {
            long rss = server.rssBytes();
            out.printf(Locale.ROOT, "  %s: %,d keys of %d bytes, RSS %.1f MiB%n", server.describe(), load.settings().keys(),
                    load.settings().valueBytes(), rss / 1048576.0);
            return rss;
        } catch (IOException e) {
            throw server.failure("cannot read its RSS: " + e.getMessage(), e);
        }
    }

    private static void preload(ChildServer server, ZipfLoad load) throws InterruptedException {
        try {
            load.preload(server.port());
        } catch (IOException e) {
            throw server.failure("loading its keys failed: " + e.getMessage(), e);
        }
    }
}
