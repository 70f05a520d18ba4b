package io.legoj.agent;

import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** What the rewriters need to know of a class, read from its bytes without loading it. */
public record ClassFacts(String name, String superName, List<String> interfaces, int access, boolean hasNativeMethods,
        boolean declaresHashCode, List<String> instanceFields) {

    public boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    public boolean isEnum() {
        return (access & Opcodes.ACC_ENUM) != 0 || "java/lang/Enum".equals(superName);
    }

    public boolean isRecord() {
        return "java/lang/Record".equals(superName);
    }

    /** True when this class declares an instance field {@code name} of type {@code desc}. */
    public boolean declaresField(String name, String desc) {
        return instanceFields.contains(name + ":" + desc);
    }

    public static ClassFacts read(byte[] bytes) {
        Collector c = new Collector();
        new ClassReader(bytes).accept(c, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFacts(c.name, c.superName, List.of(c.interfaces), c.access, c.hasNative, c.hashCode,
                List.copyOf(c.fields));
    }

    private static final class Collector extends ClassVisitor {
        String name;
        String superName;
        String[] interfaces;
        int access;
        boolean hasNative;
        boolean hashCode;
        final java.util.List<String> fields = new java.util.ArrayList<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces == null ? new String[0] : interfaces;
            this.access = access;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_STATIC) == 0) {
                fields.add(name + ":" + descriptor);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            hasNative |= (access & Opcodes.ACC_NATIVE) != 0;
            hashCode |= name.equals("hashCode") && descriptor.equals("()I");
            return null;
        }
    }
}
