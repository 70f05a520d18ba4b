package io.legoj.agent;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Routes identity operations that would see the handle rather than the object: identity hash codes
 * come from the object header, and a clone made by {@code Object.clone()} gets storage of its own.
 */
final class IdentityCallRewriter extends ClassVisitor {
    private static final String OBJECTS = RemoteHandleAdder.OBJECTS;

    IdentityCallRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String methodName, String desc, boolean itf) {
                if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
                        && methodName.equals("identityHashCode") || opcode == Opcodes.INVOKESPECIAL
                        && owner.equals("java/lang/Object") && methodName.equals("hashCode")) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, OBJECTS, "identityHashCode", "(Ljava/lang/Object;)I", false);
                    return;
                }
                super.visitMethodInsn(opcode, owner, methodName, desc, itf);
                if (opcode == Opcodes.INVOKESPECIAL && owner.equals("java/lang/Object") && methodName.equals("clone")) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, OBJECTS, "afterClone",
                            "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                }
            }
        };
    }
}
