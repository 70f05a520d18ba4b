package programs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * File I/O of an ordinary application, on paths relative to its working directory, printing what it
 * sees: text and binary writes, appends and reads, random access, renames and moves, deletes,
 * directories and listings, and the exceptions of missing files. Prints the same on a local disk
 * and on a storage node.
 */
public final class FileSemantics {
    private FileSemantics() {
    }

    interface Step {
        Object run() throws Exception;
    }

    private static void attempt(String what, Step step) {
        try {
            System.out.println(what + ": ok " + step.run());
        } catch (Exception e) {
            System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        File dir = new File("data");
        System.out.println("mkdir " + dir.mkdir() + " exists " + dir.exists() + " isDirectory " + dir.isDirectory());
        text(dir);
        binary(dir);
        randomAccess(dir);
        moves(dir);
        directories(dir);
        missing(dir);
        deletes(dir);
    }

    private static void text(File dir) throws IOException {
        File notes = new File(dir, "notes.txt");
        try (FileWriter w = new FileWriter(notes)) {
            w.write("first line\n");
        }
        try (PrintWriter w = new PrintWriter(new FileWriter(notes, true))) {
            w.println("second line");
            w.printf("third %d%n", 3);
        }
        Files.writeString(Path.of("data", "notes.txt"), "fourth \u00e9\n", StandardOpenOption.APPEND);
        try (BufferedReader r = new BufferedReader(new FileReader(notes, UTF_8))) {
            System.out.println("text lines " + r.lines().toList());
        }
        System.out.println("text length " + notes.length() + " nio size " + Files.size(notes.toPath()));
        System.out.println("readAllLines " + Files.readAllLines(Paths.get("data/notes.txt")));
        try (BufferedWriter w = Files.newBufferedWriter(Path.of("data/notes.txt"), StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write("replaced");
        }
        System.out.println("truncated " + Files.readString(Path.of("data/notes.txt")));
        try (PrintWriter w = new PrintWriter("data/printed.txt")) {
            w.println("printed 1");
        }
        try (java.io.PrintStream s = new java.io.PrintStream(new File(dir, "printed.txt"), "UTF-8")) {
            s.println("printed 2");
        }
        try (java.util.Scanner sc = new java.util.Scanner(new File(dir, "printed.txt"))) {
            System.out.println("scanned " + sc.nextLine());
        }
    }

    private static void binary(File dir) throws IOException {
        File bin = new File(dir, "numbers.bin");
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream(bin))) {
            for (int i = 0; i < 10_000; i++) {
                out.writeInt(i * 31);
                out.writeDouble(i / 7.0);
            }
        }
        try (FileOutputStream out = new FileOutputStream(bin, true)) {
            out.write(new byte[] {-1, 0, 1});
        }
        long sum = 0;
        try (DataInputStream in = new DataInputStream(new FileInputStream(bin))) {
            for (int i = 0; i < 10_000; i++) {
                sum += in.readInt();
                sum += (long) in.readDouble();
            }
            System.out.println("binary sum " + sum + " tail " + in.read() + " " + in.read() + " " + in.read() + " eof " + in.read());
        }
        byte[] all = Files.readAllBytes(bin.toPath());
        CRC32 crc = new CRC32();
        crc.update(all);
        System.out.println("binary length " + all.length + " crc " + Long.toHexString(crc.getValue()));
        try (FileInputStream in = new FileInputStream(bin)) {
            System.out.println("skip " + in.skip(100) + " available " + in.available() + " byte " + in.read());
            FileChannel ch = in.getChannel();
            System.out.println("channel position " + ch.position() + " size " + ch.size());
        }
    }

    private static void randomAccess(File dir) throws IOException {
        File f = new File(dir, "random.dat");
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            for (int i = 0; i < 1000; i++) {
                raf.writeLong(i);
            }
            raf.seek(8 * 500);
            System.out.println("raf at 500 " + raf.readLong() + " pointer " + raf.getFilePointer());
            raf.seek(8 * 10);
            raf.writeLong(-10);
            raf.seek(8 * 10);
            System.out.println("raf rewritten " + raf.readLong() + " length " + raf.length());
            raf.setLength(8 * 100);
            System.out.println("raf truncated " + raf.length() + " pointer " + raf.getFilePointer());
            raf.setLength(8 * 200);
            raf.seek(8 * 150);
            System.out.println("raf extended " + raf.length() + " zero " + raf.readLong());
            raf.seek(raf.length());
            raf.writeUTF("end");
            raf.writeBytes("ab");
            raf.writeChars("c");
            raf.seek(8 * 200);
            System.out.println("raf utf " + raf.readUTF() + " length " + raf.length());
            FileChannel ch = raf.getChannel();
            ByteBuffer b = ByteBuffer.allocate(8);
            ch.read(b, 8 * 99);
            b.flip();
            System.out.println("raf channel " + b.getLong() + " size " + ch.size());
            raf.getFD().sync();
        }
        try (RandomAccessFile ro = new RandomAccessFile(f, "r")) {
            attempt("read-only write", () -> {
                ro.writeInt(1);
                return null;
            });
        }
        try (FileChannel ch = FileChannel.open(Path.of("data/random.dat"), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {7, 7}), 3);
            ch.truncate(1000);
            ch.force(true);
            System.out.println("channel size " + ch.size());
        }
    }

    private static void moves(File dir) throws IOException {
        Path a = Path.of("data", "a.txt");
        Files.writeString(a, "alpha");
        Path b = a.resolveSibling("b.txt");
        Files.move(a, b);
        System.out.println("moved " + Files.exists(a) + " " + Files.readString(b));
        Files.writeString(a, "alpha2");
        attempt("move onto existing", () -> Files.move(a, b));
        Files.move(a, b, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("replaced " + Files.readString(b));
        Path tmp = Path.of("data", "b.txt.tmp");
        Files.writeString(tmp, "atomic");
        Files.move(tmp, b, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("atomic " + Files.readString(b) + " tmp " + Files.exists(tmp));
        File c = new File(dir, "c.txt");
        System.out.println("renameTo " + new File(dir, "b.txt").renameTo(c) + " " + c.exists() + " missing source "
                + new File(dir, "none").renameTo(c));
        Files.copy(c.toPath(), Path.of("data", "copy.txt"));
        attempt("copy onto existing", () -> Files.copy(c.toPath(), Path.of("data", "copy.txt")));
        System.out.println("copied " + Files.readString(Path.of("data", "copy.txt")));
    }

    private static void directories(File dir) throws IOException {
        Path deep = Path.of("data", "x", "y", "z");
        Files.createDirectories(deep);
        for (int i = 0; i < 5; i++) {
            Files.writeString(deep.resolve("f" + i), "file " + i);
        }
        System.out.println("mkdirs existing " + new File("data/x/y").mkdirs() + " new " + new File("data/p/q").mkdirs()
                + " mkdir under missing " + new File("data/m/n").mkdir());
        String[] names = dir.list();
        Arrays.sort(names);
        System.out.println("list " + Arrays.toString(names));
        File[] dirs = dir.listFiles(File::isDirectory);
        List<String> dirNames = new ArrayList<>();
        for (File d : dirs) {
            dirNames.add(d.getName());
        }
        dirNames.sort(null);
        System.out.println("listFiles dirs " + dirNames);
        try (Stream<Path> walk = Files.walk(Path.of("data"))) {
            System.out.println("walk " + walk.map(Path::toString).sorted().toList());
        }
        try (Stream<Path> list = Files.list(deep)) {
            System.out.println("Files.list " + list.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(deep, "f[0-2]")) {
            List<String> found = new ArrayList<>();
            ds.forEach(p -> found.add(p.toString()));
            found.sort(null);
            System.out.println("glob " + found);
        }
        System.out.println("isDirectory " + Files.isDirectory(deep) + " isRegularFile " + Files.isRegularFile(deep)
                + " list of a file " + (new File("data/c.txt").list() == null));
    }

    private static void missing(File dir) {
        attempt("FileInputStream missing", () -> new FileInputStream("data/missing.txt"));
        attempt("FileInputStream directory", () -> new FileInputStream("data"));
        attempt("FileOutputStream missing dir", () -> new FileOutputStream("data/nodir/out.txt"));
        attempt("FileReader missing", () -> new FileReader("data/missing.txt"));
        attempt("Scanner missing", () -> new java.util.Scanner(new File("data/missing.txt")));
        attempt("PrintWriter missing dir", () -> new PrintWriter("data/nodir/x.txt"));
        attempt("RandomAccessFile missing", () -> new RandomAccessFile("data/missing.txt", "r"));
        attempt("RandomAccessFile bad mode", () -> new RandomAccessFile("data/c.txt", "w"));
        attempt("Files.readAllBytes missing", () -> Files.readAllBytes(Path.of("data/missing.txt")));
        attempt("Files.newInputStream missing", () -> Files.newInputStream(Path.of("data/missing.txt")));
        attempt("Files.size missing", () -> Files.size(Path.of("data/missing.txt")));
        attempt("Files.createDirectory existing", () -> Files.createDirectory(Path.of("data")));
        attempt("Files.createFile existing", () -> Files.createFile(Path.of("data/c.txt")));
        attempt("Files.newDirectoryStream of a file", () -> Files.newDirectoryStream(Path.of("data/c.txt")));
        attempt("Files.move missing", () -> Files.move(Path.of("data/missing.txt"), Path.of("data/other.txt")));
        System.out.println("missing: exists " + new File(dir, "missing.txt").exists() + " length "
                + new File(dir, "missing.txt").length() + " lastModified " + new File(dir, "missing.txt").lastModified()
                + " Files.exists " + Files.exists(Path.of("data/missing.txt")) + " notExists "
                + Files.notExists(Path.of("data/missing.txt")) + " delete " + new File(dir, "missing.txt").delete());
    }

    private static void deletes(File dir) throws IOException {
        attempt("Files.delete non-empty", () -> {
            Files.delete(Path.of("data", "x"));
            return null;
        });
        attempt("Files.delete missing", () -> {
            Files.delete(Path.of("data", "missing.txt"));
            return null;
        });
        System.out.println("File.delete non-empty " + new File("data/x").delete() + " deleteIfExists missing "
                + Files.deleteIfExists(Path.of("data/missing.txt")));
        try (Stream<Path> walk = Files.walk(Path.of("data", "x"))) {
            for (Path p : walk.sorted((p, q) -> q.getNameCount() - p.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
        System.out.println("deleted tree " + Files.exists(Path.of("data", "x")) + " copy " + new File(dir, "copy.txt").delete()
                + " again " + new File(dir, "copy.txt").delete());
        String[] left = dir.list();
        Arrays.sort(left);
        System.out.println("left " + Arrays.toString(left));
    }
}
