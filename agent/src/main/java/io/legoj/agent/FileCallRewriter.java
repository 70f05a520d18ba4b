package io.legoj.agent;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Calls that reach files by path without opening them become calls of the runtime's static
 * helpers, with the receiver (if any) as first argument: {@code java.io.File}'s queries and changes
 * ({@code FileCalls}, or {@code FileOps} for a {@code super} call from a subclass),
 * {@code File.createTempFile}, path factories ({@code Paths.get}, {@code Path.of},
 * {@code FileSystems.getDefault()}, {@code File.toPath()} and {@code Files.createTempFile/Directory}
 * without a directory), and final JDK methods that would reach a remote stream's placeholder
 * descriptor ({@code FileDescriptor.sync/valid}, {@code RandomAccessFile.getChannel/writeBytes/
 * writeChars}). Each replacement takes and returns the same types, so stacks and frames are
 * unchanged; method references to these methods are routed the same way.
 */
final class FileCallRewriter extends ClassVisitor {
    private static final String FILES = FileStreamRewriter.FILES;
    private static final String FILE = "java/io/File";
    private static final String[] FILE_METHODS = {
        "exists()Z", "isFile()Z", "isDirectory()Z", "canRead()Z", "canWrite()Z", "length()J", "lastModified()J",
        "list()[Ljava/lang/String;", "list(Ljava/io/FilenameFilter;)[Ljava/lang/String;", "listFiles()[Ljava/io/File;",
        "listFiles(Ljava/io/FilenameFilter;)[Ljava/io/File;", "listFiles(Ljava/io/FileFilter;)[Ljava/io/File;",
        "mkdir()Z", "mkdirs()Z", "delete()Z", "renameTo(Ljava/io/File;)Z", "createNewFile()Z", "deleteOnExit()V",
        "toPath()Ljava/nio/file/Path;"};

    /** A static helper: its class, name and descriptor. */
    record Route(String owner, String name, String desc) {
    }

    /** {@code "opcode owner.name+desc"} of a call to the helper it becomes. */
    private static final Map<String, Route> ROUTES = routes();

    FileCallRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    private static Map<String, Route> routes() {
        Map<String, Route> r = new HashMap<>();
        for (String m : FILE_METHODS) {
            int paren = m.indexOf('(');
            String name = m.substring(0, paren);
            String desc = "(L" + FILE + ";" + m.substring(paren + 1);
            r.put(Opcodes.INVOKEVIRTUAL + " " + FILE + "." + m, new Route(FILES + "FileCalls", name, desc));
            r.put(Opcodes.INVOKESPECIAL + " " + FILE + "." + m, new Route(FILES + "FileOps", name, desc));
        }
        staticRoute(r, FILE, "createTempFile(Ljava/lang/String;Ljava/lang/String;)Ljava/io/File;", "FileOps");
        staticRoute(r, FILE, "createTempFile(Ljava/lang/String;Ljava/lang/String;Ljava/io/File;)Ljava/io/File;",
                "FileOps");
        String stringsToPath = "(Ljava/lang/String;[Ljava/lang/String;)Ljava/nio/file/Path;";
        String uriToPath = "(Ljava/net/URI;)Ljava/nio/file/Path;";
        staticRoute(r, "java/nio/file/Paths", "get" + stringsToPath, "PathCalls");
        staticRoute(r, "java/nio/file/Paths", "get" + uriToPath, "PathCalls");
        for (String desc : new String[] {stringsToPath, uriToPath}) {
            r.put(Opcodes.INVOKESTATIC + " java/nio/file/Path.of" + desc, new Route(FILES + "PathCalls", "get", desc));
        }
        staticRoute(r, "java/nio/file/FileSystems", "getDefault()Ljava/nio/file/FileSystem;", "PathCalls");
        String attrs = "[Ljava/nio/file/attribute/FileAttribute;)Ljava/nio/file/Path;";
        staticRoute(r, "java/nio/file/Files", "createTempFile(Ljava/lang/String;Ljava/lang/String;" + attrs, "PathCalls");
        staticRoute(r, "java/nio/file/Files", "createTempDirectory(Ljava/lang/String;" + attrs, "PathCalls");
        String streams = FILES + "StreamCalls";
        String fd = "java/io/FileDescriptor";
        r.put(Opcodes.INVOKEVIRTUAL + " " + fd + ".sync()V", new Route(streams, "sync", "(L" + fd + ";)V"));
        r.put(Opcodes.INVOKEVIRTUAL + " " + fd + ".valid()Z", new Route(streams, "valid", "(L" + fd + ";)Z"));
        String raf = "java/io/RandomAccessFile";
        r.put(Opcodes.INVOKEVIRTUAL + " " + raf + ".getChannel()Ljava/nio/channels/FileChannel;",
                new Route(streams, "getChannel", "(L" + raf + ";)Ljava/nio/channels/FileChannel;"));
        for (String w : new String[] {"writeBytes", "writeChars"}) {
            r.put(Opcodes.INVOKEVIRTUAL + " " + raf + "." + w + "(Ljava/lang/String;)V",
                    new Route(streams, w, "(L" + raf + ";Ljava/lang/String;)V"));
            r.put(Opcodes.INVOKEINTERFACE + " java/io/DataOutput." + w + "(Ljava/lang/String;)V",
                    new Route(streams, w, "(Ljava/io/DataOutput;Ljava/lang/String;)V"));
        }
        return r;
    }

    private static void staticRoute(Map<String, Route> r, String owner, String method, String helper) {
        int paren = method.indexOf('(');
        r.put(Opcodes.INVOKESTATIC + " " + owner + "." + method,
                new Route(FILES + helper, method.substring(0, paren), method.substring(paren)));
    }

    /** The helper a call goes to, or null when the call stays. */
    static Route route(int opcode, String owner, String name, String desc) {
        return ROUTES.get(opcode + " " + owner + "." + name + desc);
    }

    private static Object handle(Object constant) {
        if (constant instanceof Handle h) {
            int opcode = switch (h.getTag()) {
                case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                case Opcodes.H_INVOKESPECIAL -> Opcodes.INVOKESPECIAL;
                case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
                default -> -1;
            };
            Route r = route(opcode, h.getOwner(), h.getName(), h.getDesc());
            if (r != null) {
                return new Handle(Opcodes.H_INVOKESTATIC, r.owner(), r.name(), r.desc(), false);
            }
        }
        return constant;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                Route r = route(opcode, owner, method, desc);
                if (r == null) {
                    super.visitMethodInsn(opcode, owner, method, desc, itf);
                } else {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, r.owner(), r.name(), r.desc(), false);
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String indyName, String desc, Handle bsm, Object... args) {
                Object[] mapped = args.clone();
                for (int i = 0; i < mapped.length; i++) {
                    mapped[i] = handle(mapped[i]);
                }
                super.visitInvokeDynamicInsn(indyName, desc, bsm, mapped);
            }

            @Override
            public void visitLdcInsn(Object value) {
                super.visitLdcInsn(handle(value));
            }
        };
    }
}
