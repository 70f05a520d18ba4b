package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.arrays.ArrayMemory;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The type-changing array rewrite: the shape of rewritten classes (descriptors, instructions, bridges,
 * verification), and the corpus programs of {@code arraycorpus} run rewritten and plain with the same
 * results, with every non-empty array remote, with small arrays local, and with all arrays local.
 */
class ArrayTypeRewriterTest {
    private static final String P = "io/legoj/runtime/arrays/";
    private static final String INT_ARRAY = "L" + P + "IntArray;";
    private static final String LONG_ARRAY = "L" + P + "LongArray;";
    private static final String BYTE_ARRAY = "L" + P + "ByteArray;";
    /** The markers of {@code int[][]}, {@code long[][]}, {@code String[]} and {@code String[][]}. */
    private static final String INTS = "L" + P + "types/2_I;";
    private static final String LONGS = "L" + P + "types/2_J;";
    private static final String STRINGS = "L" + P + "types/1_Ljava~lang~String;";
    private static final String STRING_ROWS = "L" + P + "types/2_Ljava~lang~String;";
    private static final int[] PRIMITIVE_LOADS = {Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD,
        Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD};
    private static final int[] PRIMITIVE_STORES = {Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE,
        Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE};

    private static LegojRuntime runtime;

    @BeforeAll
    static void runtime() {
        runtime = TestRuntime.get();
    }

    @AfterAll
    static void uninstall() {
        ArrayMemory.install(null);
    }

    // ------------------------------------------------------------------ rewriting, as ClassRewriter does it

    private static DeclaredMethods methodsOf(String internalName) {
        byte[] b = RewritingLoader.bytes(internalName);
        return b == null ? null : DeclaredMethods.read(b);
    }

    /** {@code bytes} through the array rewrite alone, verified. */
    private static ClassNode rewrite(byte[] bytes) {
        DeclaredMethods self = DeclaredMethods.read(bytes);
        ArrayBoundaries boundaries = new ArrayBoundaries(ClassSelection.defaults(),
                name -> name.equals(self.name()) ? self : methodsOf(name));
        return Asm.rewrite(bytes, next -> new ArrayTypeRewriter(next, boundaries, self, bytes));
    }

    private static ClassNode rewrite(Class<?> c) {
        return rewrite(Asm.bytesOf(c));
    }

    private static MethodNode method(ClassNode c, String name, String descriptor) {
        for (MethodNode m : c.methods) {
            if (m.name.equals(name) && m.desc.equals(descriptor)) {
                return m;
            }
        }
        List<String> all = new ArrayList<>();
        c.methods.forEach(m -> all.add(m.name + m.desc));
        throw new AssertionError("no method " + name + descriptor + " in " + c.name + ": " + all);
    }

    private static FieldNode field(ClassNode c, String name) {
        return c.fields.stream().filter(f -> f.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + c.name));
    }

    private static FieldInsnNode fieldInsn(MethodNode m, String name) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof FieldInsnNode f && f.name.equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no access to " + name + " in " + m.name);
    }

    private static int count(MethodNode m, int opcode) {
        int n = 0;
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == opcode) {
                n++;
            }
        }
        return n;
    }

    /** {@link Asm#calls}, with static field instructions named as such. */
    private static List<String> calls(MethodNode m) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof FieldInsnNode f) {
                String op = switch (f.getOpcode()) {
                    case Opcodes.GETFIELD -> "GETFIELD ";
                    case Opcodes.PUTFIELD -> "PUTFIELD ";
                    case Opcodes.GETSTATIC -> "GETSTATIC ";
                    default -> "PUTSTATIC ";
                };
                out.add(op + f.name);
            } else if (i instanceof InvokeDynamicInsnNode d) {
                out.add("INDY " + d.bsm.getName() + " " + d.name);
            } else if (i instanceof MethodInsnNode c) {
                out.add("CALL " + c.owner.substring(c.owner.lastIndexOf('/') + 1) + "." + c.name);
            }
        }
        return out;
    }

    private static boolean calls(MethodNode m, String prefix) {
        return calls(m).stream().anyMatch(c -> c.startsWith("CALL " + prefix));
    }

    private static List<String> typeInsns(MethodNode m, int opcode) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == opcode) {
                out.add(((TypeInsnNode) i).desc);
            }
        }
        return out;
    }

    /** The class constants {@code m} loads. */
    private static List<Type> ldcTypes(MethodNode m) {
        List<Type> out = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof LdcInsnNode l && l.cst instanceof Type t) {
                out.add(t);
            }
        }
        return out;
    }

    private static MethodInsnNode firstCall(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode c) {
                return c;
            }
        }
        return null;
    }

    /** No element access, {@code arraylength} or creation of a primitive JVM array is left (but the dimensions of {@code createMulti}). */
    private static void noPrimitiveArrayInstructions(ClassNode c, MethodNode m) {
        String where = c.name + "." + m.name + m.desc;
        for (int op : PRIMITIVE_LOADS) {
            assertEquals(0, count(m, op), where + " keeps a load, opcode " + op);
        }
        for (int op : PRIMITIVE_STORES) {
            if (op != Opcodes.IASTORE) {
                assertEquals(0, count(m, op), where + " keeps a store, opcode " + op);
            }
        }
        long multi = calls(m).stream().filter(s -> s.equals("CALL RefArrays.createMulti")).count();
        assertEquals(multi, count(m, Opcodes.NEWARRAY), where + ": newarray other than the dimensions of createMulti");
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof IntInsnNode n && n.getOpcode() == Opcodes.NEWARRAY) {
                assertEquals(Opcodes.T_INT, n.operand, where);
            }
            if (i instanceof MultiANewArrayInsnNode n) {
                assertFalse(ArrayTypes.mentions(n.desc), where + " keeps multianewarray " + n.desc);
            }
            if (i instanceof TypeInsnNode t && t.getOpcode() != Opcodes.CHECKCAST) {
                assertFalse(ArrayTypes.mentions(t.desc) && t.desc.startsWith("["), where + " keeps " + t.desc);
            }
        }
        // iastore only fills the dimensions of createMulti
        assertTrue(count(m, Opcodes.IASTORE) == 0 || multi > 0, where + " keeps iastore");
    }

    // ------------------------------------------------------------------ shape of rewritten classes

    @Test
    void fieldAndMethodDescriptorsMapToHandles() {
        ClassNode c = rewrite(arraycorpus.Declarations.class);
        assertEquals(INT_ARRAY, field(c, "ints").desc);
        assertEquals(LONGS, field(c, "grid").desc);
        assertEquals(STRINGS, field(c, "names").desc);
        assertEquals("L" + P + "DoubleArray;", field(c, "weights").desc);
        assertEquals("L" + P + "types/3_C;", field(c, "cube").desc);
        method(c, "sums", "(" + INTS + ")" + LONG_ARRAY);
        method(c, "square", "(I)" + INTS);
        method(c, "rows", "(I)" + INTS);
        method(c, "strings", "(I)" + STRING_ROWS);
        method(c, "lengthOnly", "(" + BYTE_ARRAY + ")I");
        method(c, "shown", "(" + INT_ARRAY + ")Ljava/lang/String;");
        for (MethodNode m : c.methods) {
            if ((m.access & Opcodes.ACC_NATIVE) == 0) {
                assertFalse(ArrayTypes.mentions(m.desc), m.name + m.desc);
                noPrimitiveArrayInstructions(c, m);
            }
        }
    }

    @Test
    void nativeMethodsKeepTheirDescriptor() {
        ClassNode c = rewrite(arraycorpus.Declarations.class);
        MethodNode nat = method(c, "nat", "([J)[I");
        assertTrue((nat.access & Opcodes.ACC_NATIVE) != 0);
        assertEquals(0, nat.instructions.size());
    }

    @Test
    void elementAccessesCallArrayAccessWithTheMethodsTlb() {
        ClassNode c = rewrite(arraycorpus.Declarations.class);
        MethodNode sums = method(c, "sums", "(" + INTS + ")" + LONG_ARRAY);
        MethodInsnNode first = firstCall(sums);
        assertEquals("io/legoj/runtime/Mmu", first.owner);
        assertEquals("tlb", first.name);
        VarInsnNode store = (VarInsnNode) first.getNext();
        assertEquals(Opcodes.ASTORE, store.getOpcode());
        int tlb = store.var;
        assertEquals(1, calls(sums).stream().filter(s -> s.equals("CALL Mmu.tlb")).count());
        assertTrue(calls(sums).containsAll(List.of("CALL ArrayAccess.getInt", "CALL ArrayAccess.getLong",
                "CALL ArrayAccess.putLong", "CALL ArrayHandles.create")), calls(sums).toString());
        for (AbstractInsnNode i = sums.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode call && call.owner.equals(P + "ArrayAccess")) {
                assertTrue(call.desc.endsWith("Lio/legoj/runtime/Tlb;)" + call.desc.substring(call.desc.indexOf(')') + 1)),
                        call.desc);
                VarInsnNode load = (VarInsnNode) call.getPrevious();
                assertEquals(Opcodes.ALOAD, load.getOpcode());
                assertEquals(tlb, load.var, "each access passes the Tlb local");
            }
        }
        // rows.length is a reference array's (a JVM array or a RefArray), rows[i].length a handle's
        assertEquals(0, count(sums, Opcodes.ARRAYLENGTH));
        assertEquals(2, calls(sums).stream().filter(s -> s.equals("CALL RefArrays.length")).count());
        assertEquals(1, calls(sums).stream().filter(s -> s.equals("GETFIELD length")).count());
    }

    @Test
    void aMethodWithoutElementAccessesTakesNoTlb() {
        ClassNode c = rewrite(arraycorpus.Declarations.class);
        MethodNode length = method(c, "lengthOnly", "(" + BYTE_ARRAY + ")I");
        assertEquals(List.of("GETFIELD length"), calls(length));
        assertEquals(0, count(length, Opcodes.ARRAYLENGTH));
        assertEquals(List.of("CALL RefArrays.create"), calls(method(c, "rows", "(I)" + INTS)));
    }

    @Test
    void creationOfArraysIsReplacedOrMapped() {
        ClassNode c = rewrite(arraycorpus.Declarations.class);
        MethodNode square = method(c, "square", "(I)" + INTS);
        assertEquals(0, count(square, Opcodes.MULTIANEWARRAY));
        assertTrue(calls(square).contains("CALL RefArrays.createMulti"), calls(square).toString());
        assertEquals(List.of(), typeInsns(square, Opcodes.CHECKCAST), "no cast to a marker");
        MethodNode rows = method(c, "rows", "(I)" + INTS);
        assertEquals(List.of(), typeInsns(rows, Opcodes.ANEWARRAY));
        assertEquals(List.of(Type.getType("[[I")), ldcTypes(rows), "the plain class of the new array");
        MethodNode strings = method(c, "strings", "(I)" + STRING_ROWS);
        assertEquals(0, count(strings, Opcodes.MULTIANEWARRAY), "reference arrays too");
        assertTrue(calls(strings).contains("CALL RefArrays.createMulti"), calls(strings).toString());
        MethodNode sums = method(c, "sums", "(" + INTS + ")" + LONG_ARRAY);
        assertEquals(0, count(sums, Opcodes.NEWARRAY));
        // the new long[] from ArrayHandles.create, and each row of the int[][] that RefArrays.load reads
        assertEquals(List.of(P + "LongArray", P + "IntArray", P + "IntArray"), typeInsns(sums, Opcodes.CHECKCAST));
    }

    @Test
    void methodReferencesToJdkMethodsTakingArraysGoThroughABridge() {
        ClassNode c = rewrite(arraycorpus.Declarations.class);
        MethodNode shown = method(c, "shown", "(" + INT_ARRAY + ")Ljava/lang/String;");
        InvokeDynamicInsnNode indy = null;
        for (AbstractInsnNode i = shown.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof InvokeDynamicInsnNode d) {
                indy = d;
            }
        }
        assertNotNull(indy);
        assertEquals(Type.getType("(Ljava/lang/Object;)Ljava/lang/Object;"), indy.bsmArgs[0], "the JDK interface's type");
        Handle target = (Handle) indy.bsmArgs[1];
        assertEquals(c.name, target.getOwner());
        assertEquals("legoj$bridge$0", target.getName());
        assertEquals("(Ljava/lang/Object;)Ljava/lang/String;", target.getDesc(), "JDK code calls it with a JVM array");
        assertEquals(Opcodes.H_INVOKESTATIC, target.getTag());
        assertEquals(Type.getType("(Ljava/lang/Object;)Ljava/lang/String;"), indy.bsmArgs[2]);
        MethodNode bridge = method(c, "legoj$bridge$0", "(Ljava/lang/Object;)Ljava/lang/String;");
        assertEquals(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, bridge.access);
        assertEquals(List.of("CALL ArrayBoundary.wrap", "CALL ArrayBoundary.toJvm", "CALL Arrays.toString"), calls(bridge));
        assertEquals(List.of(P + "IntArray", "[I"), typeInsns(bridge, Opcodes.CHECKCAST));
    }

    @Test
    void aMethodOverridingAJdkMethodKeepsItsDescriptorAndWrapsItsArguments() {
        ClassNode c = rewrite(arraycorpus.Declarations.Bytes.class);
        assertEquals(BYTE_ARRAY, field(c, "data").desc);
        MethodNode read = method(c, "read", "([BII)I");
        method(c, "read", "()I");
        MethodNode mapped = method(c, "read", "(" + BYTE_ARRAY + "I)I");
        List<String> entry = calls(read).subList(0, 2);
        assertTrue(entry.contains("CALL ArrayBoundary.wrap"), calls(read).toString());
        assertEquals(P + "ByteArray", typeInsns(read, Opcodes.CHECKCAST).get(0));
        assertTrue(calls(read).contains("CALL ArrayOps.arraycopy"), calls(read).toString());
        // the mapped method calls the kept one with a JVM array and takes back what it wrote
        assertTrue(calls(mapped, "ArrayBoundary.toJvm"), calls(mapped).toString());
        assertTrue(calls(mapped, "ArrayBoundary.release"), calls(mapped).toString());
        MethodInsnNode kept = null;
        for (AbstractInsnNode i = mapped.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode m && m.name.equals("read")) {
                kept = m;
            }
        }
        assertNotNull(kept);
        assertEquals("([BII)I", kept.desc);
    }

    @Test
    void overridesThroughApplicationClassesAndInterfaceMethodsKeepTheJdkDescriptor() {
        ClassNode more = rewrite(arraycorpus.Declarations.MoreBytes.class);
        MethodNode read = method(more, "read", "([BII)I");
        assertTrue(calls(read).contains("CALL ArrayBoundary.wrap"), calls(read).toString());
        ClassNode sum = rewrite(arraycorpus.Declarations.Sum.class);
        MethodNode update = method(sum, "update", "([BII)V");
        assertTrue(calls(update).contains("CALL ArrayBoundary.wrap"), calls(update).toString());
        assertTrue(calls(update).contains("CALL ArrayAccess.getByte"), calls(update).toString());
        noPrimitiveArrayInstructions(sum, update);
    }

    @Test
    void jdkFieldsNamedThroughAnApplicationSubclassKeepTheirJvmType() {
        ClassNode out = rewrite(RewritingLoader.bytes("arraycorpus/InheritedFields$Out"));
        assertEquals(INT_ARRAY, field(out, "marks").desc);
        MethodNode raw = method(out, "raw", "()" + BYTE_ARRAY);
        assertEquals(List.of("GETFIELD buf", "CALL ArrayBoundary.wrap"), calls(raw));
        assertEquals("[B", fieldInsn(raw, "buf").desc);
        assertEquals("arraycorpus/InheritedFields$Out", fieldInsn(raw, "buf").owner);
        MethodNode grow = method(out, "grow", "(I)V");
        assertEquals("[B", fieldInsn(grow, "buf").desc);
        List<String> growCalls = calls(grow);
        assertEquals("CALL ArrayBoundary.pin", growCalls.get(growCalls.indexOf("PUTFIELD buf") - 1), growCalls.toString());
        MethodNode poke = method(out, "poke", "(IB)V");
        assertEquals("[B", fieldInsn(poke, "buf").desc);
        assertEquals(INT_ARRAY, fieldInsn(poke, "marks").desc);
    }

    @Test
    void fieldsResolveAsTheJvmResolvesThem() {
        ArrayBoundaries b = new ArrayBoundaries(ClassSelection.defaults(), ArrayTypeRewriterTest::methodsOf);
        String out = "arraycorpus/InheritedFields$Out";
        assertTrue(b.isApplicationField(out, "marks", "[I"));
        assertFalse(b.isApplicationField(out, "buf", "[B"));
        assertFalse(b.isApplicationField("java/io/ByteArrayOutputStream", "buf", "[B"));
        assertFalse(b.isApplicationField("arraycorpus/InheritedFields$In", "buf", "[B"), "a superclass's superclass");
        assertTrue(b.isApplicationField("arraycorpus/ControlFlow$Constants", "PRIMES", "[I"), "an interface's");
        assertTrue(b.isApplicationField("arraycorpus/Grids", "statics", "[[[I"));
        assertTrue(b.isApplicationField("p/Missing", "f", "[I"), "unknown classes are taken as rewritten");
    }

    @Test
    void objectsDeepEqualsGoesToArrayOps() {
        ClassNode c = rewrite(arraycorpus.DeepEquality.class);
        List<String> run = calls(method(c, "run", "()Ljava/lang/String;"));
        assertFalse(run.contains("CALL Objects.deepEquals"), run.toString());
        assertEquals(10, run.stream().filter(x -> x.equals("CALL ArrayOps.deepEquals")).count(), run.toString());
    }

    /**
     * {@code class p/Built { int[] f; static long[][] g; native int[] nat(long[]); and straight-line
     * methods with each array instruction }}, and {@code class p/Stream extends java/io/InputStream}.
     */
    private static byte[] built() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/Built", null, "java/lang/Object", null);
        cw.visitField(0, "f", "[I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_STATIC, "g", "[[J", null, null).visitEnd();
        cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_NATIVE, "nat", "([J)[I", null, null).visitEnd();
        MethodVisitor mv = code(cw, "first", "([I)I");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.IALOAD);
        mv.visitInsn(Opcodes.IRETURN);
        end(mv);
        mv = code(cw, "fill", "([D[Z[C)V");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.DCONST_1);
        mv.visitInsn(Opcodes.DASTORE);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.BASTORE);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.CALOAD);
        mv.visitInsn(Opcodes.CASTORE);
        mv.visitInsn(Opcodes.RETURN);
        end(mv);
        mv = code(cw, "multi", "()Ljava/lang/Object;");
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitInsn(Opcodes.ICONST_3);
        mv.visitMultiANewArrayInsn("[[I", 2);
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "multiRef", "()Ljava/lang/Object;");
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitMultiANewArrayInsn("[[Ljava/lang/String;", 2);
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "rows", "()Ljava/lang/Object;");
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "[I");
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "planes", "()Ljava/lang/Object;");
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "[[S");
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "bytes", "()[B");
        mv.visitIntInsn(Opcodes.BIPUSH, 10);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_BYTE);
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "len", "([F)I");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ARRAYLENGTH);
        mv.visitInsn(Opcodes.IRETURN);
        end(mv);
        mv = code(cw, "strings", "()Ljava/lang/Object;");
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "hash", "([I)I");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Arrays", "hashCode", "([I)I", false);
        mv.visitInsn(Opcodes.IRETURN);
        end(mv);
        mv = code(cw, "cast", "(Ljava/lang/Object;)[J");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "[J");
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "isInts", "(Ljava/lang/Object;)Z");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitTypeInsn(Opcodes.INSTANCEOF, "[I");
        mv.visitInsn(Opcodes.IRETURN);
        end(mv);
        mv = code(cw, "copy", "([I)Ljava/lang/Object;");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "[I", "clone", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "type", "([I)Ljava/lang/Class;");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        mv = code(cw, "jdkField", "()[B");
        mv.visitFieldInsn(Opcodes.GETSTATIC, "p/Holder", "b", "[B");
        mv.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/Jdk", "b", "[B");
        mv.visitInsn(Opcodes.POP);
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static MethodVisitor code(ClassWriter cw, String name, String descriptor) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, descriptor, null, null);
        mv.visitCode();
        return mv;
    }

    private static void end(MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    @Test
    void asmBuiltClassEveryArrayInstruction() {
        ClassNode c = rewrite(built());
        assertEquals(INT_ARRAY, field(c, "f").desc);
        assertEquals(LONGS, field(c, "g").desc);
        method(c, "nat", "([J)[I");
        for (MethodNode m : c.methods) {
            if (!m.name.equals("nat")) {
                assertFalse(ArrayTypes.mentions(m.desc), m.name + m.desc);
                noPrimitiveArrayInstructions(c, m);
            }
        }
        assertEquals(List.of("CALL Mmu.tlb", "CALL ArrayAccess.getInt"), calls(method(c, "first", "(" + INT_ARRAY + ")I")));
        assertEquals(List.of("CALL Mmu.tlb", "CALL ArrayAccess.putDouble", "CALL ArrayAccess.putBoolean",
                "CALL ArrayAccess.getChar", "CALL ArrayAccess.putChar"),
                calls(method(c, "fill", "(L" + P + "DoubleArray;L" + P + "BooleanArray;L" + P + "CharArray;)V")));
        MethodNode multi = method(c, "multi", "()Ljava/lang/Object;");
        assertEquals(List.of("CALL RefArrays.createMulti"), calls(multi));
        assertEquals(0, count(multi, Opcodes.MULTIANEWARRAY));
        assertEquals(List.of("CALL RefArrays.createMulti"), calls(method(c, "multiRef", "()Ljava/lang/Object;")));
        for (String creates : List.of("rows", "planes", "strings")) {
            MethodNode m = method(c, creates, "()Ljava/lang/Object;");
            assertEquals(List.of("CALL RefArrays.create"), calls(m), creates);
            assertEquals(0, count(m, Opcodes.ANEWARRAY), creates);
        }
        assertEquals(List.of(Type.getType("[[[S")), ldcTypes(method(c, "planes", "()Ljava/lang/Object;")));
        MethodNode bytes = method(c, "bytes", "()" + BYTE_ARRAY);
        assertEquals(List.of("GETSTATIC BYTE", "CALL ArrayHandles.create"), calls(bytes));
        assertEquals(List.of(P + "ByteArray"), typeInsns(bytes, Opcodes.CHECKCAST));
        assertEquals(List.of("GETFIELD length"), calls(method(c, "len", "(L" + P + "FloatArray;)I")));
        // Arrays.hashCode of an integral kind reads the elements where they are
        assertEquals(List.of("CALL ArrayOps.hashCode"), calls(method(c, "hash", "(" + INT_ARRAY + ")I")));
        assertEquals(List.of("CALL ArrayBoundary.cast"), calls(method(c, "cast", "(Ljava/lang/Object;)" + LONG_ARRAY)));
        assertEquals(List.of("CALL ArrayBoundary.isInstance"), calls(method(c, "isInts", "(Ljava/lang/Object;)Z")));
        assertEquals(0, count(method(c, "isInts", "(Ljava/lang/Object;)Z"), Opcodes.INSTANCEOF));
        assertEquals(List.of("CALL ArrayHandles.cloneOf"), calls(method(c, "copy", "(" + INT_ARRAY + ")Ljava/lang/Object;")));
        assertEquals(List.of("CALL ArrayBoundary.classOf"), calls(method(c, "type", "(" + INT_ARRAY + ")Ljava/lang/Class;")));
        // an application's field is mapped; a JDK class's is read as a JVM array and wrapped
        assertEquals(List.of("GETSTATIC b", "GETSTATIC b", "CALL ArrayBoundary.wrap"),
                calls(method(c, "jdkField", "()" + BYTE_ARRAY)));
    }

    /** Every class of the corpus rewrites and verifies; only natives and JDK overrides keep JVM arrays. */
    @Test
    void everyCorpusClassVerifiesAndKeepsJvmArraysOnlyAtTheBoundary() throws IOException, URISyntaxException {
        Path dir = Path.of(ArrayTypeRewriterTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("arraycorpus");
        List<Path> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        assertTrue(classes.size() > 10, classes.toString());
        Map<String, String> kept = new TreeMap<>();
        List<String> notRewritable = new ArrayList<>();
        for (Path f : classes) {
            byte[] bytes = Files.readAllBytes(f);
            DeclaredMethods facts = DeclaredMethods.read(bytes);
            if (!facts.arraysRewritable()) {
                notRewritable.add(facts.name());
                continue;
            }
            ClassNode c = rewrite(bytes);
            for (FieldNode fd : c.fields) {
                assertFalse(ArrayTypes.mentions(fd.desc), c.name + "." + fd.name + " " + fd.desc);
            }
            for (MethodNode m : c.methods) {
                if (ArrayTypes.mentions(m.desc)) {
                    kept.put(c.name.substring("arraycorpus/".length()) + "." + m.name, m.desc);
                }
                noPrimitiveArrayInstructions(c, m);
            }
        }
        Map<String, String> expected = new TreeMap<>(Map.of(
                "Declarations.nat", "([J)[I",
                "Declarations$Bytes.read", "([BII)I",
                "Declarations$MoreBytes.read", "([BII)I",
                "Declarations$Sum.update", "([BII)V",
                "Streams$Source.read", "([BII)I",
                "Streams$Counting.read", "([BII)I",
                "Streams$Sink.write", "([BII)V",
                "Streams$Letters.read", "([CII)I",
                "Streams$Upper.write", "([CII)V",
                "Streams$Adler.update", "([BII)V"));
        expected.put("Bridges$SummingChecksum.update", "([BII)V");
        expected.put("Bridges$DoublingChecksum.update", "([BII)V");
        assertEquals(expected, kept);
        assertEquals(List.of("arraycorpus/Annotations$Weights"), notRewritable, "annotation types keep JVM arrays");
    }

    // ------------------------------------------------------------------ behaviour

    private static String run(ClassLoader loader, String className) throws Exception {
        try {
            return (String) Class.forName(className, true, loader).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw (Error) e.getCause();
        }
    }

    /** The array memory of the last {@link #sameResult}. */
    private static ArrayMemory lastMemory;

    /** Runs {@code className} plain, then rewritten with arrays of more than {@code localMax} bytes remote. */
    private static String sameResult(String className, long localMax) throws Exception {
        String plain = run(ArrayTypeRewriterTest.class.getClassLoader(), className);
        ArrayMemory memory = new ArrayMemory(runtime.heap(), runtime.cache(), localMax);
        ArrayMemory.install(memory);
        lastMemory = memory;
        RewritingLoader loader = new RewritingLoader("arraycorpus.", ClassRewriter.Features.ARRAYS);
        String rewritten = run(loader, className);
        assertEquals(plain, rewritten, className + " with arrays of more than " + localMax + " bytes remote");
        assertTrue(loader.rewritten.contains(className), loader.rewritten.toString());
        if (localMax >= 1 << 20) {
            assertEquals("remote_arrays=0 remote_array_bytes=0", memory.summary(), "every array local");
        }
        return rewritten;
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void sortingInPlace(long localMax) throws Exception {
        long evictions = runtime.cache().counters.evictions.sum();
        sameResult("arraycorpus.Sorting", localMax);
        if (localMax < 280_000) {
            assertTrue(runtime.cache().counters.evictions.sum() > evictions, "remote, and larger than the cache: "
                    + runtime.summary());
        } else {
            assertEquals(evictions, runtime.cache().counters.evictions.sum(), "local: " + runtime.summary());
        }
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void countedLoopsRunPageByPageWithTheJvmsExceptions(long localMax) throws Exception {
        long evictions = runtime.cache().counters.evictions.sum();
        String out = sameResult("arraycorpus.Loops", localMax);
        assertTrue(out.contains("past the length ArrayIndexOutOfBoundsException: Index 10 out of bounds for length 10"),
                out);
        if (localMax == 0) {
            assertTrue(runtime.cache().counters.evictions.sum() > evictions, "larger than the cache: " + runtime.summary());
        }
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void serializationKeepsThePlainFormOfArrayFields(long localMax) throws Exception {
        String out = sameResult("arraycorpus.Serial", localMax);
        assertTrue(out.contains("Rec suid=") && out.contains(" data:[I ") && out.contains(" grid:[[J "), out);
        assertTrue(out.contains("shared -1"), out);
    }

    @Test
    void serializedStreamsTravelBetweenAPlainJvmAndTheAgent() throws Exception {
        ArrayMemory.install(new ArrayMemory(runtime.heap(), runtime.cache(), 0));
        Class<?> rewritten = Class.forName("arraycorpus.Serial", true,
                new RewritingLoader("arraycorpus.", ClassRewriter.Features.ARRAYS));
        String plainStream = arraycorpus.Serial.stream();
        String expected = arraycorpus.Serial.describe(plainStream);
        assertTrue(expected.startsWith("rec first [1, 2, 3] 100 9801"), expected);
        assertEquals(expected, rewritten.getMethod("describe", String.class).invoke(null, plainStream), "plain to agent");
        String agentStream = (String) rewritten.getMethod("stream").invoke(null);
        assertEquals(expected, arraycorpus.Serial.describe(agentStream), "agent to plain");
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void referenceArraysSmallAndLarge(long localMax) throws Exception {
        String out = sameResult("arraycorpus.References", localMax);
        assertTrue(out.contains("covariance: ArrayStoreException: java.lang.Integer ArrayStoreException: [I"), out);
        assertTrue(out.contains("reflection: r1 2 String[] g2 [[Ljava.lang.Object; IllegalArgumentException: Can not set "
                + "static [Ljava.lang.String; field arraycorpus.References.reflected to [Ljava.lang.Object;"), out);
        if (localMax == 0) {
            assertTrue(lastMemory.summary().matches("remote_arrays=[1-9].*"), lastMemory.summary());
        }
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void multiDimensionalAndJaggedArrays(long localMax) throws Exception {
        sameResult("arraycorpus.Grids", localMax);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void unsafeAndVarHandlesWorkOnTheArraysTheyAreGiven(long localMax) throws Exception {
        assertEquals("unsafe=7 byte100=42 handle=7 byte16=8 ints=110", sameResult("arraycorpus.RawAccess", localMax));
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void reflectionSeesAndFindsThePlainProgramsArrayTypes(long localMax) throws Exception {
        assertEquals("types=[I,[[J params=[class [I] ctor=[class [I] returns=byte[] read=[7, 8] invoke=30 isIntArray=true",
                sameResult("arraycorpus.Reflective", localMax));
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void genericTypesAndMethodHandlesHaveThePlainProgramsArrayTypes(long localMax) throws Exception {
        String result = sameResult("arraycorpus.ReflectiveHandles", localMax);
        assertTrue(result.contains("types=(Bean,int[])int (int)byte[] (Bean)int[]"), result);
    }

    @Test
    void aVarHandleOnAnArrayFieldFailsLoudly() throws Exception {
        assertEquals("count=3 data=5", run(ArrayTypeRewriterTest.class.getClassLoader(), "arraycorpus.ArrayVarHandle"));
        ArrayMemory.install(new ArrayMemory(runtime.heap(), runtime.cache(), 0));
        assertEquals("count=3 LegoJ: a VarHandle on the array field arraycorpus.ArrayVarHandle.data is not supported with"
                + " arrays=remote (its arrays are LegoJ handles); use a method handle or the field",
                run(new RewritingLoader("arraycorpus.", ClassRewriter.Features.ARRAYS), "arraycorpus.ArrayVarHandle"));
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void aMethodWithTwoDescriptorsInOneHierarchyGetsBridges(long localMax) throws Exception {
        assertEquals("summing=1636 doubling=3272 app=6/3", sameResult("arraycorpus.Bridges", localMax));
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void annotationElementsOfArrayTypeAreTheJdksArrays(long localMax) throws Exception {
        assertEquals("sum=15 again=[3, 5, 7] bytes=9 len=1", sameResult("arraycorpus.Annotations", localMax));
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void everyPrimitiveKind(long localMax) throws Exception {
        sameResult("arraycorpus.Kinds", localMax);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void arraycopyOverlappingAndAcrossModesCopyOfAndClone(long localMax) throws Exception {
        sameResult("arraycorpus.Copies", localMax);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void stringsCharsAndBytesRoundTrip(long localMax) throws Exception {
        sameResult("arraycorpus.Text", localMax);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void jdkStreamsCallTheApplicationsArrayMethods(long localMax) throws Exception {
        sameResult("arraycorpus.Streams", localMax);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void lambdasAndMethodReferences(long localMax) throws Exception {
        sameResult("arraycorpus.Lambdas", localMax);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void arraysHeldAsObjects(long localMax) throws Exception {
        sameResult("arraycorpus.Types", localMax);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void exceptionsAndTheirMessages(long localMax) throws Exception {
        String out = sameResult("arraycorpus.Failures", localMax);
        assertTrue(out.contains("read 5: java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5"), out);
        assertTrue(out.contains("new int[2][n]: java.lang.NegativeArraySizeException: -3"), out);
        assertTrue(out.contains("arraycopy int[] into long[]: java.lang.ArrayStoreException: arraycopy: type mismatch: "
                + "can not copy int[] into long[]"), out);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void arraysFromTheJdkAndAliasedByIt(long localMax) throws Exception {
        sameResult("arraycorpus.JdkArrays", localMax);
    }

    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void constructorsTryCatchAndBranches(long localMax) throws Exception {
        sameResult("arraycorpus.ControlFlow", localMax);
    }

    /** Was a NoSuchFieldError: the field instruction names the subclass, but the field is the JDK's. */
    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void arrayFieldsInheritedFromJdkClassesKeepTheirType(long localMax) throws Exception {
        sameResult("arraycorpus.InheritedFields", localMax);
    }

    /** Was false for equal contents: the JDK's deepEquals does not see handles as arrays. */
    @ParameterizedTest(name = "arrays over {0} bytes remote")
    @ValueSource(longs = {0, 64, 1 << 20})
    void objectsDeepEqualsLooksIntoArrays(long localMax) throws Exception {
        assertEquals("true false true true true true false false true true", sameResult("arraycorpus.DeepEquality", localMax));
    }

    @Test
    void withoutArrayMemoryTheFirstNewArrayFailsLoudly() throws Exception {
        ArrayMemory.install(null);
        RewritingLoader loader = new RewritingLoader("arraycorpus.", ClassRewriter.Features.ARRAYS);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> run(loader, "arraycorpus.Kinds"));
        assertTrue(e.getMessage().contains("arrays=remote"), e.getMessage());
    }
}
