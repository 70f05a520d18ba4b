package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workloads.files.FileWork;

/**
 * The files driver's report and its workload on a plain JVM, where both directories are local (the
 * full driver starts a storagenode and the workload under the agent; it runs as
 * {@code bin/legoj bench files}).
 */
class FilesBenchTest {
    @Test
    void reportsMediansAndLocalOverRemoteRatios() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FilesBench.report(Map.of(
                "seq_write_fsync local", List.of(300.0, 400.0, 500.0),
                "seq_write local", List.of(1000.0, 1000.0, 1000.0),
                "seq_write remote", List.of(100.0, 200.0, 900.0),
                "seq_read local", List.of(3000.0),
                "seq_read_disk local", List.of(1500.0, 1000.0, 2000.0),
                "seq_read remote", List.of(1000.0),
                "small_files local", List.of(2000.0),
                "small_files remote", List.of(500.4)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals("seq_write_ratio=2.00 seq_read_ratio=1.50 small_ops_per_s=500", lines[lines.length - 1]);
        assertTrue(lines[2].contains("1000.0") && lines[2].endsWith("5.00"), lines[2]);
        assertTrue(lines[4].endsWith("3.00"), lines[4]);
    }

    @Test
    void withoutADiskReadTheReadRatioIsAgainstThePageCacheAndSaysSo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FilesBench.report(Map.of(
                "seq_write_fsync local", List.of(400.0),
                "seq_write local", List.of(1000.0),
                "seq_write remote", List.of(200.0),
                "seq_read local", List.of(3000.0),
                "seq_read remote", List.of(1000.0),
                "small_files local", List.of(2000.0),
                "small_files remote", List.of(500.0)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals("seq_write_ratio=2.00 seq_read_ratio=3.00 small_ops_per_s=500", lines[lines.length - 1]);
        assertTrue(lines[3].contains("n/a"), lines[3]);
        assertTrue(lines[lines.length - 2].contains("against the page cache"), lines[lines.length - 2]);
    }

    @Test
    void theWorkloadWritesReadsAndCleansUp(@TempDir Path dir) throws Exception {
        Path local = Files.createDirectories(dir.resolve("a"));
        Path remote = Files.createDirectories(dir.resolve("b"));
        PrintStream stdout = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            FileWork.main(new String[] {local.toString(), remote.toString(), "2", "5", "1", "1"});
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // Seven results, and the disk read as an eighth result or, on a file system without O_DIRECT, a skip.
        assertEquals(8, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.matches("result \\w+ (local|remote) \\d+\\.\\d")
                || l.startsWith("skipped seq_read_disk local ")), lines.toString());
        assertEquals(0, Files.list(local).count());
        assertEquals(0, Files.list(remote).count());
    }
}
