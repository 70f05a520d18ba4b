package programs;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Writes and never closes, flushes or syncs, as a long-running service's log does: {@code log.txt}
 * through a {@code FileOutputStream}, one write call per line, and {@code table.bin} through a
 * {@code RandomAccessFile}, records written back to front. Prints {@code written} once every write
 * returned, then waits to be killed.
 */
public final class UnclosedWriter {
    static final int LINES = 2_000;
    static final int RECORDS = 100;
    static final int RECORD = 16;

    private UnclosedWriter() {
    }

    public static byte[] log() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            s.append("line ").append(i).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] table() {
        byte[] t = new byte[RECORDS * RECORD];
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) (i * 31 + 7);
        }
        return t;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        FileOutputStream log = new FileOutputStream("log.txt");
        for (int i = 0; i < LINES; i++) {
            log.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        RandomAccessFile table = new RandomAccessFile("table.bin", "rw");
        byte[] all = table();
        for (int r = RECORDS - 1; r >= 0; r--) {
            table.seek((long) r * RECORD);
            table.write(all, r * RECORD, RECORD);
        }
        System.out.println("written");
        new CountDownLatch(1).await();
    }
}
