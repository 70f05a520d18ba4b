package workloads.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Plain Java file code for the {@code files} benchmark, run in one JVM with the agent, where paths
 * under the mounted directory go to a storage node and others stay on the local disk:
 * {@code FileWork <localDir> <remoteDir> <MiB> <smallFiles> <smallKiB> <rounds>}. Each round
 * measures, for the local and then the remote directory, a sequential write of one file (1 MiB
 * writes, then {@code close}; locally also with {@code fsync} before the close, which is what a
 * remote close guarantees), a sequential read of it (1 MiB reads; locally also a read from the disk
 * itself, with {@code O_DIRECT}, past the kernel's page cache), and small files created, written
 * and closed one after another. Prints one {@code result <what> <where> <value>} line per
 * measurement (MB/s, or files per second), or {@code skipped <what> <where> <reason>} for a
 * measurement the local file system cannot make ({@code O_DIRECT} on tmpfs).
 */
public final class FileWork {
    private FileWork() {
    }

    public static void main(String[] args) throws IOException {
        File local = new File(args[0]);
        File remote = new File(args[1]);
        long bytes = Long.parseLong(args[2]) << 20;
        int smallFiles = Integer.parseInt(args[3]);
        int smallBytes = Integer.parseInt(args[4]) << 10;
        int rounds = Integer.parseInt(args[5]);
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        for (int r = 0; r < rounds; r++) {
            for (File dir : new File[] {local, remote}) {
                String where = dir == local ? "local" : "remote";
                File big = new File(dir, "big.bin");
                if (dir == local) {
                    result("seq_write_fsync", where, bytes / 1e6 / seconds(() -> write(big, block, bytes, true)));
                }
                result("seq_write", where, bytes / 1e6 / seconds(() -> write(big, block, bytes, false)));
                result("seq_read", where, bytes / 1e6 / seconds(() -> read(big, block, bytes)));
                if (dir == local) {
                    readFromDisk(big, bytes);
                }
                big.delete();
                File smallDir = new File(dir, "small-" + r);
                smallDir.mkdir();
                byte[] small = new byte[smallBytes];
                result("small_files", where, smallFiles / seconds(() -> {
                    for (int i = 0; i < smallFiles; i++) {
                        try (FileOutputStream out = new FileOutputStream(new File(smallDir, "f" + i))) {
                            out.write(small);
                        }
                    }
                }));
                for (int i = 0; i < smallFiles; i++) {
                    new File(smallDir, "f" + i).delete();
                }
                smallDir.delete();
            }
        }
    }

    interface Work {
        void run() throws IOException;
    }

    private static double seconds(Work w) throws IOException {
        long t0 = System.nanoTime();
        w.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void result(String what, String where, double value) {
        System.out.println(String.format(Locale.ROOT, "result %s %s %.1f", what, where, value));
    }

    private static void write(File f, byte[] block, long bytes, boolean fsync) throws IOException {
        try (FileOutputStream out = new FileOutputStream(f)) {
            for (long done = 0; done < bytes; done += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - done));
            }
            if (fsync) {
                FileDescriptor fd = out.getFD();
                fd.sync();
            }
        }
    }

    /** Reads {@code f} with {@code O_DIRECT} into a block-aligned buffer, so the disk, not the page cache, serves it. */
    private static void readFromDisk(File f, long bytes) throws IOException {
        Path p = f.toPath();
        int block = (int) Files.getFileStore(p).getBlockSize();
        // The last write left dirty pages, which an O_DIRECT read would first write back on the clock.
        try (FileChannel w = FileChannel.open(p, StandardOpenOption.WRITE)) {
            w.force(true);
        }
        FileChannel c;
        try {
            c = FileChannel.open(p, StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            System.out.println("skipped seq_read_disk local O_DIRECT is not supported on " + Files.getFileStore(p)
                    + ": " + e.getMessage());
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect((1 << 20) + block).alignedSlice(block);
        long t0 = System.nanoTime();
        long done = 0;
        try (c) {
            for (int n = c.read(buffer); n > 0; n = c.read(buffer)) {
                done += n;
                buffer.clear();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (done != bytes) {
            throw new IOException("read " + done + " bytes of " + f + " with O_DIRECT, wrote " + bytes);
        }
        result("seq_read_disk", "local", bytes / 1e6 / s);
    }

    private static void read(File f, byte[] block, long bytes) throws IOException {
        long done = 0;
        try (FileInputStream in = new FileInputStream(f)) {
            for (int n = in.read(block); n > 0; n = in.read(block)) {
                done += n;
            }
        }
        if (done != bytes) {
            throw new IOException("read " + done + " bytes of " + f + ", wrote " + bytes);
        }
    }
}
