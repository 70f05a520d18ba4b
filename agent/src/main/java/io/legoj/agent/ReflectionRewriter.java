package io.legoj.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Routes field reflection of rewritten code to the runtime, which reads or writes remote memory for
 * fields of remote classes. {@code Field.get/set*} and the atomic field updaters' {@code newUpdater}
 * are caller sensitive, so each call becomes a call of a synthetic static method of the same class,
 * which makes the original call (same caller, same checks, same exceptions) and hands the result
 * to the runtime. Method and var handle lookups on fields carry their caller and are routed directly;
 * so is {@code Unsafe.objectFieldOffset}, which fails loudly on a remote field.
 */
final class ReflectionRewriter extends ClassVisitor {
    private static final String REFLECTION = "io/legoj/runtime/objects/Reflection";
    private static final String FIELD = "java/lang/reflect/Field";
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final Set<String> FIELD_ACCESS = Set.of("get", "getBoolean", "getByte", "getChar", "getShort",
            "getInt", "getLong", "getFloat", "getDouble", "set", "setBoolean", "setByte", "setChar", "setShort",
            "setInt", "setLong", "setFloat", "setDouble");
    private static final Set<String> LOOKUP_FIELDS = Set.of("findGetter", "findSetter", "unreflectGetter",
            "unreflectSetter", "findVarHandle", "unreflectVarHandle");
    private static final String ATOMIC = "java/util/concurrent/atomic/";

    private String self;
    private boolean isInterface;
    private int version;
    /** Synthetic helpers to add: name to {owner, method, descriptor of the original call}. */
    private final Map<String, String[]> helpers = new LinkedHashMap<>();

    ReflectionRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.self = name;
        this.version = version & 0xFFFF;
        this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                boolean fieldAccess = opcode == Opcodes.INVOKEVIRTUAL && owner.equals(FIELD) && FIELD_ACCESS.contains(method);
                boolean updater = opcode == Opcodes.INVOKESTATIC && method.equals("newUpdater") && owner.startsWith(ATOMIC)
                        && owner.endsWith("FieldUpdater");
                if ((fieldAccess || updater) && version >= Opcodes.V1_8) {
                    String helperDesc = fieldAccess ? "(L" + FIELD + ";" + desc.substring(1) : desc;
                    String helper = "$legoj$" + method + "$" + Integer.toHexString((owner + desc).hashCode());
                    helpers.put(helper, new String[] {owner, method, desc, helperDesc});
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, self, helper, helperDesc, isInterface);
                } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("sun/misc/Unsafe")
                        && method.equals("objectFieldOffset")) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, method, "(Lsun/misc/Unsafe;" + desc.substring(1),
                            false);
                } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(LOOKUP) && LOOKUP_FIELDS.contains(method)) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, method, "(L" + LOOKUP + ";" + desc.substring(1),
                            false);
                } else {
                    super.visitMethodInsn(opcode, owner, method, desc, itf);
                }
            }
        };
    }

    @Override
    public void visitEnd() {
        for (Map.Entry<String, String[]> h : helpers.entrySet()) {
            String[] call = h.getValue();
            int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                    | (isInterface && version < Opcodes.V9 ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
            MethodVisitor mv = super.visitMethod(access, h.getKey(), call[3], null, null);
            mv.visitCode();
            if (call[0].equals(FIELD)) {
                fieldHelper(mv, call[1], call[2], call[3]);
            } else {
                updaterHelper(mv, call[0], call[2]);
            }
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        super.visitEnd();
    }

    /** {@code f.getX(o)} then {@code Reflection.afterGetX(f, o, value)}; {@code f.setX(o, v)} then {@code afterSet(f, o)}. */
    private static void fieldHelper(MethodVisitor mv, String method, String desc, String helperDesc) {
        Type[] args = Type.getArgumentTypes(helperDesc);
        int slot = 0;
        for (Type a : args) {
            mv.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
            slot += a.getSize();
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, FIELD, method, desc, false);
        Type ret = Type.getReturnType(desc);
        if (method.startsWith("get")) {
            String after = "after" + Character.toUpperCase(method.charAt(0)) + method.substring(1);
            int local = slot;
            mv.visitVarInsn(ret.getOpcode(Opcodes.ISTORE), local);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitVarInsn(ret.getOpcode(Opcodes.ILOAD), local);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, after,
                    "(L" + FIELD + ";Ljava/lang/Object;" + ret.getDescriptor() + ")" + ret.getDescriptor(), false);
            mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, "afterSet", "(L" + FIELD + ";Ljava/lang/Object;)V", false);
            mv.visitInsn(Opcodes.RETURN);
        }
    }

    /** {@code X.newUpdater(holder, [type,] name)} then {@code Reflection.afterXUpdater(holder, name, updater)}. */
    private static void updaterHelper(MethodVisitor mv, String owner, String desc) {
        Type[] args = Type.getArgumentTypes(desc);
        for (int i = 0; i < args.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, i);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "newUpdater", desc, false);
        String kind = owner.contains("Integer") ? "Int" : owner.contains("Long") ? "Long" : "Ref";
        mv.visitVarInsn(Opcodes.ASTORE, args.length);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, args.length - 1);
        mv.visitVarInsn(Opcodes.ALOAD, args.length);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REFLECTION, "after" + kind + "Updater",
                "(Ljava/lang/Class;Ljava/lang/String;L" + owner + ";)L" + owner + ";", false);
        mv.visitInsn(Opcodes.ARETURN);
    }
}
