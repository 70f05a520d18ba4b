package io.legoj.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Keeps the serialized form of a {@code Serializable} class whose instance fields the array rewrite
 * retyped ({@code int[]} to {@code IntArray}): adds {@code serialPersistentFields}, set first thing in
 * the static initializer from {@code ArraySerialization.fields}, and {@code writeObject}/{@code
 * readObject} methods that call {@code ArraySerialization}. A class that has any of these itself
 * is left alone (its serialization of array fields fails, as {@code README.md} says), and so are
 * records, whose serialized form the JDK takes from their components.
 */
final class SerialFormRewriter extends ClassVisitor {
    private static final String SERIALIZATION = ArrayTypes.PACKAGE + "ArraySerialization";
    private static final String FIELDS = "serialPersistentFields";
    private static final String FIELDS_DESC = "[Ljava/io/ObjectStreamField;";
    private static final String WRITE_DESC = "(Ljava/io/ObjectOutputStream;)V";
    private static final String READ_DESC = "(Ljava/io/ObjectInputStream;)V";

    private final boolean applies;
    private String owner;
    private boolean hasStaticInit;

    /**
     * {@code original}: the class before the array rewrite; {@code serializable}: it is
     * {@code Serializable} and not {@code Externalizable}.
     */
    SerialFormRewriter(ClassVisitor next, byte[] original, boolean serializable) {
        super(Opcodes.ASM9, next);
        this.applies = serializable && retypesItsForm(original);
    }

    /** Whether the class has instance fields of array types and no serialized form of its own. */
    static boolean retypesItsForm(byte[] original) {
        ClassNode c = new ClassNode();
        new ClassReader(original).accept(c, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if ((c.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ENUM | Opcodes.ACC_RECORD)) != 0
                || "java/lang/Record".equals(c.superName)) {
            return false;
        }
        boolean retyped = false;
        for (FieldNode f : c.fields) {
            if (f.name.equals(FIELDS)) {
                return false;
            }
            retyped |= (f.access & (Opcodes.ACC_STATIC | Opcodes.ACC_TRANSIENT)) == 0 && ArrayTypes.mentions(f.desc);
        }
        for (MethodNode m : c.methods) {
            if (m.name.equals("writeObject") && m.desc.equals(WRITE_DESC) || m.name.equals("readObject")
                    && m.desc.equals(READ_DESC) || m.name.equals("readObjectNoData") && m.desc.equals("()V")) {
                return false;
            }
        }
        return retyped;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (!applies || !name.equals("<clinit>")) {
            return mv;
        }
        hasStaticInit = true;
        return new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public void visitCode() {
                super.visitCode();
                initFields(mv);
            }
        };
    }

    private void initFields(MethodVisitor mv) {
        mv.visitLdcInsn(Type.getObjectType(owner));
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, SERIALIZATION, "fields", "(Ljava/lang/Class;)" + FIELDS_DESC, false);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, owner, FIELDS, FIELDS_DESC);
    }

    @Override
    public void visitEnd() {
        if (applies) {
            super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, FIELDS,
                    FIELDS_DESC, null, null).visitEnd();
            if (!hasStaticInit) {
                MethodVisitor mv = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                mv.visitCode();
                initFields(mv);
                mv.visitInsn(Opcodes.RETURN);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
            }
            delegate("writeObject", WRITE_DESC, "write", "(Ljava/lang/Object;Ljava/lang/Class;Ljava/io/ObjectOutputStream;)V",
                    new String[] {"java/io/IOException"});
            delegate("readObject", READ_DESC, "read", "(Ljava/lang/Object;Ljava/lang/Class;Ljava/io/ObjectInputStream;)V",
                    new String[] {"java/io/IOException", "java/lang/ClassNotFoundException"});
        }
        super.visitEnd();
    }

    /** {@code private void name(stream) { ArraySerialization.target(this, Owner.class, stream); }} */
    private void delegate(String name, String descriptor, String target, String targetDescriptor, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC, name, descriptor, null, exceptions);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitLdcInsn(Type.getObjectType(owner));
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, SERIALIZATION, target, targetDescriptor, false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
