package programs;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

/**
 * {@code ConcurrentWriters <threads> <KiB per file>}: each thread writes its own files at the same
 * time (a stream, an NIO output stream, a channel), then every file is read back and its checksum
 * printed in a fixed order.
 */
public final class ConcurrentWriters {
    private ConcurrentWriters() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int kib = Integer.parseInt(args[1]);
        Path dir = Files.createDirectories(Path.of("concurrent"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            done.add(pool.submit(() -> {
                write(dir, id, kib);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        for (int t = 0; t < threads; t++) {
            for (String kind : List.of("stream", "nio", "channel")) {
                Path p = dir.resolve(kind + "-" + t);
                CRC32 crc = new CRC32();
                crc.update(Files.readAllBytes(p));
                System.out.println(p + " " + Files.size(p) + " " + Long.toHexString(crc.getValue()));
            }
        }
    }

    private static void write(Path dir, int id, int kib) throws IOException {
        int longs = kib * 1024 / 8;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new FileOutputStream(dir.resolve("stream-" + id).toFile())))) {
            for (int i = 0; i < longs; i++) {
                out.writeLong((long) id << 32 | i);
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("nio-" + id))) {
            byte[] b = new byte[1000];
            for (int i = 0; i < kib; i++) {
                for (int j = 0; j < b.length; j++) {
                    b[j] = (byte) (i + j + id);
                }
                out.write(b, 0, 1000 - (i % 7));
            }
        }
        try (FileChannel ch = FileChannel.open(dir.resolve("channel-" + id), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(4096);
            for (int i = 0; i < kib / 4; i++) {
                b.clear();
                while (b.hasRemaining()) {
                    b.putInt(i * 31 + id);
                }
                b.flip();
                ch.write(b, (long) ((i * 7) % (kib / 4)) * 4096);
            }
        }
    }
}
