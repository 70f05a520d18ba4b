package io.legoj.agent;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Points a record's {@code equals}/{@code hashCode}/{@code toString} call sites at the runtime's
 * bootstrap, which links their field getters to remote memory before building them.
 */
final class RecordMethodsRewriter extends ClassVisitor {
    private static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";
    private static final Handle RECORD_METHODS = new Handle(Opcodes.H_INVOKESTATIC,
            "io/legoj/runtime/objects/FieldLinker", "recordMethods",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/TypeDescriptor;"
                    + "Ljava/lang/Class;Ljava/lang/String;[Ljava/lang/invoke/MethodHandle;)Ljava/lang/Object;", false);

    RecordMethodsRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
            @Override
            public void visitInvokeDynamicInsn(String indyName, String desc, Handle bsm, Object... args) {
                boolean objectMethods = bsm.getOwner().equals(OBJECT_METHODS) && bsm.getName().equals("bootstrap");
                super.visitInvokeDynamicInsn(indyName, desc, objectMethods ? RECORD_METHODS : bsm, args);
            }
        };
    }
}
