package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutput;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** The file rewriters alone, on small classes, checked instruction by instruction and by the verifier. */
class FileRewritersTest {
    static final class Opens {
        Object[] open(String name, File file) throws IOException {
            return new Object[] {new FileInputStream(name), new FileOutputStream(file, true),
                new RandomAccessFile(name, "rw"), new FileReader(file), new FileWriter(name, true)};
        }
    }

    @Test
    void streamsAreMadeAsTheRuntimeSubclasses() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(Opens.class), FileStreamRewriter::new);
        MethodNode open = Asm.method(c, "open");
        assertEquals(List.of("CALL RemoteFileInputStream.<init>", "CALL RemoteFileOutputStream.<init>",
                "CALL RemoteRandomAccessFile.<init>", "CALL RemoteFileReader.<init>", "CALL RemoteFileWriter.<init>"),
                Asm.calls(open));
        assertEquals(List.of("RemoteFileInputStream", "RemoteFileOutputStream", "RemoteRandomAccessFile",
                "RemoteFileReader", "RemoteFileWriter"), newTypes(open));
    }

    static class Counting extends FileInputStream {
        int reads;

        Counting(String name) throws IOException {
            super(name);
        }

        @Override
        public int read() throws IOException {
            reads++;
            return super.read();
        }
    }

    @Test
    void aSubclassExtendsTheRuntimeClassAndItsSuperCallsFollow() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(Counting.class), FileStreamRewriter::new);
        assertEquals(FileStreamRewriter.FILES + "RemoteFileInputStream", c.superName);
        assertEquals(List.of("CALL RemoteFileInputStream.<init>"), Asm.calls(Asm.method(c, "<init>")));
        assertTrue(Asm.calls(Asm.method(c, "read")).contains("CALL RemoteFileInputStream.read"));
    }

    interface Opener {
        FileInputStream open(String name) throws IOException;
    }

    static final class References {
        Opener opener() {
            return FileInputStream::new;
        }

        Predicate<File> exists() {
            return File::exists;
        }
    }

    @Test
    void methodReferencesAreRoutedLikeCalls() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(References.class), next -> new FileStreamRewriter(new FileCallRewriter(next)));
        Handle opener = implementation(Asm.method(c, "opener"));
        assertEquals(Opcodes.H_NEWINVOKESPECIAL, opener.getTag());
        assertEquals(FileStreamRewriter.FILES + "RemoteFileInputStream", opener.getOwner());
        Handle exists = implementation(Asm.method(c, "exists"));
        assertEquals(Opcodes.H_INVOKESTATIC, exists.getTag());
        assertEquals(FileStreamRewriter.FILES + "FileCalls.exists(Ljava/io/File;)Z",
                exists.getOwner() + "." + exists.getName() + exists.getDesc());
    }

    static final class Queries {
        Object query(File f, File g) throws IOException {
            return List.of(f.exists(), f.isFile(), f.isDirectory(), f.length(), f.lastModified(), f.list(),
                    f.listFiles(), f.mkdirs(), f.delete(), f.renameTo(g), f.createNewFile(), f.toPath(),
                    File.createTempFile("pre", ".tmp"));
        }

        Object paths(URI uri) throws IOException {
            return List.of(Paths.get("a", "b"), Path.of("c"), Path.of(uri), FileSystems.getDefault(),
                    Files.createTempFile("pre", ".tmp"), Files.createTempDirectory("pre"));
        }

        Object untouched(File f) {
            return List.of(f.getName(), f.getPath(), f.getAbsolutePath(), f.isHidden());
        }
    }

    @Test
    void fileQueriesAndPathFactoriesCallTheRuntimeHelpers() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(Queries.class), FileCallRewriter::new);
        List<String> query = Asm.calls(Asm.method(c, "query"));
        for (String m : List.of("exists", "isFile", "isDirectory", "length", "lastModified", "list", "listFiles",
                "mkdirs", "delete", "renameTo", "createNewFile", "toPath")) {
            assertTrue(query.contains("CALL FileCalls." + m), m + " in " + query);
        }
        assertTrue(query.contains("CALL FileOps.createTempFile"), query.toString());
        assertFalse(query.stream().anyMatch(s -> s.startsWith("CALL File.")), query.toString());
        List<String> paths = Asm.calls(Asm.method(c, "paths"));
        assertEquals(List.of("CALL PathCalls.get", "CALL PathCalls.get", "CALL PathCalls.get", "CALL PathCalls.getDefault",
                "CALL PathCalls.createTempFile", "CALL PathCalls.createTempDirectory", "CALL List.of"), paths);
        assertEquals(List.of("CALL File.getName", "CALL File.getPath", "CALL File.getAbsolutePath", "CALL File.isHidden",
                "CALL Boolean.valueOf", "CALL List.of"), Asm.calls(Asm.method(c, "untouched")));
    }

    static class Logged extends File {
        Logged(String path) {
            super(path);
        }

        @Override
        public boolean exists() {
            return super.exists();
        }
    }

    @Test
    void superCallsOfAFileSubclassGoToTheOperationsThemselves() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(Logged.class), FileCallRewriter::new);
        assertEquals(List.of("CALL FileOps.exists"), Asm.calls(Asm.method(c, "exists")));
    }

    static final class Finals {
        void sync(FileDescriptor fd, RandomAccessFile raf, DataOutput out) throws IOException {
            fd.sync();
            if (fd.valid()) {
                raf.getChannel();
                raf.writeBytes("b");
                raf.writeChars("c");
                out.writeBytes("d");
                raf.writeInt(1);
            }
        }
    }

    @Test
    void finalMethodsThatWouldReachThePlaceholderDescriptorAreRouted() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(Finals.class), FileCallRewriter::new);
        assertEquals(List.of("CALL StreamCalls.sync", "CALL StreamCalls.valid", "CALL StreamCalls.getChannel",
                "CALL StreamCalls.writeBytes", "CALL StreamCalls.writeChars", "CALL StreamCalls.writeBytes",
                "CALL RandomAccessFile.writeInt"), Asm.calls(Asm.method(c, "sync")));
    }

    static final class JdkOpeners {
        Object open(String name, File file, java.nio.charset.Charset cs) throws IOException {
            return List.of(new java.io.PrintWriter(name), new java.io.PrintStream(file, "UTF-8"),
                    new java.util.Scanner(file, cs), new java.io.PrintWriter(System.out));
        }
    }

    @Test
    void jdkClassesThatOpenByNameGetTheRuntimesStream() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(JdkOpeners.class), FileArgumentRewriter::new);
        assertEquals(List.of("CALL OpenCalls.printWriter", "CALL PrintWriter.<init>", "CALL OpenCalls.printStream",
                "CALL PrintStream.<init>", "CALL OpenCalls.scanner", "CALL Scanner.<init>", "PUTFIELD out" /* GETSTATIC */,
                "CALL PrintWriter.<init>",
                "CALL List.of"), Asm.calls(Asm.method(c, "open")));
        List<String> inits = new java.util.ArrayList<>();
        for (AbstractInsnNode i = Asm.method(c, "open").instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof org.objectweb.asm.tree.MethodInsnNode m && m.name.equals("<init>")) {
                inits.add(m.owner.substring(m.owner.lastIndexOf('/') + 1) + m.desc);
            }
        }
        assertEquals(List.of("PrintWriter(Ljava/io/Writer;Z)V", "PrintStream(Ljava/io/OutputStream;ZLjava/lang/String;)V",
                "Scanner(Ljava/nio/channels/ReadableByteChannel;Ljava/nio/charset/Charset;)V",
                "PrintWriter(Ljava/io/OutputStream;)V"), inits);
    }

    @Test
    void theRewriterAppliesOnlyTheFeaturesAskedFor() {
        byte[] bytes = Asm.bytesOf(Opens.class);
        ClassRewriter files = new ClassRewriter(ClassSelection.defaults(), ClassRewriter.Features.FILES);
        assertEquals("RemoteFileInputStream", newTypes(Asm.method(node(files.rewrite(bytes, null, null)), "open")).get(0));
        ClassRewriter objects = new ClassRewriter(ClassSelection.defaults(), ClassRewriter.Features.OBJECTS);
        RewritingLoader loader = new RewritingLoader("nothing.");
        ClassNode c = node(objects.rewrite(bytes, loader.kinds(), null));
        assertEquals("FileInputStream", newTypes(Asm.method(c, "open")).get(0));
    }

    static final class NoFiles {
        int twice(int x) {
            return 2 * x;
        }
    }

    @Test
    void aClassThatNamesNoFileClassIsLeftAsItIs() {
        byte[] bytes = Asm.bytesOf(NoFiles.class);
        assertFalse(FileStreamRewriter.mentionsFiles(bytes));
        assertTrue(FileStreamRewriter.mentionsFiles(Asm.bytesOf(Finals.class)));
        ClassRewriter files = new ClassRewriter(ClassSelection.defaults(), ClassRewriter.Features.FILES);
        assertTrue(bytes == files.rewrite(bytes, null, null), "the same bytes: the transformer returns null for them");
    }

    private static ClassNode node(byte[] bytes) {
        return Asm.rewrite(bytes, next -> next);
    }

    private static List<String> newTypes(MethodNode m) {
        List<String> types = new java.util.ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.NEW) {
                String t = ((TypeInsnNode) i).desc;
                types.add(t.substring(t.lastIndexOf('/') + 1));
            }
        }
        return types;
    }

    private static Handle implementation(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof InvokeDynamicInsnNode d) {
                return (Handle) d.bsmArgs[1];
            }
        }
        throw new AssertionError("no invokedynamic in " + m.name);
    }
}
