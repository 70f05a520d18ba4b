package io.legoj.agent;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * JDK classes that open a file by name inside their own (not rewritten) code, {@code PrintWriter},
 * {@code PrintStream} and {@code Scanner}, get the file opened by the runtime instead: the
 * constructor call with a file name or {@code File} becomes a call of a runtime helper
 * ({@code OpenCalls}) that builds what the JDK's constructor builds internally, followed by the
 * public constructor that the JDK's delegates to. The object is still the JDK's class; only
 * straight-line stack operations are added, so frames stay valid.
 */
final class FileArgumentRewriter extends ClassVisitor {
    private static final String OPEN_CALLS = FileStreamRewriter.FILES + "OpenCalls";

    /**
     * How one constructor call is replaced: {@code helper} takes its arguments and returns the stream;
     * with {@code keepSecond} the constructor's second argument (a charset) is kept for the target
     * constructor; {@code pushFalse} adds {@code autoFlush = false}.
     */
    record Conversion(String helper, String helperDesc, boolean keepSecond, boolean pushFalse, String targetDesc) {
    }

    private static final Map<String, Conversion> CONVERSIONS = conversions();

    FileArgumentRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    private static Map<String, Conversion> conversions() {
        Map<String, Conversion> c = new HashMap<>();
        String writer = "Ljava/io/Writer;";
        String out = "Ljava/io/OutputStream;";
        String channel = "Ljava/nio/channels/ReadableByteChannel;";
        for (String file : new String[] {"Ljava/lang/String;", "Ljava/io/File;"}) {
            c.put("java/io/PrintWriter(" + file + ")V",
                    new Conversion("printWriter", "(" + file + ")" + writer, false, true, "(" + writer + "Z)V"));
            c.put("java/io/PrintStream(" + file + ")V",
                    new Conversion("printStream", "(" + file + ")" + out, false, true, "(" + out + "Z)V"));
            for (String cs : new String[] {"Ljava/lang/String;", "Ljava/nio/charset/Charset;"}) {
                c.put("java/io/PrintWriter(" + file + cs + ")V",
                        new Conversion("printWriter", "(" + file + cs + ")" + writer, false, true, "(" + writer + "Z)V"));
                c.put("java/io/PrintStream(" + file + cs + ")V",
                        new Conversion("printStream", "(" + file + cs + ")" + out, true, true, "(" + out + "Z" + cs + ")V"));
            }
        }
        String file = "Ljava/io/File;";
        c.put("java/util/Scanner(" + file + ")V", new Conversion("scanner", "(" + file + ")" + channel, false, false,
                "(" + channel + ")V"));
        for (String cs : new String[] {"Ljava/lang/String;", "Ljava/nio/charset/Charset;"}) {
            c.put("java/util/Scanner(" + file + cs + ")V", new Conversion("scanner", "(" + file + cs + ")" + channel, true,
                    false, "(" + channel + cs + ")V"));
        }
        return c;
    }

    /** The conversion of a constructor call, or null when it stays. */
    static Conversion conversion(String owner, String desc) {
        return CONVERSIONS.get(owner + desc);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                Conversion c = opcode == Opcodes.INVOKESPECIAL && method.equals("<init>") ? conversion(owner, desc) : null;
                if (c == null) {
                    super.visitMethodInsn(opcode, owner, method, desc, itf);
                    return;
                }
                if (c.keepSecond()) {
                    super.visitInsn(Opcodes.DUP_X1);
                }
                super.visitMethodInsn(Opcodes.INVOKESTATIC, OPEN_CALLS, c.helper(), c.helperDesc(), false);
                if (c.keepSecond()) {
                    super.visitInsn(Opcodes.SWAP);
                }
                if (c.pushFalse()) {
                    super.visitInsn(Opcodes.ICONST_0);
                    if (c.keepSecond()) {
                        super.visitInsn(Opcodes.SWAP);
                    }
                }
                super.visitMethodInsn(opcode, owner, method, c.targetDesc(), itf);
            }
        };
    }
}
