package filecorpus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * File I/O as an application writes it, through every API the agent redirects; returns what it saw
 * (paths under {@code base} shown as {@code $B}), which must be the same on a local disk and on a
 * storage node.
 */
public final class FileWork {
    private FileWork() {
    }

    interface Step {
        Object run() throws Exception;
    }

    /** A {@code File} subclass: its override and its {@code super} call both count. */
    static final class Named extends File {
        Named(String path) {
            super(path);
        }

        @Override
        public boolean exists() {
            return super.exists() && getName().length() > 0;
        }
    }

    /** A {@code FileInputStream} subclass counting its reads. */
    static final class Counting extends FileInputStream {
        int reads;

        Counting(File f) throws IOException {
            super(f);
        }

        @Override
        public int read() throws IOException {
            reads++;
            return super.read();
        }
    }

    private static String fail(Step step, String base) {
        try {
            return "no failure: " + step.run();
        } catch (Exception e) {
            return e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace(base, "$B");
        }
    }

    public static List<String> run(String base) throws Exception {
        List<String> out = new ArrayList<>();
        File dir = new File(base, "work");
        out.add("mkdir " + dir.mkdir() + " again " + dir.mkdir() + " isDirectory " + dir.isDirectory());
        streams(dir, out, base);
        randomAccess(dir, out, base);
        nio(dir, out, base);
        directories(dir, out, base);
        return out;
    }

    private static void streams(File dir, List<String> out, String base) throws Exception {
        File a = new File(dir, "a.txt");
        try (FileOutputStream o = new FileOutputStream(a)) {
            o.write("one\n".getBytes(UTF_8));
            o.write('x');
        }
        try (FileOutputStream o = new FileOutputStream(a, true)) {
            o.write("two\n".getBytes(UTF_8));
        }
        out.add("length " + a.length() + " isFile " + a.isFile() + " exists " + a.exists());
        try (BufferedReader r = new BufferedReader(new FileReader(a, UTF_8))) {
            out.add("lines " + r.lines().toList());
        }
        try (FileWriter w = new FileWriter(a, true)) {
            w.write("three");
            w.append('\n');
        }
        try (FileInputStream in = new FileInputStream(a)) {
            out.add("skip " + in.skip(2) + " available " + in.available() + " rest "
                    + new String(in.readAllBytes(), UTF_8).replace("\n", "|") + " eof " + in.read());
        }
        try (FileInputStream in = new FileInputStream(a)) {
            in.read();
            FileChannel ch = in.getChannel();
            ByteBuffer b = ByteBuffer.allocate(3);
            out.add("channel position " + ch.position() + " size " + ch.size() + " read " + ch.read(b) + " "
                    + new String(b.array(), UTF_8) + " stream after " + (char) in.read());
        }
        try (Counting in = new Counting(a)) {
            in.read();
            in.read();
            out.add("subclass reads " + in.reads + " available " + in.available());
        }
        try (FileOutputStream o = new FileOutputStream(new File(dir, "synced"))) {
            o.write(1);
            o.getFD().sync();
            out.add("fd valid " + o.getFD().valid());
        }
        File p = new File(dir, "printed.txt");
        try (java.io.PrintWriter w = new java.io.PrintWriter(p)) {
            w.println("printed");
        }
        try (java.io.PrintStream s = new java.io.PrintStream(p.getPath(), "UTF-8")) {
            s.println("streamed " + 42);
        }
        try (java.util.Scanner sc = new java.util.Scanner(p, UTF_8)) {
            out.add("scanned " + sc.nextLine() + " length " + p.length());
        }
        out.add(fail(() -> new java.io.PrintStream(p, "no-such-charset"), base));
        out.add(fail(() -> new java.util.Scanner(new File(dir, "missing"), "no-such-charset"), base));
        out.add(fail(() -> new java.util.Scanner(new File(dir, "missing")), base));
        out.add(fail(() -> new java.io.PrintWriter(new File(dir, "nodir/x")), base));
        out.add(fail(() -> new FileInputStream(new File(dir, "missing")), base));
        out.add(fail(() -> new FileOutputStream(new File(dir, "nodir/x")), base));
        out.add(fail(() -> new FileReader(new File(dir, "missing")), base));
        out.add(fail(() -> new FileWriter(new File(dir, "nodir/x")), base));
        out.add(fail(() -> new FileInputStream(dir), base));
        out.add(fail(() -> new FileInputStream((String) null), base));
    }

    private static void randomAccess(File dir, List<String> out, String base) throws Exception {
        File r = new File(dir, "r.bin");
        try (RandomAccessFile raf = new RandomAccessFile(r, "rw")) {
            raf.writeInt(7);
            raf.writeLong(-1);
            raf.writeUTF("h\u00e9llo");
            raf.writeBytes("ab");
            raf.writeChars("c");
            out.add("raf length " + raf.length() + " pointer " + raf.getFilePointer());
            raf.seek(4);
            out.add("raf long " + raf.readLong() + " utf " + raf.readUTF());
            raf.setLength(6);
            out.add("raf truncated " + raf.length() + " pointer " + raf.getFilePointer());
            raf.seek(20);
            raf.write(9);
            out.add("raf extended " + raf.length());
            raf.seek(0);
            byte[] all = new byte[(int) raf.length()];
            raf.readFully(all);
            out.add("raf bytes " + Arrays.toString(all));
            FileChannel ch = raf.getChannel();
            ch.position(1);
            ByteBuffer bb = ByteBuffer.allocate(4);
            ch.read(bb, 0);
            out.add("raf channel " + Arrays.toString(bb.array()) + " pointer " + raf.getFilePointer());
        }
        try (RandomAccessFile ro = new RandomAccessFile(r, "r")) {
            out.add(fail(() -> {
                ro.write(1);
                return "written";
            }, base));
            out.add("read-only length " + ro.length());
        }
        out.add(fail(() -> new RandomAccessFile(new File(dir, "missing"), "r"), base));
        out.add(fail(() -> new RandomAccessFile(r, "rx"), base));
        out.add(fail(() -> new RandomAccessFile(dir, "rw"), base));
    }

    private static void nio(File dir, List<String> out, String base) throws Exception {
        Path p = Paths.get(dir.getPath(), "n.txt");
        Files.write(p, List.of("alpha", "beta"));
        Files.writeString(p, "gamma\n", APPEND);
        out.add("nio lines " + Files.readAllLines(p) + " size " + Files.size(p) + " exists " + Files.exists(p) + " dir "
                + Files.isDirectory(p) + " regular " + Files.isRegularFile(p));
        try (Stream<String> lines = Files.lines(p)) {
            out.add("nio stream " + lines.count());
        }
        try (BufferedWriter w = Files.newBufferedWriter(p)) {
            w.write("new");
        }
        try (SeekableByteChannel ch = Files.newByteChannel(p, READ, WRITE)) {
            ch.position(3);
            ch.write(ByteBuffer.wrap("!".getBytes(UTF_8)));
            out.add("channel size " + ch.size() + " content " + Files.readString(p));
        }
        try (FileChannel ch = FileChannel.open(p, READ, WRITE)) {
            ch.write(ByteBuffer.wrap("XY".getBytes(UTF_8)), 10);
            ch.force(true);
            ch.truncate(8);
            ByteBuffer b = ByteBuffer.allocate(8);
            out.add("fc size " + ch.size() + " read " + ch.read(b, 0) + " " + Arrays.toString(b.array()));
            FileLock lock = ch.lock();
            out.add("lock " + lock.isValid() + " " + fail(ch::lock, base));
            lock.release();
        }
        out.add(fail(() -> Files.readAllBytes(Paths.get(dir.getPath(), "none")), base));
        out.add(fail(() -> Files.createDirectory(dir.toPath()), base));
        out.add(fail(() -> {
            Files.delete(dir.toPath());
            return "deleted";
        }, base));
        out.add(fail(() -> {
            Files.delete(Path.of(dir.getPath(), "none"));
            return "deleted";
        }, base));
        out.add(fail(() -> Files.newByteChannel(p, READ, APPEND), base));
        out.add(fail(() -> Files.newByteChannel(Paths.get(dir.getPath(), "none"), WRITE), base));
        out.add(fail(() -> Files.newByteChannel(p, CREATE_NEW, WRITE), base));
        out.add(fail(() -> Files.size(Paths.get(dir.getPath(), "none")), base));
        Path q = p.resolveSibling("m.txt");
        Files.move(p, q);
        Files.copy(q, p);
        out.add(fail(() -> Files.move(q, p), base));
        Files.move(q, p, StandardCopyOption.ATOMIC_MOVE);
        out.add("moved " + Files.exists(q) + " " + Files.readString(p));
        out.add("renameTo " + new File(dir, "synced").renameTo(new File(dir, "synced2")) + " old "
                + new File(dir, "synced").exists());
        BasicFileAttributes at = Files.readAttributes(p, BasicFileAttributes.class);
        out.add("attrs " + at.isRegularFile() + " " + at.size() + " " + (at.lastModifiedTime().toMillis() > 0));
        out.add("attr map " + new TreeMap<>(Files.readAttributes(p, "size,isDirectory")));
        out.add("toPath " + Files.exists(new File(dir, "a.txt").toPath()) + " toFile " + p.toFile().exists() + " same "
                + Files.isSameFile(p, Paths.get(p.toString())) + " real " + p.toRealPath().endsWith("n.txt"));
    }

    private static void directories(File dir, List<String> out, String base) throws Exception {
        Path deep = dir.toPath().resolve("x/y/z");
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("leaf"), "leaf");
        out.add("mkdirs existing " + new File(dir, "x/y").mkdirs() + " new " + new File(dir, "v/w").mkdirs());
        try (Stream<Path> walk = Files.walk(dir.toPath())) {
            out.add("walk " + walk.map(x -> dir.toPath().relativize(x).toString()).sorted().toList());
        }
        try (Stream<Path> list = Files.list(dir.toPath())) {
            out.add("list " + list.map(x -> x.getFileName().toString()).sorted().toList());
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.toPath(), "*.txt")) {
            List<String> names = new ArrayList<>();
            ds.forEach(x -> names.add(x.getFileName().toString()));
            Collections.sort(names);
            out.add("glob " + names);
        }
        String[] names = dir.list();
        Arrays.sort(names);
        out.add("File.list " + Arrays.toString(names));
        File[] dirs = dir.listFiles(File::isDirectory);
        out.add("File.listFiles dirs " + dirs.length + " list of a file " + (new File(dir, "a.txt").list() == null));
        out.add("delete nonempty " + new File(dir, "x").delete());
        Files.delete(deep.resolve("leaf"));
        out.add("delete leaf dir " + deep.toFile().delete() + " deleteIfExists " + Files.deleteIfExists(deep));
        out.add("createNewFile " + new File(dir, "fresh").createNewFile() + " again " + new File(dir, "fresh").createNewFile());
        out.add(fail(() -> new File(dir, "nodir/fresh").createNewFile(), base));
        File t = File.createTempFile("tmp", ".x", dir);
        Path td = Files.createTempFile(dir.toPath(), "nio", ".y");
        out.add("temp " + t.getName().startsWith("tmp") + " " + t.exists() + " nio temp " + Files.exists(td));
        out.add("lastModified " + (new File(dir, "a.txt").lastModified() > 0) + " missing "
                + new File(dir, "none").lastModified() + " length missing " + new File(dir, "none").length());
        out.add("subclass " + new Named(new File(dir, "a.txt").getPath()).exists() + " "
                + new Named(new File(dir, "none").getPath()).exists());
    }
}
