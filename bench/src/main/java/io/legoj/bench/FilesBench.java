package io.legoj.bench;

import static io.legoj.bench.Report.f1;
import static io.legoj.bench.Report.f2;

import io.legoj.protocol.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import workloads.files.FileWork;

/**
 * {@code files}: {@link FileWork} in one JVM with the agent ({@code storage=} a storagenode child,
 * {@code mount=} its remote directory), against the storage node and the local disk in the same run:
 * sequential write and read of a large file, and small files created, written and closed per
 * second. Prints the median of each and the ratios (local throughput over remote: 1 is as fast as
 * the local disk). The write ratio compares a remote close (durable on the node) with a local
 * write, fsync and close; the read ratio compares a remote read with a local read from the disk
 * ({@code O_DIRECT}). The table also shows the local write without fsync and the local read from
 * the kernel's page cache, where the file just written still is.
 */
final class FilesBench implements BenchMain.Driver {
    @Override
    public String summary() {
        return "sequential write/read of a large file and small files/s: storage node (agent, storage=) vs local disk";
    }

    @Override
    public List<String> help() {
        return List.of(
                "--size MIB        size of the large file in MiB (default 256)",
                "--small N         small files per round (default 1000)",
                "--small-size KIB  size of each small file in KiB (default 4)",
                "--rounds N        rounds, the median is reported (default 3)",
                "--dir DIR         parent of the local files and the node's data (default: a new temporary directory)",
                "--agent-options S more agent options, e.g. timeout=120s (default none)");
    }

    @Override
    public void run(Args args, PrintStream out, PrintStream err) throws Exception {
        String secret = System.getenv(Protocol.SECRET_ENV);
        if (secret == null || secret.isEmpty()) {
            throw new UsageException(Protocol.SECRET_ENV + " is not set: run it as bin/legoj bench files");
        }
        Path agent = Path.of(System.getProperty("legoj.home", "."), "agent", "target", "legoj-agent.jar");
        if (!Files.exists(agent)) {
            throw new UsageException(agent + " is missing: build it with mvn -q -DskipTests install");
        }
        int mib = args.positive("size", 256);
        int small = args.positive("small", 1000);
        int smallKib = args.positive("small-size", 4);
        int rounds = args.positive("rounds", 3);
        String extra = args.string("agent-options", "");
        String given = args.string("dir", "");
        Path base = given.isEmpty() ? Files.createTempDirectory("legoj-bench-files") : Files.createDirectories(Path.of(given));
        Path local = Files.createDirectories(base.resolve("local"));
        Path remote = base.resolve("remote");
        try (StoragenodeProcess node = StoragenodeProcess.start(Files.createDirectories(base.resolve("node")), secret, err)) {
            String options = "storage=" + node.address() + ",mount=" + remote + (extra.isEmpty() ? "" : "," + extra);
            out.println("files: " + mib + " MiB file, " + small + " files of " + smallKib + " KiB, " + rounds
                    + " rounds; local disk " + local + "; remote: -javaagent with " + options + " against " + node.describe());
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-Xshare:off", "-javaagent:" + agent + "=" + options, "-cp", System.getProperty("java.class.path"),
                    FileWork.class.getName(), local.toString(), remote.toString(), Integer.toString(mib),
                    Integer.toString(small), Integer.toString(smallKib), Integer.toString(rounds));
            report(measure(cmd, secret, out, err), out);
        } finally {
            if (given.isEmpty()) {
                deleteTree(base);
            }
        }
    }

    /** Runs the workload; its {@code result} lines by {@code "<what> <where>"}, in order. */
    private static Map<String, List<Double>> measure(List<String> cmd, String secret, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(Protocol.SECRET_ENV, secret);
        Process p = pb.start();
        Map<String, List<Double>> results = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] w = line.split(" ");
                if (w.length == 4 && w[0].equals("result")) {
                    results.computeIfAbsent(w[1] + " " + w[2], k -> new ArrayList<>()).add(Double.parseDouble(w[3]));
                    out.println("  " + line.substring("result ".length()));
                } else if (w.length >= 3 && w[0].equals("skipped")) {
                    out.println("  " + line);
                } else {
                    err.println("[workload] " + line);
                }
            }
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("the workload JVM exited with " + code + ": " + String.join(" ", cmd));
        }
        return results;
    }

    static void report(Map<String, List<Double>> results, PrintStream out) {
        double writeLocal = median(results, "seq_write_fsync local");
        double writeLocalNoSync = median(results, "seq_write local");
        double writeRemote = median(results, "seq_write remote");
        double readLocal = median(results, "seq_read local");
        double readDisk = results.containsKey("seq_read_disk local") ? median(results, "seq_read_disk local") : Double.NaN;
        double readRemote = median(results, "seq_read remote");
        double smallLocal = median(results, "small_files local");
        double smallRemote = median(results, "small_files remote");
        out.println("workload                      local     remote  local/remote");
        out.printf(Locale.ROOT, "seq write MB/s (durable)  %9s  %9s  %12s%n", f1(writeLocal), f1(writeRemote),
                f2(writeLocal / writeRemote));
        out.printf(Locale.ROOT, "seq write MB/s (no fsync) %9s  %9s  %12s%n", f1(writeLocalNoSync), f1(writeRemote),
                f2(writeLocalNoSync / writeRemote));
        out.printf(Locale.ROOT, "seq read MB/s (disk)      %9s  %9s  %12s%n", Double.isNaN(readDisk) ? "n/a" : f1(readDisk),
                f1(readRemote), Double.isNaN(readDisk) ? "n/a" : f2(readDisk / readRemote));
        out.printf(Locale.ROOT, "seq read MB/s (page cache)%9s  %9s  %12s%n", f1(readLocal), f1(readRemote),
                f2(readLocal / readRemote));
        out.printf(Locale.ROOT, "small files/s             %9s  %9s  %12s%n", f1(smallLocal), f1(smallRemote),
                f2(smallLocal / smallRemote));
        double readBase = readDisk;
        if (Double.isNaN(readDisk)) {
            out.println("files: no O_DIRECT read on this file system; seq_read_ratio is against the page cache");
            readBase = readLocal;
        }
        out.println("seq_write_ratio=" + f2(writeLocal / writeRemote) + " seq_read_ratio=" + f2(readBase / readRemote)
                + " small_ops_per_s=" + Report.whole(smallRemote));
    }

    private static double median(Map<String, List<Double>> results, String key) {
        List<Double> v = results.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException("the workload reported no '" + key + "'");
        }
        return Report.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
