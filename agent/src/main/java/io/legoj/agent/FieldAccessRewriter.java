package io.legoj.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Replaces {@code GETFIELD}/{@code PUTFIELD} on application classes by {@code invokedynamic} call
 * sites that the runtime links to remote memory or to the plain field. Stores to {@code this}
 * before the superclass constructor ran must stay plain (the verifier allows nothing else on an
 * uninitialized object); in a remote class they are copied to remote memory right after it.
 *
 * <p>A method that has such sites takes its thread's {@code Tlb} once, on entry, into a new local
 * (a method runs on one thread), and passes it to every site as the last argument: the per-access
 * cost is then the translation alone. The local sits past all others and is added to every frame.
 *
 * <p>In a run of accesses to one object's primitive fields ({@link FieldRuns}), the first access
 * translates the object's address into a second new local (the run's base, live only within the
 * run, so no frame holds it) and every access of the run reads or writes at that base.
 */
final class FieldAccessRewriter extends ClassVisitor {
    private static final String LINKER = "io/legoj/runtime/objects/FieldLinker";
    private static final String BSM_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;";
    static final Handle GET = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "get", BSM_DESC, false);
    static final Handle PUT = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "put", BSM_DESC, false);
    static final Handle GET_AT = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "getAt", BSM_DESC, false);
    static final Handle PUT_AT = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "putAt", BSM_DESC, false);
    static final Handle BASE = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "base", "(Ljava/lang/invoke/MethodHandles$Lookup;"
            + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/String;I)"
            + "Ljava/lang/invoke/CallSite;", false);
    static final Handle GET_AT_ADDRESS = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "getAtAddress", BSM_DESC, false);
    static final Handle GET_RAW = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "getRaw", "(Ljava/lang/invoke/MethodHandles$Lookup;"
            + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/String;)"
            + "Ljava/lang/invoke/CallSite;", false);
    static final String TLB = "io/legoj/runtime/Tlb";
    private static final String NULLS = "io/legoj/runtime/objects/Nulls";

    private final ClassSelection selection;
    private final ClassFacts self;
    private final boolean remote;
    /** Application classes that are remote, decided from their bytes. */
    private final Predicate<String> remoteClasses;
    /** Methods ({@code name + descriptor}) with sites to link, and their original max locals. */
    private final Map<String, Integer> linkedMethods;

    FieldAccessRewriter(ClassVisitor next, ClassSelection selection, ClassFacts self, boolean remote,
            Predicate<String> remoteClasses, byte[] bytes) {
        super(Opcodes.ASM9, next);
        this.selection = selection;
        this.self = self;
        this.remote = remote;
        this.remoteClasses = remoteClasses;
        this.linkedMethods = scan(bytes);
    }

    /** True when this instruction becomes a linked site (before the uninitialized-{@code this} check). */
    private boolean links(int opcode, String owner, String name, String descriptor) {
        boolean instance = opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD;
        return instance && selection.isApplication(owner) && !name.startsWith("$legoj$")
                && !(!remote && owner.equals(self.name()) && self.declaresField(name, descriptor));
    }

    private Map<String, Integer> scan(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        Map<String, Integer> methods = new HashMap<>();
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i instanceof FieldInsnNode f && links(f.getOpcode(), f.owner, f.name, f.desc)) {
                    methods.put(m.name + m.desc, m.maxLocals);
                    break;
                }
            }
        }
        return methods;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        AnalyzerAdapter analyzer = new AnalyzerAdapter(self.name(), access, name, descriptor, next);
        Integer originalMaxLocals = linkedMethods.get(name + descriptor);
        if (originalMaxLocals == null) {
            return new Method(analyzer, name.equals("<init>"), -1, new FieldRuns.Role[0], new String[0], null);
        }
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            @Override
            public void visitEnd() {
                Predicate<FieldInsnNode> linked = f -> links(f.getOpcode(), f.owner, f.name, f.desc);
                int tlbSlot = originalMaxLocals;
                AddressLocals addresses = AddressLocals.rewrite(self.name(), this, tlbSlot, linked, remoteClasses);
                Frame<SourceValue>[] sources = FieldRuns.sources(self.name(), this);
                accept(new Method(analyzer, name.equals("<init>"), tlbSlot, FieldRuns.find(this, sources, linked),
                        NullMessages.find(this, sources, linked, addresses.names), addresses));
            }
        };
    }

    private final class Method extends MethodVisitor {
        private final AnalyzerAdapter analyzer;
        private final boolean constructor;
        /** Slot of the method's Tlb local, or -1 when the method links no site; the run's base is in the next two. */
        private final int tlbSlot;
        private final List<String[]> storedBeforeSuper = new ArrayList<>();
        /** By field instruction, in order: its place in a run of accesses to one object, or null. */
        private final FieldRuns.Role[] runs;
        private int fieldInsns;
        /** By field instruction, in order: the message of a null receiver the JVM could not describe, or null. */
        private final String[] nullMessages;
        /** The run whose base was translated last, or -1. */
        private int activeRun = -1;
        /** Locals kept as addresses, whose field reads the rewriter emits by their roles; null for none. */
        private final AddressLocals addresses;

        Method(AnalyzerAdapter analyzer, boolean constructor, int tlbSlot, FieldRuns.Role[] runs, String[] nullMessages,
                AddressLocals addresses) {
            super(Opcodes.ASM9, analyzer);
            this.analyzer = analyzer;
            this.constructor = constructor;
            this.tlbSlot = tlbSlot;
            this.runs = runs;
            this.nullMessages = nullMessages;
            this.addresses = addresses;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (tlbSlot >= 0) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "io/legoj/runtime/Mmu", "tlb", "()L" + TLB + ";", false);
                super.visitVarInsn(Opcodes.ASTORE, tlbSlot);
            }
        }

        /**
         * Every frame also holds the Tlb local, which is set on entry and never changes, and the
         * address locals and their anchors, set on entry too (past the run base, which no frame holds).
         */
        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            if (tlbSlot < 0 || type != Opcodes.F_NEW) {
                super.visitFrame(type, numLocal, local, numStack, stack);
                return;
            }
            List<Object> locals = new ArrayList<>();
            int slots = 0;
            for (int i = 0; i < numLocal; i++) {
                locals.add(local[i]);
                slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
            }
            for (; slots < tlbSlot; slots++) {
                locals.add(Opcodes.TOP);
            }
            locals.add(TLB);
            if (addresses != null && addresses.count > 0) {
                locals.add(Opcodes.TOP);
                locals.add(Opcodes.TOP);
                for (int k = 0; k < addresses.count; k++) {
                    locals.add(Opcodes.LONG);
                    locals.add("java/lang/Object");
                }
            }
            super.visitFrame(type, locals.size(), locals.toArray(), numStack, stack);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            FieldRuns.Role role = fieldInsns < runs.length ? runs[fieldInsns] : null;
            String nullMessage = fieldInsns < nullMessages.length ? nullMessages[fieldInsns] : null;
            AddressLocals.Role byAddress = addresses != null && fieldInsns < addresses.roles.length
                    ? addresses.roles[fieldInsns] : null;
            fieldInsns++;
            if (!links(opcode, owner, name, descriptor)) {
                super.visitFieldInsn(opcode, owner, name, descriptor);
                return;
            }
            if (byAddress != null) {
                readForAddressLocal(byAddress, owner, name, descriptor, nullMessage);
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
            if (role != null && (role.first() || role.run() == activeRun)) {
                if (role.first()) {
                    nullCheck(opcode, descriptor, owner, name, nullMessage);
                    translateBase(role, owner, name, descriptor);
                }
                linkAt(opcode, owner, name, descriptor);
                return;
            }
            nullCheck(opcode, descriptor, owner, name, nullMessage);
            link(opcode, owner, name, descriptor);
        }

        /**
         * A read of {@link AddressLocals}: from an address on the stack (already checked for null),
         * the object kept alive by its anchor meanwhile, or from a handle; the result is the field's
         * stored form when it goes to an address local.
         */
        private void readForAddressLocal(AddressLocals.Role role, String owner, String name, String descriptor,
                String nullMessage) {
            if (!role.addressReceiver()) {
                nullCheck(Opcodes.GETFIELD, descriptor, owner, name, nullMessage);
            }
            super.visitVarInsn(Opcodes.ALOAD, tlbSlot);
            String receiver = role.addressReceiver() ? "J" : "L" + owner + ";";
            if (role.raw()) {
                super.visitInvokeDynamicInsn(name, "(" + receiver + "L" + TLB + ";)J", GET_RAW, Type.getObjectType(owner),
                        descriptor);
            } else {
                super.visitInvokeDynamicInsn(name, "(JL" + TLB + ";)" + descriptor, GET_AT_ADDRESS, Type.getObjectType(owner));
            }
            if (role.addressReceiver()) {
                super.visitVarInsn(Opcodes.ALOAD, role.anchor());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/ref/Reference", "reachabilityFence",
                        "(Ljava/lang/Object;)V", false);
            }
        }

        /** The run's base: its receiver's local, already checked for null, translated once. */
        private void translateBase(FieldRuns.Role role, String owner, String name, String descriptor) {
            super.visitVarInsn(Opcodes.ALOAD, role.local());
            super.visitVarInsn(Opcodes.ALOAD, tlbSlot);
            super.visitInvokeDynamicInsn(name, "(L" + owner + ";L" + TLB + ";)J", BASE, Type.getObjectType(owner),
                    descriptor, role.writes() ? 1 : 0);
            super.visitVarInsn(Opcodes.LSTORE, tlbSlot + 1);
            activeRun = role.run();
        }

        /** An access of a run: the site also takes the run's base. */
        private void linkAt(int opcode, String owner, String name, String descriptor) {
            super.visitVarInsn(Opcodes.LLOAD, tlbSlot + 1);
            linkSite(opcode, owner, name, descriptor, true);
        }

        /**
         * Runs the original instruction on the handle's own (unused) field first, so a null receiver
         * fails exactly as before, with the JVM's own message; on a live handle it costs a dead access.
         * A receiver that a remote field read pushed, which the JVM cannot describe, is checked with
         * {@code message} instead ({@link NullMessages}).
         */
        private void nullCheck(int opcode, String descriptor, String owner, String name, String message) {
            Type t = Type.getType(descriptor);
            if (opcode == Opcodes.GETFIELD) {
                super.visitInsn(Opcodes.DUP);
            } else if (t.getSize() == 1) {
                super.visitInsn(Opcodes.SWAP);
                super.visitInsn(Opcodes.DUP_X1);
            } else {
                super.visitInsn(Opcodes.DUP2_X1);
                super.visitInsn(Opcodes.POP2);
                super.visitInsn(Opcodes.DUP_X2);
            }
            if (message != null) {
                super.visitLdcInsn(message);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, NULLS, "check", "(Ljava/lang/Object;Ljava/lang/String;)V", false);
            } else if (opcode == Opcodes.GETFIELD) {
                super.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
                super.visitInsn(t.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
            } else {
                pushDefault(t);
                super.visitFieldInsn(Opcodes.PUTFIELD, owner, name, descriptor);
            }
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
            linkSite(opcode, owner, name, descriptor, false);
        }

        /** The site of a field read or write, taking the method's Tlb last and, in a run, the base before it. */
        private void linkSite(int opcode, String owner, String name, String descriptor, boolean atBase) {
            super.visitVarInsn(Opcodes.ALOAD, tlbSlot);
            String tail = (atBase ? "J" : "") + "L" + TLB + ";";
            if (opcode == Opcodes.GETFIELD) {
                super.visitInvokeDynamicInsn(name, "(L" + owner + ";" + tail + ")" + descriptor, atBase ? GET_AT : GET,
                        Type.getObjectType(owner));
            } else {
                super.visitInvokeDynamicInsn(name, "(L" + owner + ";" + descriptor + tail + ")V", atBase ? PUT_AT : PUT,
                        Type.getObjectType(owner));
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
