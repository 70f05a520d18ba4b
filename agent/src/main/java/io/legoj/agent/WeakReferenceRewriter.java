package io.legoj.agent;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weak, soft and phantom references and {@code WeakHashMap} keys see handles, which the JVM may drop
 * while remote memory still holds the object: referents are pinned as the reference is made, and
 * {@code new WeakHashMap} makes the runtime's pinning subclass.
 */
final class WeakReferenceRewriter extends ClassVisitor {
    private static final String HANDLES = "io/legoj/runtime/objects/Handles";
    private static final String WEAK_MAP = "java/util/WeakHashMap";
    private static final String PINNING_MAP = "io/legoj/runtime/objects/PinningWeakHashMap";

    WeakReferenceRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    static boolean isReferenceClass(String owner) {
        return owner.equals("java/lang/ref/WeakReference") || owner.equals("java/lang/ref/SoftReference")
                || owner.equals("java/lang/ref/PhantomReference");
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
            @Override
            public void visitTypeInsn(int opcode, String type) {
                super.visitTypeInsn(opcode, opcode == Opcodes.NEW && type.equals(WEAK_MAP) ? PINNING_MAP : type);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String methodName, String desc, boolean itf) {
                if (opcode == Opcodes.INVOKESPECIAL && methodName.equals("<init>")) {
                    if (owner.equals(WEAK_MAP)) {
                        owner = PINNING_MAP;
                    } else if (isReferenceClass(owner)) {
                        pinReferent(Type.getArgumentTypes(desc).length);
                    }
                }
                super.visitMethodInsn(opcode, owner, methodName, desc, itf);
            }

            /** The referent is the first argument: on top of the stack, or just under the queue. */
            private void pinReferent(int arguments) {
                if (arguments == 2) {
                    super.visitInsn(Opcodes.SWAP);
                }
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HANDLES, "pin", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                if (arguments == 2) {
                    super.visitInsn(Opcodes.SWAP);
                }
            }
        };
    }
}
