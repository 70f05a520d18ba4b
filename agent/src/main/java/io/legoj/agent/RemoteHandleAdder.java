package io.legoj.agent;

import java.util.Arrays;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes the topmost remote class a handle: implements {@code RemoteObject} with private fields for
 * the address and the last translation (frame address and TLB stamp) and final accessors, and gives
 * it a {@code hashCode()} from the object header when it does not declare one, so identity hash
 * codes survive handle re-creation.
 */
final class RemoteHandleAdder extends ClassVisitor {
    static final String REMOTE_OBJECT = "io/legoj/runtime/objects/RemoteObject";
    static final String REMOTE_HANDLE = "io/legoj/runtime/objects/RemoteHandle";
    static final String OBJECTS = "io/legoj/runtime/objects/RemoteObjects";
    static final String ADDRESS_FIELD = "$legoj$addr";
    static final String BASE_FIELD = "$legoj$base";
    static final String STAMP_FIELD = "$legoj$stamp";

    private final boolean declaresHashCode;
    private String name;

    RemoteHandleAdder(ClassVisitor next, boolean declaresHashCode) {
        super(Opcodes.ASM9, next);
        this.declaresHashCode = declaresHashCode;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.name = name;
        String[] all = interfaces == null ? new String[1] : Arrays.copyOf(interfaces, interfaces.length + 1);
        all[all.length - 1] = REMOTE_OBJECT;
        String sig = signature == null ? null : signature + "L" + REMOTE_OBJECT + ";";
        super.visit(version, access, name, sig, superName, all);
    }

    @Override
    public void visitEnd() {
        for (String field : new String[] {ADDRESS_FIELD, BASE_FIELD, STAMP_FIELD}) {
            super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, field, "J", null, null)
                    .visitEnd();
        }

        MethodVisitor address = method("$legoj$address", "()J");
        address.visitVarInsn(Opcodes.ALOAD, 0);
        address.visitVarInsn(Opcodes.ALOAD, 0);
        address.visitFieldInsn(Opcodes.GETFIELD, name, ADDRESS_FIELD, "J");
        address.visitMethodInsn(Opcodes.INVOKESTATIC, OBJECTS, "address", "(L" + REMOTE_HANDLE + ";J)J", false);
        address.visitInsn(Opcodes.LRETURN);
        end(address);

        MethodVisitor raw = method("$legoj$rawAddress", "()J");
        raw.visitVarInsn(Opcodes.ALOAD, 0);
        raw.visitFieldInsn(Opcodes.GETFIELD, name, ADDRESS_FIELD, "J");
        raw.visitInsn(Opcodes.LRETURN);
        end(raw);

        MethodVisitor bind = method("$legoj$bind", "(J)V");
        bind.visitVarInsn(Opcodes.ALOAD, 0);
        bind.visitVarInsn(Opcodes.LLOAD, 1);
        bind.visitFieldInsn(Opcodes.PUTFIELD, name, ADDRESS_FIELD, "J");
        bind.visitVarInsn(Opcodes.ALOAD, 0);
        bind.visitInsn(Opcodes.LCONST_0);
        bind.visitFieldInsn(Opcodes.PUTFIELD, name, STAMP_FIELD, "J");
        bind.visitInsn(Opcodes.RETURN);
        end(bind);

        // plain stores, in either order: only the calling thread matches its stamp, and it reads both after this returns
        MethodVisitor remember = method("$legoj$remember", "(JJ)V");
        remember.visitVarInsn(Opcodes.ALOAD, 0);
        remember.visitVarInsn(Opcodes.LLOAD, 1);
        remember.visitFieldInsn(Opcodes.PUTFIELD, name, BASE_FIELD, "J");
        remember.visitVarInsn(Opcodes.ALOAD, 0);
        remember.visitVarInsn(Opcodes.LLOAD, 3);
        remember.visitFieldInsn(Opcodes.PUTFIELD, name, STAMP_FIELD, "J");
        remember.visitInsn(Opcodes.RETURN);
        end(remember);

        if (!declaresHashCode) {
            MethodVisitor hash = super.visitMethod(Opcodes.ACC_PUBLIC, "hashCode", "()I", null, null);
            hash.visitCode();
            hash.visitVarInsn(Opcodes.ALOAD, 0);
            hash.visitMethodInsn(Opcodes.INVOKESTATIC, OBJECTS, "identityHashCode", "(Ljava/lang/Object;)I", false);
            hash.visitInsn(Opcodes.IRETURN);
            end(hash);
        }
        super.visitEnd();
    }

    private MethodVisitor method(String methodName, String desc) {
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, methodName,
                desc, null, null);
        mv.visitCode();
        return mv;
    }

    private static void end(MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
