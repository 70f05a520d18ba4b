package io.legoj.agent;

import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The file classes rewritten code constructs and extends: {@code FileInputStream},
 * {@code FileOutputStream}, {@code RandomAccessFile}, {@code FileReader} and {@code FileWriter}
 * become the runtime's subclasses, which use the storage node for paths under the mount. Only the
 * class names of {@code new}, of the constructor call and of a superclass (with its {@code super}
 * calls) change: each substitute has the constructors of its JDK class and is one of them, so every
 * static type and frame stays valid.
 */
final class FileStreamRewriter extends ClassVisitor {
    static final String FILES = "io/legoj/runtime/files/";
    static final Map<String, String> SUBSTITUTES = Map.of(
            "java/io/FileInputStream", FILES + "RemoteFileInputStream",
            "java/io/FileOutputStream", FILES + "RemoteFileOutputStream",
            "java/io/RandomAccessFile", FILES + "RemoteRandomAccessFile",
            "java/io/FileReader", FILES + "RemoteFileReader",
            "java/io/FileWriter", FILES + "RemoteFileWriter");

    /** Names in a class file that any file rewrite looks for (the substituted classes start with {@code java/io/File}). */
    private static final byte[][] MENTIONS = {ascii("java/io/File"), ascii("java/io/RandomAccessFile"),
        ascii("java/io/Print"), ascii("java/io/DataOutput"), ascii("java/nio/file/"), ascii("java/util/Scanner")};

    /** The JDK superclass that was substituted, or null. */
    private String replacedSuper;

    FileStreamRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * False when no file rewrite can apply to the class: its constant pool names none of the file
     * classes (a plain search of the bytes, much cheaper than reading and writing the class).
     */
    static boolean mentionsFiles(byte[] classFile) {
        for (byte[] name : MENTIONS) {
            if (indexOf(classFile, name) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        String substitute = superName == null ? null : SUBSTITUTES.get(superName);
        if (substitute != null) {
            replacedSuper = superName;
        }
        super.visit(version, access, name, signature, substitute != null ? substitute : superName, interfaces);
    }

    /** The owner a constructor or {@code super} call of {@code owner} goes to. */
    private String owner(String owner, String method) {
        boolean substituted = method.equals("<init>") || owner.equals(replacedSuper);
        return substituted ? SUBSTITUTES.getOrDefault(owner, owner) : owner;
    }

    private Object handle(Object constant) {
        if (constant instanceof Handle h && (h.getTag() == Opcodes.H_NEWINVOKESPECIAL
                || h.getTag() == Opcodes.H_INVOKESPECIAL)) {
            String owner = owner(h.getOwner(), h.getName());
            if (!owner.equals(h.getOwner())) {
                return new Handle(h.getTag(), owner, h.getName(), h.getDesc(), h.isInterface());
            }
        }
        return constant;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
            @Override
            public void visitTypeInsn(int opcode, String type) {
                super.visitTypeInsn(opcode, opcode == Opcodes.NEW ? SUBSTITUTES.getOrDefault(type, type) : type);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                super.visitMethodInsn(opcode, opcode == Opcodes.INVOKESPECIAL ? owner(owner, method) : owner, method, desc,
                        itf);
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
