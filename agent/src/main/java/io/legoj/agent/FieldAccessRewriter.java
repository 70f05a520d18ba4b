package io.legoj.agent;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;

/**
 * Replaces {@code GETFIELD}/{@code PUTFIELD} on application classes by {@code invokedynamic} call
 * sites that the runtime links to remote memory or to the plain field. Stores to {@code this}
 * before the superclass constructor ran must stay plain (the verifier allows nothing else on an
 * uninitialized object); in a remote class they are copied to remote memory right after it.
 */
final class FieldAccessRewriter extends ClassVisitor {
    private static final String LINKER = "io/legoj/runtime/objects/FieldLinker";
    private static final String BSM_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;";
    static final Handle GET = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "get", BSM_DESC, false);
    static final Handle PUT = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "put", BSM_DESC, false);

    private final ClassSelection selection;
    private final ClassFacts self;
    private final boolean remote;

    FieldAccessRewriter(ClassVisitor next, ClassSelection selection, ClassFacts self, boolean remote) {
        super(Opcodes.ASM9, next);
        this.selection = selection;
        this.self = self;
        this.remote = remote;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        AnalyzerAdapter analyzer = new AnalyzerAdapter(self.name(), access, name, descriptor, next);
        return new Method(analyzer, name.equals("<init>"));
    }

    private final class Method extends MethodVisitor {
        private final AnalyzerAdapter analyzer;
        private final boolean constructor;
        private final List<String[]> storedBeforeSuper = new ArrayList<>();

        Method(AnalyzerAdapter analyzer, boolean constructor) {
            super(Opcodes.ASM9, analyzer);
            this.analyzer = analyzer;
            this.constructor = constructor;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            boolean instance = opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD;
            if (!instance || !selection.isApplication(owner) || name.startsWith("$legoj$")
                    || !remote && owner.equals(self.name()) && self.declaresField(name, descriptor)) {
                super.visitFieldInsn(opcode, owner, name, descriptor);
                return;
            }
            int valueSlots = opcode == Opcodes.PUTFIELD ? Type.getType(descriptor).getSize() : 0;
            if (receiverIsUninitializedThis(valueSlots)) {
                if (opcode == Opcodes.PUTFIELD && remote) {
                    storedBeforeSuper.add(new String[] {owner, name, descriptor});
                }
                super.visitFieldInsn(opcode, owner, name, descriptor);
                return;
            }
            nullCheck(opcode, owner, name, descriptor);
            link(opcode, owner, name, descriptor);
        }

        /**
         * Runs the original instruction on the handle's own (unused) field first, so a null receiver
         * fails exactly as before, with the JVM's own message; on a live handle it costs a dead access.
         */
        private void nullCheck(int opcode, String owner, String name, String descriptor) {
            Type t = Type.getType(descriptor);
            if (opcode == Opcodes.GETFIELD) {
                super.visitInsn(Opcodes.DUP);
                super.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
                super.visitInsn(t.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
                return;
            }
            if (t.getSize() == 1) {
                super.visitInsn(Opcodes.SWAP);
                super.visitInsn(Opcodes.DUP_X1);
            } else {
                super.visitInsn(Opcodes.DUP2_X1);
                super.visitInsn(Opcodes.POP2);
                super.visitInsn(Opcodes.DUP_X2);
            }
            pushDefault(t);
            super.visitFieldInsn(Opcodes.PUTFIELD, owner, name, descriptor);
        }

        private void pushDefault(Type t) {
            switch (t.getSort()) {
                case Type.LONG -> super.visitInsn(Opcodes.LCONST_0);
                case Type.DOUBLE -> super.visitInsn(Opcodes.DCONST_0);
                case Type.FLOAT -> super.visitInsn(Opcodes.FCONST_0);
                case Type.OBJECT, Type.ARRAY -> super.visitInsn(Opcodes.ACONST_NULL);
                default -> super.visitInsn(Opcodes.ICONST_0);
            }
        }

        private void link(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETFIELD) {
                super.visitInvokeDynamicInsn(name, "(L" + owner + ";)" + descriptor, GET, Type.getObjectType(owner));
            } else {
                super.visitInvokeDynamicInsn(name, "(L" + owner + ";" + descriptor + ")V", PUT, Type.getObjectType(owner));
            }
        }

        private boolean receiverIsUninitializedThis(int slotsAbove) {
            List<Object> stack = analyzer.stack;
            int at = stack == null ? -1 : stack.size() - 1 - slotsAbove;
            return at >= 0 && stack.get(at) == Opcodes.UNINITIALIZED_THIS;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            boolean superCall = constructor && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")
                    && receiverIsUninitializedThis(argumentSlots(descriptor));
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (superCall) {
                for (String[] f : storedBeforeSuper) {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitFieldInsn(Opcodes.GETFIELD, f[0], f[1], f[2]);
                    link(Opcodes.PUTFIELD, f[0], f[1], f[2]);
                }
                storedBeforeSuper.clear();
            }
        }

        private int argumentSlots(String descriptor) {
            return (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1;
        }
    }
}
