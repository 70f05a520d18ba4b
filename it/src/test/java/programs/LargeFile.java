package programs;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * {@code LargeFile <MiB>}: writes a file of that size (a pattern derived from each position),
 * reads it back sequentially through two APIs, then reads and rewrites random places with
 * {@code RandomAccessFile}; prints checksums and what it checked (timings go to stderr).
 */
public final class LargeFile {
    private LargeFile() {
    }

    static byte at(long position) {
        return (byte) (position * 2654435761L >>> 24);
    }

    public static void main(String[] args) throws IOException {
        long size = Long.parseLong(args[0]) << 20;
        File f = new File("large.bin");
        long t0 = System.nanoTime();
        byte[] block = new byte[64 << 10];
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(f), 1 << 16)) {
            for (long p = 0; p < size; p += block.length) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = at(p + i);
                }
                out.write(block);
            }
        }
        long t1 = System.nanoTime();
        System.out.println("written " + f.length());
        CRC32 crc = new CRC32();
        long checked = 0;
        boolean same = true;
        try (InputStream in = new FileInputStream(f)) {
            byte[] buf = new byte[8192];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                crc.update(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    same &= buf[i] == at(checked + i);
                }
                checked += n;
            }
        }
        long t2 = System.nanoTime();
        System.out.println("read " + checked + " crc " + Long.toHexString(crc.getValue()) + " pattern " + same);
        CRC32 nio = new CRC32();
        try (InputStream in = Files.newInputStream(Path.of("large.bin"))) {
            byte[] buf = new byte[1 << 20];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                nio.update(buf, 0, n);
            }
        }
        System.out.println("nio crc " + Long.toHexString(nio.getValue()));
        Random rnd = new Random(42);
        int good = 0;
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            byte[] b = new byte[100];
            for (int i = 0; i < 200; i++) {
                long p = (long) (rnd.nextDouble() * (size - b.length));
                raf.seek(p);
                raf.readFully(b);
                boolean ok = true;
                for (int j = 0; j < b.length; j++) {
                    ok &= b[j] == at(p + j);
                }
                good += ok ? 1 : 0;
            }
            for (int i = 0; i < 50; i++) {
                raf.seek((long) (rnd.nextDouble() * (size - 8)));
                raf.writeLong(i);
            }
            raf.setLength(size / 2);
            System.out.println("random reads " + good + "/200 length after setLength " + raf.length());
        }
        CRC32 after = new CRC32();
        after.update(Files.readAllBytes(f.toPath()));
        System.out.println("after random writes crc " + Long.toHexString(after.getValue()));
        long t3 = System.nanoTime();
        System.err.printf("large-file: write %.0f MB/s, read %.0f MB/s, all %.1f s%n", size / ((t1 - t0) / 1e3),
                size / ((t2 - t1) / 1e3), (t3 - t0) / 1e9);
    }
}
