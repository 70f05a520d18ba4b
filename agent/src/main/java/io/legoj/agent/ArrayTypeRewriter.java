package io.legoj.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Changes the primitive arrays of a class into LegoJ array handles ({@link ArrayTypes}): in
 * descriptors, frames and local variables, and instruction by instruction. The stack types of the
 * original code, tracked alongside, tell which element access or {@code arraylength} works on a
 * primitive array. At a call into code that takes JVM arrays ({@link ArrayBoundaries}) the arguments
 * are converted in place, through temporary locals past all others, and method references to such
 * code go through a synthetic bridge method.
 *
 * <p>A method with element accesses takes its thread's {@code Tlb} once, on entry, into a local past
 * all others, added to every frame, and passes it to each access.
 */
final class ArrayTypeRewriter extends ClassVisitor {
    /** The {@code Lookup} methods that find or unreflect a member as a method or var handle. */
    private static final Set<String> LOOKUPS = Set.of("findVirtual", "findStatic", "findSpecial", "findConstructor",
            "findGetter", "findSetter", "findStaticGetter", "findStaticSetter", "unreflect", "unreflectSpecial",
            "unreflectConstructor", "unreflectGetter", "unreflectSetter", "findVarHandle", "unreflectVarHandle");
    private static final String TLB = "io/legoj/runtime/Tlb";
    private static final String ACCESS = ArrayTypes.PACKAGE + "ArrayAccess";
    private static final String HANDLES = ArrayTypes.PACKAGE + "ArrayHandles";
    private static final String BOUNDARY = ArrayTypes.PACKAGE + "ArrayBoundary";
    private static final String REFS = ArrayTypes.PACKAGE + "RefArrays";
    private static final String OPS = ArrayTypes.PACKAGE + "ArrayOps";
    private static final String REFLECTION = ArrayTypes.PACKAGE + "ArrayReflection";
    private static final String KIND = ArrayTypes.PACKAGE + "Kind";
    private static final String OBJECT = "java/lang/Object";
    private static final String LMF = "java/lang/invoke/LambdaMetafactory";
    private static final String FIELD = "java/lang/reflect/Field";
    private static final String FIELD_SET_DESC = "(Ljava/lang/Object;Ljava/lang/Object;)V";
    /** The synthetic method that {@code Field.set} calls become (caller sensitive: it stays in the class). */
    private static final String FIELD_SET = "legoj$fieldSet";
    private static final String METHOD = "java/lang/reflect/Method";
    private static final String CONSTRUCTOR = "java/lang/reflect/Constructor";
    private static final String INVOKE = "legoj$invoke";
    private static final String CONSTRUCT = "legoj$newInstance";

    private final ArrayBoundaries boundaries;
    private final DeclaredMethods self;
    /** Per method ({@code name + descriptor}) of the original class. */
    private final Map<String, MethodFacts> methods = new HashMap<>();
    private final List<Bridge> bridged = new ArrayList<>();
    private String className;
    private boolean isInterface;
    private int version;
    /** Whether a {@code Field.set} call goes through {@link #FIELD_SET}, written at the end. */
    private boolean setsFields;
    /** Whether {@code Method.invoke} and {@code Constructor.newInstance} calls go through {@link #INVOKE} and {@link #CONSTRUCT}. */
    private boolean invokes;
    private boolean constructs;

    ArrayTypeRewriter(ClassVisitor next, ArrayBoundaries boundaries, DeclaredMethods self, byte[] bytes) {
        super(Opcodes.ASM9, next);
        this.boundaries = boundaries;
        this.self = self;
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
        for (MethodNode m : node.methods) {
            methods.put(m.name + m.desc, new MethodFacts(m.maxLocals, accessesElements(m),
                    NullMessages.forArrays(m, () -> FieldRuns.sources(node.name, m))));
        }
    }

    /** {@code nullMessages}: by ordinal of {@code aaload}, {@code aastore} and {@code arraylength} ({@link NullMessages#forArrays}). */
    private record MethodFacts(int maxLocals, boolean accessesElements, String[] nullMessages) {
    }

    private static boolean accessesElements(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            int op = i.getOpcode();
            if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD && op != Opcodes.AALOAD
                    || op >= Opcodes.IASTORE && op <= Opcodes.SASTORE && op != Opcodes.AASTORE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name;
        isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        this.version = version & 0xFFFF;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        return super.visitField(access, name, ArrayTypes.mapDescriptor(descriptor), signature, value);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        return super.visitRecordComponent(name, ArrayTypes.mapDescriptor(descriptor), signature);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        boolean keep = ArrayTypes.mentions(descriptor) && boundaries.keepsJvmDescriptor(self, name, descriptor, access);
        MethodVisitor next = super.visitMethod(access, name, keep ? descriptor : ArrayTypes.mapMethodDescriptor(descriptor),
                signature, exceptions);
        MethodFacts m = methods.get(name + descriptor);
        if (m == null) {
            return next;
        }
        AnalyzerAdapter types = new AnalyzerAdapter(className, access, name, descriptor, null);
        return new Code(next, types, descriptor, (access & Opcodes.ACC_STATIC) != 0, keep,
                m.accessesElements() ? m.maxLocals() : -1, m.maxLocals() + 1, m.nullMessages());
    }

    @Override
    public void visitEnd() {
        if (setsFields) {
            writeFieldSet();
        }
        if (invokes) {
            writeReflectiveCall(INVOKE, METHOD, "invoke", "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;");
        }
        if (constructs) {
            writeReflectiveCall(CONSTRUCT, CONSTRUCTOR, "newInstance", "([Ljava/lang/Object;)Ljava/lang/Object;");
        }
        for (int i = 0; i < bridged.size(); i++) {
            writeBridge(i, bridged.get(i));
        }
        if (!isInterface) {
            for (String m : boundaries.inheritedWithRewrittenDescriptor(self)) {
                int paren = m.indexOf('(');
                writeJvmDescriptorBridge(m.substring(0, paren), m.substring(paren));
            }
            self.methods().forEach((m, access) -> {
                int paren = m.indexOf('(');
                String name = m.substring(0, paren);
                String descriptor = m.substring(paren);
                if (ArrayTypes.mentions(descriptor) && (access & Opcodes.ACC_ABSTRACT) == 0
                        && boundaries.keepsJvmDescriptor(self, name, descriptor, access)
                        && boundaries.overridesRewrittenDescriptor(self, name, descriptor)) {
                    writeRewrittenDescriptorBridge(name, descriptor);
                }
            });
        }
        super.visitEnd();
    }

    /**
     * {@code static void legoj$fieldSet(Field f, Object target, Object value)}: a reference-array field,
     * whose declared type is a marker that no value is an instance of, is set through the runtime with
     * this class's lookup (its access); any other field by {@code f.set}, from this class as before.
     */
    private void writeFieldSet() {
        int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                | (isInterface && version < Opcodes.V9 ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
        MethodVisitor mv = super.visitMethod(access, FIELD_SET, "(L" + FIELD + ";" + FIELD_SET_DESC.substring(1),
                null, new String[] {"java/lang/IllegalAccessException"});
        mv.visitCode();
        Label plain = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, "isArrayField", "(L" + FIELD + ";)Z", false);
        mv.visitJumpInsn(Opcodes.IFEQ, plain);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        for (int i = 0; i < 3; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, i);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, "setArrayField", "(Ljava/lang/invoke/MethodHandles$Lookup;L"
                + FIELD + ";Ljava/lang/Object;Ljava/lang/Object;)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitLabel(plain);
        mv.visitFrame(Opcodes.F_NEW, 3, new Object[] {FIELD, OBJECT, OBJECT}, 0, new Object[0]);
        for (int i = 0; i < 3; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, i);
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, FIELD, "set", FIELD_SET_DESC, false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code static Object <helper>(Method|Constructor e, [Object target,] Object args)}: one that takes
     * or returns reference arrays, which reflection refuses (no value is an instance of a marker), is
     * called through the runtime with this class's lookup; any other by reflection, from this class as
     * before. The arguments array is given in its JVM form.
     */
    private void writeReflectiveCall(String helper, String owner, String name, String jdkDesc) {
        int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                | (isInterface && version < Opcodes.V9 ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
        boolean method = owner.equals(METHOD);
        int argsSlot = method ? 2 : 1;
        MethodVisitor mv = super.visitMethod(access, helper, reflectiveHelperDesc(owner), null,
                new String[] {"java/lang/IllegalAccessException", "java/lang/InstantiationException",
                    "java/lang/reflect/InvocationTargetException"});
        mv.visitCode();
        Label plain = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, "takesReferenceArrays", "(Ljava/lang/reflect/Executable;)Z",
                false);
        mv.visitJumpInsn(Opcodes.IFEQ, plain);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        for (int i = 0; i <= argsSlot; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, i);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "toJvmElements", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, name, "(Ljava/lang/invoke/MethodHandles$Lookup;L" + owner + ";"
                + jdkDesc.substring(1), false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitLabel(plain);
        Object[] locals = method ? new Object[] {owner, OBJECT, OBJECT} : new Object[] {owner, OBJECT};
        mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
        for (int i = 0; i <= argsSlot; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, i);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "toJvmElements", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, name, jdkDesc, false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code (Method, Object, Object)Object} or {@code (Constructor, Object)Object}: the arguments array as a rewritten value. */
    private static String reflectiveHelperDesc(String owner) {
        return owner.equals(METHOD) ? "(L" + METHOD + ";Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"
                : "(L" + CONSTRUCTOR + ";Ljava/lang/Object;)Ljava/lang/Object;";
    }

    /** {@code name(JVM arrays)}, for the JDK, calling the inherited {@code name(handles)}. */
    private void writeJvmDescriptorBridge(String name, String descriptor) {
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE, name,
                descriptor, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        int slot = 1;
        for (Type a : Type.getArgumentTypes(descriptor)) {
            mv.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
            if (ArrayTypes.mentions(a.getDescriptor())) {
                wrap(mv, a);
            }
            slot += a.getSize();
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, className, name, ArrayTypes.mapMethodDescriptor(descriptor), false);
        Type ret = Type.getReturnType(descriptor);
        if (ArrayTypes.mentions(ret.getDescriptor())) {
            pin(mv, ret);
            mv.visitTypeInsn(Opcodes.CHECKCAST, ret.getInternalName());
        }
        mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code name(handles)}, for callers through an application supertype, calling this class's {@code name(JVM arrays)}. */
    private void writeRewrittenDescriptorBridge(String name, String descriptor) {
        String mapped = ArrayTypes.mapMethodDescriptor(descriptor);
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE, name, mapped,
                null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        Type[] args = Type.getArgumentTypes(descriptor);
        int[] slots = slots(1, args);
        callWithJvmArrays(mv, Opcodes.INVOKEVIRTUAL, className, name, descriptor, false, slots, slots[args.length]);
        mv.visitInsn(ArrayTypes.map(Type.getReturnType(descriptor)).getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * A bridge to write: to {@code target}, converting arrays to their JVM forms when it
     * {@code takesJvmArrays}. From parameter {@code fromJdk} on (unless it is -1), its arguments come
     * from JDK code, which also takes its result (a lambda of a JDK interface): arrays among them
     * are {@code Object}s in JVM form, wrapped on the way in and pinned on the way out.
     */
    private record Bridge(Handle target, boolean takesJvmArrays, int fromJdk) {
    }

    /**
     * The static method a method reference is redirected to: one to JVM-array code converts the
     * arrays; either kind takes a reference array as an {@code Object} (see {@link #bridgeDescriptor}).
     */
    private Handle bridgeFor(Handle target, boolean takesJvmArrays, int fromJdk) {
        Bridge b = new Bridge(target, takesJvmArrays, fromJdk);
        int index = bridged.indexOf(b);
        if (index < 0) {
            bridged.add(b);
            index = bridged.size() - 1;
        }
        return new Handle(Opcodes.H_INVOKESTATIC, className, bridgeName(index), bridgeDescriptor(target, fromJdk),
                isInterface);
    }

    private static String bridgeName(int index) {
        return "legoj$bridge$" + index;
    }

    /**
     * Receiver first (when there is one), then the arguments; all mapped, but a reference array is an
     * {@code Object}: a lambda's class casts its arguments to the bridge's types, and no value is an
     * instance of a marker.
     */
    private static String bridgeDescriptor(Handle target, int fromJdk) {
        List<Type> params = bridgeParameters(target);
        Type object = Type.getObjectType(OBJECT);
        for (int i = 0; i < params.size(); i++) {
            Type mapped = ArrayTypes.map(params.get(i));
            params.set(i, ArrayTypes.isMarker(mapped) || fromJdk >= 0 && i >= fromJdk && mapped != params.get(i) ? object
                    : mapped);
        }
        Type ret = bridgeResult(target);
        return Type.getMethodDescriptor(fromJdk >= 0 && ret.getSort() == Type.ARRAY ? object : ArrayTypes.map(ret),
                params.toArray(new Type[0]));
    }

    /** A bridge's parameters in the plain program's types: the receiver, when there is one, then the target's. */
    private static List<Type> bridgeParameters(Handle target) {
        List<Type> params = new ArrayList<>();
        int tag = target.getTag();
        if (tag != Opcodes.H_NEWINVOKESPECIAL && tag != Opcodes.H_INVOKESTATIC) {
            params.add(Type.getObjectType(target.getOwner()));
        }
        params.addAll(List.of(Type.getArgumentTypes(target.getDesc())));
        return params;
    }

    private static Type bridgeResult(Handle target) {
        return target.getTag() == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(target.getOwner())
                : Type.getReturnType(target.getDesc());
    }

    private void writeBridge(int index, Bridge bridge) {
        Handle target = bridge.target();
        String descriptor = bridgeDescriptor(target, bridge.fromJdk());
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                bridgeName(index), descriptor, null, null);
        mv.visitCode();
        int tag = target.getTag();
        int slot = 0;
        if (tag == Opcodes.H_NEWINVOKESPECIAL) {
            mv.visitTypeInsn(Opcodes.NEW, target.getOwner());
            mv.visitInsn(Opcodes.DUP);
        } else if (tag != Opcodes.H_INVOKESTATIC) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            slot = 1;
        }
        Type[] args = Type.getArgumentTypes(target.getDesc());
        int[] slots = slots(slot, args);
        for (int i = 0; i < args.length; i++) {
            if (bridge.fromJdk() >= 0 && slot + i >= bridge.fromJdk() && args[i].getSort() == Type.ARRAY) {
                mv.visitVarInsn(Opcodes.ALOAD, slots[i]);
                wrap(mv, args[i]);
                mv.visitVarInsn(Opcodes.ASTORE, slots[i]);
            }
        }
        int opcode = switch (tag) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_NEWINVOKESPECIAL, Opcodes.H_INVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> Opcodes.INVOKEVIRTUAL;
        };
        if (bridge.takesJvmArrays()) {
            callWithJvmArrays(mv, opcode, target.getOwner(), target.getName(), target.getDesc(), target.isInterface(),
                    slots, slots[args.length]);
        } else {
            for (int i = 0; i < args.length; i++) {
                mv.visitVarInsn(ArrayTypes.map(args[i]).getOpcode(Opcodes.ILOAD), slots[i]);
            }
            mv.visitMethodInsn(opcode, target.getOwner(), target.getName(), ArrayTypes.mapMethodDescriptor(target.getDesc()),
                    target.isInterface());
        }
        Type ret = bridgeResult(target);
        if (bridge.fromJdk() >= 0 && ret.getSort() == Type.ARRAY) {
            pin(mv, ret);
        }
        mv.visitInsn(ArrayTypes.map(ret).getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The local slots of {@code args} placed from {@code first} on, then the first slot after them. */
    private static int[] slots(int first, Type[] args) {
        int[] slots = new int[args.length + 1];
        int slot = first;
        for (int i = 0; i < args.length; i++) {
            slots[i] = slot;
            slot += args[i].getSize();
        }
        slots[args.length] = slot;
        return slots;
    }

    /**
     * Calls a method that takes JVM arrays, its arguments (rewritten forms) in locals {@code argSlots}:
     * array arguments are passed in their JVM form and, after the call, what the callee wrote goes back;
     * an array result is wrapped. Locals from {@code temp} on are free for the copies.
     */
    private static void callWithJvmArrays(MethodVisitor mv, int opcode, String owner, String name, String descriptor,
            boolean itf, int[] argSlots, int temp) {
        Type[] args = Type.getArgumentTypes(descriptor);
        boolean pin = ArrayBoundaries.keepsArgument(owner, name);
        boolean copyBack = !pin && !ArrayBoundaries.onlyReads(owner, name);
        int[] jvmSlots = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            mv.visitVarInsn(ArrayTypes.map(args[i]).getOpcode(Opcodes.ILOAD), argSlots[i]);
            if (!ArrayTypes.mentions(args[i].getDescriptor())) {
                continue;
            }
            if (pin) {
                pin(mv, args[i]);
            } else if (ArrayBoundaries.takesRange(owner, name, args, i)) {
                mv.visitVarInsn(Opcodes.ILOAD, argSlots[i + 1]);
                mv.visitVarInsn(Opcodes.ILOAD, argSlots[i + 2]);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "toJvmRange", "(Ljava/lang/Object;II)Ljava/lang/Object;",
                        false);
            } else {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, takesElements(args[i]) ? "toJvmElements" : "toJvm",
                        "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            }
            mv.visitTypeInsn(Opcodes.CHECKCAST, args[i].getInternalName());
            if (copyBack) {
                mv.visitInsn(Opcodes.DUP);
                jvmSlots[i] = temp++;
                mv.visitVarInsn(Opcodes.ASTORE, jvmSlots[i]);
            }
        }
        mv.visitMethodInsn(opcode, owner, name, descriptor, itf);
        for (int i = 0; i < args.length; i++) {
            if (copyBack && ArrayTypes.mentions(args[i].getDescriptor())) {
                mv.visitVarInsn(Opcodes.ALOAD, argSlots[i]);
                mv.visitVarInsn(Opcodes.ALOAD, jvmSlots[i]);
                if (ArrayBoundaries.takesRange(owner, name, args, i)) {
                    mv.visitVarInsn(Opcodes.ILOAD, argSlots[i + 1]);
                    mv.visitVarInsn(Opcodes.ILOAD, argSlots[i + 2]);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "releaseRange",
                            "(Ljava/lang/Object;Ljava/lang/Object;II)V", false);
                } else {
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, takesElements(args[i]) ? "releaseElements"
                            : "release", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
                }
            }
        }
        Type ret = Type.getReturnType(descriptor);
        if (ret.getSort() == Type.ARRAY && ret.getDimensions() == 1 && ArrayTypes.mentions(ret.getDescriptor())
                && ArrayBoundaries.returnsFreshArray(owner, name)) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "wrapFresh", "(Ljava/lang/Object;)Ljava/lang/Object;",
                    false);
            castTo(mv, ArrayTypes.map(ret));
        } else if (ArrayTypes.mentions(ret.getDescriptor())) {
            wrap(mv, ret);
        }
    }

    /**
     * Whether a JDK parameter of array type takes its elements as objects ({@code Object[]}, {@code T[]},
     * {@code String[][]}): they are passed as rewritten code holds them, as they may come back to it
     * (a comparator's arguments, a list's elements). Arrays with primitive elements at the bottom
     * ({@code int[]}, {@code int[][]}) are converted all the way down.
     */
    private static boolean takesElements(Type jdkParameter) {
        return jdkParameter.getElementType().getSort() > Type.DOUBLE;
    }

    /** The array on the stack, for JDK code that keeps it as {@code jdkType}: its JVM form, its home from now on. */
    private static void pin(MethodVisitor mv, Type jdkType) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, takesElements(jdkType) ? "pinElements" : "pin",
                "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    }

    /** The JVM array on the stack, as rewritten code holds it. */
    private static void wrap(MethodVisitor mv, Type jvmType) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "wrap", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        castTo(mv, ArrayTypes.map(jvmType));
    }

    /**
     * An {@code Object} on the stack typed as rewritten type {@code mapped}: a cast, but none to a
     * marker, which no value implements (the verifier takes any object for it).
     */
    private static void castTo(MethodVisitor mv, Type mapped) {
        if (!ArrayTypes.isMarker(mapped) && !mapped.getInternalName().equals(OBJECT)) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, mapped.getInternalName());
        }
    }

    /** One method's code; {@link #types} sees the original instructions, the next visitor the rewritten ones. */
    private final class Code extends MethodVisitor {
        private final AnalyzerAdapter types;
        private final String descriptor;
        private final boolean isStatic;
        /** Keeps its JVM descriptor: array parameters are wrapped on entry, an array result pinned on return. */
        private final boolean keep;
        /** Slot of the Tlb local, or -1 when the method accesses no element. */
        private final int tlbSlot;
        /** First slot free for temporaries. */
        private final int temps;
        private final String[] nullMessages;
        /** Ordinal of the next {@code aaload}, {@code aastore} or {@code arraylength}. */
        private int arrayInstructions;

        Code(MethodVisitor next, AnalyzerAdapter types, String descriptor, boolean isStatic, boolean keep, int tlbSlot,
                int temps, String[] nullMessages) {
            super(Opcodes.ASM9, next);
            this.types = types;
            this.descriptor = descriptor;
            this.isStatic = isStatic;
            this.keep = keep;
            this.tlbSlot = tlbSlot;
            this.temps = temps;
            this.nullMessages = nullMessages;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            types.visitCode();
            if (tlbSlot >= 0) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "io/legoj/runtime/Mmu", "tlb", "()L" + TLB + ";", false);
                super.visitVarInsn(Opcodes.ASTORE, tlbSlot);
            }
            if (keep) {
                int slot = isStatic ? 0 : 1;
                for (Type a : Type.getArgumentTypes(descriptor)) {
                    if (ArrayTypes.mentions(a.getDescriptor())) {
                        super.visitVarInsn(Opcodes.ALOAD, slot);
                        wrap(mv, a);
                        super.visitVarInsn(Opcodes.ASTORE, slot);
                    }
                    slot += a.getSize();
                }
            }
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            types.visitFrame(type, numLocal, local, numStack, stack);
            List<Object> locals = new ArrayList<>();
            int used = 0;
            for (int i = 0; i < numLocal; i++) {
                locals.add(mapFrameEntry(local[i]));
                used += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
            }
            if (tlbSlot >= 0) {
                for (; used < tlbSlot; used++) {
                    locals.add(Opcodes.TOP);
                }
                locals.add(TLB);
            }
            Object[] mappedStack = new Object[numStack];
            for (int i = 0; i < numStack; i++) {
                mappedStack[i] = mapFrameEntry(stack[i]);
            }
            super.visitFrame(type, locals.size(), locals.toArray(), numStack, mappedStack);
        }

        private Object mapFrameEntry(Object entry) {
            return entry instanceof String s ? ArrayTypes.mapInternalName(s) : entry;
        }

        /** The original stack entry {@code depth} slots below the top (0 is the top), or null when unknown. */
        private Object stackType(int depth) {
            List<Object> stack = types.stack;
            return stack == null || stack.size() <= depth ? null : stack.get(stack.size() - 1 - depth);
        }

        /** The element sort of a one-dimensional primitive array type on the stack, or -1. */
        private int primitiveArrayAt(int depth) {
            Object t = stackType(depth);
            if (t instanceof String s && s.length() == 2 && s.charAt(0) == '[' && s.charAt(1) != 'L' && s.charAt(1) != '[') {
                return Type.getType(s).getElementType().getSort();
            }
            return -1;
        }

        @Override
        public void visitInsn(int opcode) {
            int sort = switch (opcode) {
                case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.BALOAD, Opcodes.CALOAD,
                        Opcodes.SALOAD -> primitiveArrayAt(1);
                case Opcodes.LASTORE, Opcodes.DASTORE -> primitiveArrayAt(3);
                case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE ->
                        primitiveArrayAt(2);
                case Opcodes.ARRAYLENGTH -> primitiveArrayAt(0);
                default -> -1;
            };
            Object array = opcode == Opcodes.AALOAD ? stackType(1) : null;
            String nullMessage = null;
            if (opcode == Opcodes.AALOAD || opcode == Opcodes.AASTORE || opcode == Opcodes.ARRAYLENGTH) {
                nullMessage = arrayInstructions < nullMessages.length ? nullMessages[arrayInstructions] : null;
                arrayInstructions++;
            }
            types.visitInsn(opcode);
            if (opcode == Opcodes.AALOAD) {
                pushNullMessage(nullMessage);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, REFS, "load", "(Ljava/lang/Object;ILjava/lang/String;)"
                        + "Ljava/lang/Object;", false);
                if (array instanceof String a && a.startsWith("[")) {
                    castTo(mv, ArrayTypes.map(Type.getType(a.substring(1))));
                }
                return;
            }
            if (opcode == Opcodes.AASTORE) {
                pushNullMessage(nullMessage);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, REFS, "store", "(Ljava/lang/Object;ILjava/lang/Object;"
                        + "Ljava/lang/String;)V", false);
                return;
            }
            if (opcode == Opcodes.ARRAYLENGTH && sort < 0) {
                pushNullMessage(nullMessage);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, REFS, "length", "(Ljava/lang/Object;Ljava/lang/String;)I", false);
                return;
            }
            if (sort < 0) {
                if (keep && opcode == Opcodes.ARETURN && ArrayTypes.mentions(Type.getReturnType(descriptor).getDescriptor())) {
                    pin(mv, Type.getReturnType(descriptor));
                    super.visitTypeInsn(Opcodes.CHECKCAST, Type.getReturnType(descriptor).getInternalName());
                }
                super.visitInsn(opcode);
                return;
            }
            if (opcode == Opcodes.ARRAYLENGTH) {
                super.visitFieldInsn(Opcodes.GETFIELD, ArrayTypes.PRIMITIVE_ARRAY, "length", "I");
                return;
            }
            accessElement(opcode, sort);
        }

        private void accessElement(int opcode, int sort) {
            boolean load = opcode <= Opcodes.SALOAD;
            Type element = switch (sort) {
                case Type.BOOLEAN -> Type.BOOLEAN_TYPE;
                case Type.BYTE -> Type.BYTE_TYPE;
                case Type.SHORT -> Type.SHORT_TYPE;
                case Type.CHAR -> Type.CHAR_TYPE;
                case Type.INT -> Type.INT_TYPE;
                case Type.LONG -> Type.LONG_TYPE;
                case Type.FLOAT -> Type.FLOAT_TYPE;
                default -> Type.DOUBLE_TYPE;
            };
            String name = switch (sort) {
                case Type.BOOLEAN -> "Boolean";
                case Type.BYTE -> "Byte";
                case Type.SHORT -> "Short";
                case Type.CHAR -> "Char";
                case Type.INT -> "Int";
                case Type.LONG -> "Long";
                case Type.FLOAT -> "Float";
                default -> "Double";
            };
            String handle = "L" + ArrayTypes.handle(sort) + ";";
            String tlb = "L" + TLB + ";";
            super.visitVarInsn(Opcodes.ALOAD, tlbSlot);
            if (load) {
                String ret = sort == Type.BOOLEAN ? "B" : element.getDescriptor();
                super.visitMethodInsn(Opcodes.INVOKESTATIC, ACCESS, "get" + name, "(" + handle + "I" + tlb + ")" + ret,
                        false);
            } else {
                String value = element.getSize() == 2 || sort == Type.FLOAT ? element.getDescriptor() : "I";
                super.visitMethodInsn(Opcodes.INVOKESTATIC, ACCESS, "put" + name, "(" + handle + "I" + value + tlb + ")V",
                        false);
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            types.visitIntInsn(opcode, operand);
            if (opcode != Opcodes.NEWARRAY) {
                super.visitIntInsn(opcode, operand);
                return;
            }
            String kind = switch (operand) {
                case Opcodes.T_BOOLEAN -> "BOOLEAN";
                case Opcodes.T_BYTE -> "BYTE";
                case Opcodes.T_SHORT -> "SHORT";
                case Opcodes.T_CHAR -> "CHAR";
                case Opcodes.T_INT -> "INT";
                case Opcodes.T_LONG -> "LONG";
                case Opcodes.T_FLOAT -> "FLOAT";
                default -> "DOUBLE";
            };
            super.visitFieldInsn(Opcodes.GETSTATIC, KIND, kind, "L" + KIND + ";");
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HANDLES, "create", "(IL" + KIND + ";)L" + ArrayTypes.PRIMITIVE_ARRAY
                    + ";", false);
            super.visitTypeInsn(Opcodes.CHECKCAST, ArrayTypes.handle(sortOf(operand)));
        }

        private int sortOf(int newarrayOperand) {
            return switch (newarrayOperand) {
                case Opcodes.T_BOOLEAN -> Type.BOOLEAN;
                case Opcodes.T_BYTE -> Type.BYTE;
                case Opcodes.T_SHORT -> Type.SHORT;
                case Opcodes.T_CHAR -> Type.CHAR;
                case Opcodes.T_INT -> Type.INT;
                case Opcodes.T_LONG -> Type.LONG;
                case Opcodes.T_FLOAT -> Type.FLOAT;
                default -> Type.DOUBLE;
            };
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            types.visitTypeInsn(opcode, type);
            boolean mentions = type.startsWith("[");
            if (opcode == Opcodes.ANEWARRAY) {
                super.visitLdcInsn(Type.getType("[" + Type.getObjectType(type).getDescriptor()));
                super.visitMethodInsn(Opcodes.INVOKESTATIC, REFS, "create", "(ILjava/lang/Class;)Ljava/lang/Object;", false);
            } else if (mentions && opcode == Opcodes.CHECKCAST) {
                super.visitLdcInsn(Type.getObjectType(type));
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "cast",
                        "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;", false);
                castTo(mv, ArrayTypes.map(Type.getObjectType(type)));
            } else if (mentions && opcode == Opcodes.INSTANCEOF) {
                super.visitLdcInsn(Type.getObjectType(type));
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "isInstance", "(Ljava/lang/Object;Ljava/lang/Class;)Z",
                        false);
            } else {
                super.visitTypeInsn(opcode, type);
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String desc, int numDimensions) {
            types.visitMultiANewArrayInsn(desc, numDimensions);
            for (int d = numDimensions - 1; d >= 0; d--) {
                super.visitVarInsn(Opcodes.ISTORE, temps + d);
            }
            pushInt(numDimensions);
            super.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
            for (int d = 0; d < numDimensions; d++) {
                super.visitInsn(Opcodes.DUP);
                pushInt(d);
                super.visitVarInsn(Opcodes.ILOAD, temps + d);
                super.visitInsn(Opcodes.IASTORE);
            }
            super.visitLdcInsn(Type.getType(desc));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, REFS, "createMulti", "([ILjava/lang/Class;)Ljava/lang/Object;",
                    false);
            castTo(mv, ArrayTypes.map(Type.getType(desc)));
        }

        private void pushInt(int v) {
            if (v <= 5) {
                super.visitInsn(Opcodes.ICONST_0 + v);
            } else {
                super.visitIntInsn(Opcodes.BIPUSH, v);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String desc) {
            types.visitFieldInsn(opcode, owner, name, desc);
            if (!ArrayTypes.mentions(desc) || boundaries.isApplicationField(owner, name, desc)) {
                super.visitFieldInsn(opcode, owner, name, ArrayTypes.mapDescriptor(desc));
                return;
            }
            if (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) {
                pin(mv, Type.getType(desc));
                super.visitTypeInsn(Opcodes.CHECKCAST, Type.getType(desc).getInternalName());
                super.visitFieldInsn(opcode, owner, name, desc);
            } else {
                super.visitFieldInsn(opcode, owner, name, desc);
                wrap(mv, Type.getType(desc));
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String jvmOwner, String name, String desc, boolean itf) {
            boolean printsArrayOfArrays = holdsArrays(stackType(0)) && printsObject(opcode, jvmOwner, name, desc);
            types.visitMethodInsn(opcode, jvmOwner, name, desc, itf);
            String owner = redirect(jvmOwner, name);
            if (printsArrayOfArrays) {
                printArrayOfArrays(opcode, jvmOwner, name, desc, itf);
            } else if (name.equals("getClass") && desc.equals("()Ljava/lang/Class;")
                    && (owner.equals(OBJECT) || owner.startsWith("["))) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "classOf", "(Ljava/lang/Object;)Ljava/lang/Class;",
                        false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(METHOD) && name.equals("invoke")) {
                invokes = true;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, className, INVOKE, reflectiveHelperDesc(METHOD), isInterface);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(CONSTRUCTOR) && name.equals("newInstance")) {
                constructs = true;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, className, CONSTRUCT, reflectiveHelperDesc(CONSTRUCTOR),
                        isInterface);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(FIELD) && name.equals("set")
                    && desc.equals(FIELD_SET_DESC)) {
                setsFields = true;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, className, FIELD_SET, "(L" + FIELD + ";" + desc.substring(1),
                        isInterface);
            } else if (owner.equals("java/lang/Class") && (name.equals("isInstance") || name.equals("cast"))) {
                super.visitInsn(Opcodes.SWAP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, name.equals("cast") ? "classCast" : "isInstance",
                        "(Ljava/lang/Object;Ljava/lang/Class;)" + Type.getReturnType(desc).getDescriptor(), false);
            } else if (owner.startsWith("[")) {
                arrayMethod(opcode, owner, name, desc);
            } else if (owner.equals("java/util/Arrays") && isIntegralArrayDescriptor(name, desc)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, name, name.equals("equals")
                        ? "(L" + ArrayTypes.PRIMITIVE_ARRAY + ";L" + ArrayTypes.PRIMITIVE_ARRAY + ";)Z"
                        : "(L" + ArrayTypes.PRIMITIVE_ARRAY + ";)I", false);
            } else if (owner.equals("java/util/Arrays") && (name.equals("copyOf") || name.equals("copyOfRange"))
                    && Type.getReturnType(desc).getDescriptor().length() == 2
                    && ArrayTypes.mentions(Type.getReturnType(desc).getDescriptor())) {
                String ints = name.equals("copyOf") ? "I" : "II";
                super.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, name, "(L" + ArrayTypes.PRIMITIVE_ARRAY + ";" + ints
                        + ")Ljava/lang/Object;", false);
                super.visitTypeInsn(Opcodes.CHECKCAST, ArrayTypes.mapInternalName(Type.getReturnType(desc).getInternalName()));
            } else if (owner.equals("java/util/Objects") && name.equals("deepEquals")) {
                objectsDeepEquals();
            } else if (owner.equals(OPS) && name.startsWith("deep")) {
                // Arrays.deepToString, deepHashCode, deepEquals: LegoJ's take either form of an array
                super.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, name, desc.replace("[Ljava/lang/Object;", "Ljava/lang/Object;"),
                        false);
            } else if (isTypeReflection(owner, name, desc)) {
                String receiver = name.equals("getParameterTypes") || name.equals("getGenericParameterTypes")
                        ? "java/lang/reflect/Executable" : owner;
                String staticDesc = "(L" + receiver + ";" + desc.substring(1);
                Type[] args = Type.getArgumentTypes(staticDesc);
                int[] slots = spillArguments(args);
                callWithJvmArrays(mv, Opcodes.INVOKESTATIC, REFLECTION, name, staticDesc, false, slots, slots[args.length]);
            } else if (ArrayBoundaries.isRawAccess(owner) && desc.contains("Ljava/lang/Object;")) {
                rawAccess(opcode, owner, name, desc, itf);
            } else if (!ArrayTypes.mentions(desc)) {
                super.visitMethodInsn(opcode, owner, name, desc, itf && owner.equals(jvmOwner));
            } else if (boundaries.takesJvmArrays(owner, name, desc)) {
                Type[] args = Type.getArgumentTypes(desc);
                int[] slots = spillArguments(args);
                callWithJvmArrays(mv, opcode, owner, name, desc, itf, slots, slots[args.length]);
            } else {
                super.visitMethodInsn(opcode, owner, name, ArrayTypes.mapMethodDescriptor(desc), itf);
            }
        }

        /**
         * A JVM array of handles (an {@code int[][]} here) names its handles' class where the plain
         * program's says {@code [[I}: the calls that print one object (its {@code toString()}, and
         * {@code String.valueOf}, {@code Objects.toString}, {@code append} and {@code print(ln)} of
         * {@code Object}) get the plain string instead, when the object's type is an array of arrays.
         */
        private static boolean printsObject(int opcode, String owner, String name, String desc) {
            String object = "(Ljava/lang/Object;)";
            return opcode == Opcodes.INVOKEVIRTUAL && name.equals("toString") && desc.equals("()Ljava/lang/String;")
                    && (owner.equals(OBJECT) || owner.startsWith("["))
                    || opcode == Opcodes.INVOKESTATIC && name.equals("valueOf") && owner.equals("java/lang/String")
                            && desc.startsWith(object)
                    || opcode == Opcodes.INVOKESTATIC && name.equals("toString") && owner.equals("java/util/Objects")
                            && desc.startsWith(object)
                    || opcode == Opcodes.INVOKEVIRTUAL && name.equals("append") && desc.startsWith(object)
                            && (owner.equals("java/lang/StringBuilder") || owner.equals("java/lang/StringBuffer"))
                    || opcode == Opcodes.INVOKEVIRTUAL && (name.equals("print") || name.equals("println"))
                            && owner.equals("java/io/PrintStream") && desc.equals("(Ljava/lang/Object;)V");
        }

        private void pushNullMessage(String message) {
            if (message != null) {
                super.visitLdcInsn(message);
            } else {
                super.visitInsn(Opcodes.ACONST_NULL);
            }
        }

        /** True for a static type that the rewrite makes a JVM array of handles ({@code [[I}, {@code [[[J}). */
        private static boolean holdsArrays(Object type) {
            return type instanceof String t && t.startsWith("[[") && ArrayTypes.mentions(t);
        }

        /**
         * One of {@link #printsObject}, its object on top of the stack: the object becomes its plain
         * string, which the call then prints as it is; {@code toString()} first runs on the array
         * itself, so that a null one fails as before.
         */
        private void printArrayOfArrays(int opcode, String owner, String name, String desc, boolean itf) {
            if (name.equals("toString") && opcode == Opcodes.INVOKEVIRTUAL) {
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, OBJECT, "toString", "()Ljava/lang/String;", false);
                super.visitInsn(Opcodes.POP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "displayString", "(Ljava/lang/Object;)Ljava/lang/String;",
                        false);
                return;
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "displayString", "(Ljava/lang/Object;)Ljava/lang/String;",
                    false);
            super.visitMethodInsn(opcode, owner, name, desc, itf);
        }

        /**
         * {@code Objects.deepEquals(a, b)}, whose JDK version does not see handles as arrays, as
         * {@code ArrayOps.deepEquals(new Object[] {a}, new Object[] {b})}: the same answer, nulls included.
         */
        private void objectsDeepEquals() {
            super.visitVarInsn(Opcodes.ASTORE, temps + 1);
            super.visitVarInsn(Opcodes.ASTORE, temps);
            for (int i = 0; i < 2; i++) {
                super.visitInsn(Opcodes.ICONST_1);
                super.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.ICONST_0);
                super.visitVarInsn(Opcodes.ALOAD, temps + i);
                super.visitInsn(Opcodes.AASTORE);
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "deepEquals", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
        }

        /**
         * An {@code Unsafe} or method handle call with {@code Object} arguments: an array handle among
         * them is pinned and passed as its JVM array, which raw offsets and element handles expect.
         */
        private void rawAccess(int opcode, String owner, String name, String desc, boolean itf) {
            Type[] args = Type.getArgumentTypes(desc);
            int[] slots = spillArguments(args);
            for (int i = 0; i < args.length; i++) {
                super.visitVarInsn(ArrayTypes.map(args[i]).getOpcode(Opcodes.ILOAD), slots[i]);
                if (ArrayTypes.mentions(args[i].getDescriptor())) {
                    pin(mv, args[i]);
                    super.visitTypeInsn(Opcodes.CHECKCAST, args[i].getInternalName());
                } else if (args[i].getDescriptor().equals("Ljava/lang/Object;")) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "pinHandle",
                            "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                }
            }
            super.visitMethodInsn(opcode, owner, name, desc, itf);
            Type ret = Type.getReturnType(desc);
            if (ArrayTypes.mentions(ret.getDescriptor()) || ret.getDescriptor().equals("Ljava/lang/Object;")) {
                wrap(mv, ret);
            }
        }

        /**
         * Moves a call's arguments (rewritten forms) from the stack to temporaries past all locals;
         * returns their slots, then the first slot still free.
         */
        private int[] spillArguments(Type[] args) {
            int[] slots = slots(temps, args);
            for (int i = args.length - 1; i >= 0; i--) {
                super.visitVarInsn(ArrayTypes.map(args[i]).getOpcode(Opcodes.ISTORE), slots[i]);
            }
            return slots;
        }

        /** {@code Arrays.equals(a, b)} or {@code Arrays.hashCode(a)} of whole arrays of an integral kind or boolean. */
        private boolean isIntegralArrayDescriptor(String name, String desc) {
            char kind = desc.length() > 2 ? desc.charAt(2) : ' ';
            if ("ZBSCIJ".indexOf(kind) < 0) {
                return false;
            }
            return name.equals("equals") && desc.equals("([" + kind + "[" + kind + ")Z")
                    || name.equals("hashCode") && desc.equals("([" + kind + ")I");
        }

        /**
         * Reflection that names types: rewritten code sees and looks up the plain program's types,
         * and gets method handles typed by them.
         */
        private boolean isTypeReflection(String owner, String name, String desc) {
            return switch (owner) {
                case "java/lang/reflect/Field", "java/lang/reflect/RecordComponent" ->
                        name.equals("getType") && desc.equals("()Ljava/lang/Class;") || name.equals("getGenericType");
                case "java/lang/reflect/Parameter" ->
                        name.equals("getType") && desc.equals("()Ljava/lang/Class;") || name.equals("getParameterizedType");
                case "java/lang/reflect/Method" -> name.equals("getReturnType") && desc.equals("()Ljava/lang/Class;")
                        || name.equals("getGenericReturnType") || isParameterTypes(name);
                case "java/lang/reflect/Constructor", "java/lang/reflect/Executable" -> isParameterTypes(name);
                case "java/lang/Class" -> name.equals("getMethod") || name.equals("getDeclaredMethod")
                        || name.equals("getConstructor") || name.equals("getDeclaredConstructor");
                case "java/lang/invoke/MethodHandles$Lookup" -> LOOKUPS.contains(name);
                default -> false;
            };
        }

        private static boolean isParameterTypes(String name) {
            return name.equals("getParameterTypes") || name.equals("getGenericParameterTypes");
        }

        /** JDK methods that must see handles as arrays: LegoJ's versions of them, with the same descriptors. */
        private String redirect(String owner, String name) {
            if (owner.equals("java/lang/reflect/Array")) {
                return REFLECTION;
            }
            if (owner.equals("java/lang/System") && name.equals("arraycopy")
                    || owner.equals("java/util/Arrays") && name.startsWith("deep")) {
                return OPS;
            }
            return owner;
        }

        /** A method of an array class: {@code clone} and {@code Object}'s methods. */
        private void arrayMethod(int opcode, String owner, String name, String desc) {
            boolean primitive = ArrayTypes.isPrimitiveArray(owner);
            if (name.equals("clone")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, primitive ? HANDLES : REFS, "cloneOf", primitive
                        ? "(L" + ArrayTypes.PRIMITIVE_ARRAY + ";)Ljava/lang/Object;" : "(Ljava/lang/Object;)Ljava/lang/Object;",
                        false);
            } else {
                super.visitMethodInsn(opcode, primitive ? ArrayTypes.mapInternalName(owner) : OBJECT, name, desc, false);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
            types.visitInvokeDynamicInsn(name, desc, bsm, args);
            if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                desc = concatenatedArraysOfArrays(desc);
            }
            boolean lambda = bsm.getOwner().equals(LMF) && args.length >= 3 && args[1] instanceof Handle
                    && args[0] instanceof Type && args[2] instanceof Type;
            boolean jdkInterface = !boundaries.isApplication(Type.getReturnType(desc).getInternalName());
            // a lambda of a JDK interface that JDK code calls: arrays come and go as JDK code holds
            // them, as to a method that overrides a JDK one
            boolean jdkFacing = lambda && jdkInterface && ArrayTypes.mentions(((Type) args[2]).getDescriptor());
            Object[] mapped = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                boolean samType = lambda && (i == 0 || i >= 3) && args[i] instanceof Type;
                mapped[i] = samType && jdkInterface || jdkFacing && i == 1 ? args[i] : mapConstant(args[i]);
            }
            if (jdkFacing) {
                Handle impl = (Handle) args[1];
                boolean takesJvmArrays = impl.getTag() > Opcodes.H_PUTSTATIC
                        && boundaries.takesJvmArrays(impl.getOwner(), impl.getName(), impl.getDesc());
                mapped[1] = bridgeFor(impl, takesJvmArrays, Type.getArgumentTypes(desc).length);
                mapped[2] = jdkFacing((Type) args[2], (Type) mapped[0]);
            } else if (lambda) {
                Type erased = eraseMarkers((Type) mapped[2], (Type) mapped[0]);
                Handle target = (Handle) mapped[1];
                if (!erased.equals(mapped[2])) {
                    mapped[2] = erased;
                    if (!isBridge(target) && takesMarker(target)) {
                        mapped[1] = bridgeFor((Handle) args[1], false, -1);
                    }
                }
            }
            super.visitInvokeDynamicInsn(name, ArrayTypes.mapMethodDescriptor(desc), bsm, mapped);
        }

        /** A lambda's instantiated type with each array in it as the JDK interface's method has it there. */
        private Type jdkFacing(Type instantiated, Type sam) {
            Type[] args = instantiated.getArgumentTypes();
            Type[] samArgs = sam.getArgumentTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].getSort() == Type.ARRAY ? samArgs[i] : ArrayTypes.map(args[i]);
            }
            Type ret = instantiated.getReturnType();
            return Type.getMethodType(ret.getSort() == Type.ARRAY ? sam.getReturnType() : ArrayTypes.map(ret), args);
        }

        /**
         * A lambda's instantiated type with each reference array that the interface's method does not
         * take as that same type made an {@code Object}: the lambda's class would cast an argument to it.
         */
        private Type eraseMarkers(Type instantiated, Type sam) {
            Type[] args = instantiated.getArgumentTypes();
            Type[] samArgs = sam.getArgumentTypes();
            for (int i = 0; i < args.length; i++) {
                if (ArrayTypes.isMarker(args[i]) && (i >= samArgs.length || !args[i].equals(samArgs[i]))) {
                    args[i] = Type.getObjectType(OBJECT);
                }
            }
            return Type.getMethodType(instantiated.getReturnType(), args);
        }

        private boolean isBridge(Handle h) {
            return h.getOwner().equals(className) && h.getName().startsWith("legoj$bridge$");
        }

        private static boolean takesMarker(Handle h) {
            for (Type a : Type.getArgumentTypes(h.getDesc())) {
                if (ArrayTypes.isMarker(a)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * String concatenation of arrays of arrays: each such argument becomes its plain string (see
         * {@link #printsObject}) before the call, and the call takes a {@code String} there. Returns the
         * call's descriptor.
         */
        private String concatenatedArraysOfArrays(String desc) {
            Type[] args = Type.getArgumentTypes(desc);
            boolean any = false;
            for (Type a : args) {
                any |= holdsArrays(a.getDescriptor());
            }
            if (!any) {
                return desc;
            }
            int[] slots = spillArguments(args);
            Type string = Type.getType(String.class);
            for (int i = 0; i < args.length; i++) {
                super.visitVarInsn(ArrayTypes.map(args[i]).getOpcode(Opcodes.ILOAD), slots[i]);
                if (holdsArrays(args[i].getDescriptor())) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, BOUNDARY, "displayString",
                            "(Ljava/lang/Object;)Ljava/lang/String;", false);
                    args[i] = string;
                }
            }
            return Type.getMethodDescriptor(Type.getReturnType(desc), args);
        }

        private Object mapConstant(Object c) {
            if (c instanceof Type t && t.getSort() == Type.METHOD) {
                return Type.getMethodType(ArrayTypes.mapMethodDescriptor(t.getDescriptor()));
            }
            if (c instanceof Handle h && ArrayTypes.mentions(h.getDesc())) {
                if (h.getTag() <= Opcodes.H_PUTSTATIC) {
                    return boundaries.isApplicationField(h.getOwner(), h.getName(), h.getDesc())
                            ? new Handle(h.getTag(), h.getOwner(), h.getName(), ArrayTypes.mapDescriptor(h.getDesc()),
                                    h.isInterface()) : h;
                }
                if (!boundaries.takesJvmArrays(h.getOwner(), h.getName(), h.getDesc())) {
                    return new Handle(h.getTag(), h.getOwner(), h.getName(), ArrayTypes.mapMethodDescriptor(h.getDesc()),
                            h.isInterface());
                }
                if (h.getTag() == Opcodes.H_INVOKESPECIAL) {
                    throw new IllegalStateException("a super method reference to " + h.getOwner() + "." + h.getName()
                            + h.getDesc() + " takes JVM arrays; not supported yet");
                }
                return bridgeFor(h, true, -1);
            }
            return c;
        }

        @Override
        public void visitLdcInsn(Object value) {
            types.visitLdcInsn(value);
            super.visitLdcInsn(value instanceof Handle ? mapConstant(value) : value);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            types.visitVarInsn(opcode, var);
            super.visitVarInsn(opcode, var);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            types.visitJumpInsn(opcode, label);
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLabel(Label label) {
            types.visitLabel(label);
            super.visitLabel(label);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            types.visitIincInsn(var, increment);
            super.visitIincInsn(var, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            types.visitTableSwitchInsn(min, max, dflt, labels);
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            types.visitLookupSwitchInsn(dflt, keys, labels);
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitLocalVariable(String name, String desc, String signature, Label start, Label end, int index) {
            super.visitLocalVariable(name, ArrayTypes.mapDescriptor(desc), signature, start, end, index);
        }
    }
}
