package programs;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A write-heavy application for the storage node crash test. {@code FileCrash write}: writes files
 * {@code crash/f<i>} (256 KiB each, content derived from {@code i}) and, after each close, prints
 * {@code acked f<i>}; it also appends records to {@code crash/log} and after each {@code force}
 * prints {@code synced <length>}; until a write fails. {@code FileCrash check}: prints
 * {@code ok f<i>} or {@code bad f<i> ...} for every file, and {@code log <valid length>}.
 */
public final class FileCrash {
    static final int FILE_BYTES = 256 << 10;
    static final int RECORD = 64;

    private FileCrash() {
    }

    static byte[] content(int i) {
        byte[] b = new byte[FILE_BYTES];
        for (int j = 0; j < b.length; j++) {
            b[j] = (byte) (i * 7 + j * 13);
        }
        return b;
    }

    static byte[] record(long n) {
        byte[] r = new byte[RECORD];
        Arrays.fill(r, (byte) n);
        ByteBuffer.wrap(r).putLong(n);
        return r;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("write")) {
            write();
        } else {
            check();
        }
    }

    private static void write() {
        File dir = new File("crash");
        dir.mkdirs();
        try (FileChannel log = FileChannel.open(Path.of("crash", "log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            long records = 0;
            for (int i = 0; ; i++) {
                try (FileOutputStream out = new FileOutputStream(new File(dir, "f" + i))) {
                    out.write(content(i));
                }
                System.out.println("acked f" + i);
                for (int r = 0; r < 16; r++) {
                    log.write(ByteBuffer.wrap(record(records++)));
                }
                log.force(true);
                System.out.println("synced " + records * RECORD);
            }
        } catch (IOException e) {
            System.out.println("failed: " + e);
            System.exit(3);
        }
    }

    private static void check() throws IOException {
        File[] files = new File("crash").listFiles((d, name) -> name.startsWith("f"));
        Arrays.sort(files);
        for (File f : files) {
            int i = Integer.parseInt(f.getName().substring(1));
            byte[] b = Files.readAllBytes(f.toPath());
            System.out.println((Arrays.equals(b, content(i)) ? "ok " : "bad ") + f.getName() + " " + b.length);
        }
        long valid = 0;
        try (RandomAccessFile log = new RandomAccessFile("crash/log", "r")) {
            byte[] r = new byte[RECORD];
            while (log.getFilePointer() + RECORD <= log.length()) {
                log.readFully(r);
                if (!Arrays.equals(r, record(valid / RECORD))) {
                    break;
                }
                valid += RECORD;
            }
        }
        System.out.println("log " + valid);
    }
}
