package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Which counted loops get a fast copy, and what it calls. */
class ArrayLoopRewriterTest {
    private static ClassNode rewritten(Class<?> c) {
        byte[] out = new ClassRewriter(ClassSelection.defaults(), ClassRewriter.Features.ARRAYS)
                .rewrite(Asm.bytesOf(c), null, name -> {
                    byte[] b = RewritingLoader.bytes(name);
                    return b == null ? null : DeclaredMethods.read(b);
                });
        return Asm.rewrite(out, next -> next);
    }

    private static List<String> loopCalls(MethodNode m) {
        List<String> calls = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode c && c.owner.endsWith("/ArrayLoops")) {
                calls.add(c.name);
            }
        }
        return calls;
    }

    /**
     * Not {@code sumShared} (a volatile field), {@code replaceDuring} (it writes the field),
     * {@code sumAlongTotals} (a call may drop the array whose length bounds it, which it does not
     * index), nor an inherited field.
     */
    @Test
    void loopsOverFieldsOfTheirClassGetAFastCopy() {
        Map<String, List<String>> byMethod = new TreeMap<>();
        for (MethodNode m : rewritten(arraycorpus.Loops.Holder.class).methods) {
            List<String> calls = loopCalls(m);
            if (!calls.isEmpty()) {
                byMethod.put(m.name, calls);
            }
        }
        assertEquals(Map.of("sumData", List.of("open", "getInt"), "sumSize", List.of("open", "getInt"),
                "sumReplacing", List.of("open", "getIntChecked", "afterCall", "endAfterCall"),
                "sumShrinking", List.of("open", "getIntChecked", "afterCall", "endAfterCall"),
                "weighAll", List.of("open", "getIntChecked", "afterCall", "endAfterCall"),
                "scaleTotals", List.of("open", "open", "stillOpen", "getLong", "getInt", "putLong")), byMethod);
        assertEquals(List.of(), loopCalls(Asm.method(rewritten(arraycorpus.Loops.Derived.class), "sum")),
                "an inherited field, which may be volatile");
    }

    /**
     * Not {@code five} (more arrays than a loop may have windows),
     * {@code swapRows} (it stores a row), {@code sliding} (it changes its offset), {@code doubled}
     * ({@code a[i + i]}), nor the outer loops of rows.
     */
    @Test
    void loopsWithoutCallsGetAFastCopy() {
        Map<String, List<String>> byMethod = new TreeMap<>();
        for (MethodNode m : rewritten(arraycorpus.Loops.class).methods) {
            List<String> calls = loopCalls(m);
            if (!calls.isEmpty()) {
                byMethod.put(m.name, calls);
            }
        }
        assertEquals(Map.ofEntries(
                Map.entry("sum", List.of("open", "getInt")),
                Map.entry("total", List.of("open", "getDouble")),
                Map.entry("matrix", List.of("open", "open", "stillOpen", "getDouble", "getDouble")),
                Map.entry("add", List.of("open", "open", "open", "stillOpen", "stillOpen", "getInt", "getLong",
                        "putLong")),
                Map.entry("copy", List.of("open", "open", "stillOpen", "getChar", "putChar")),
                Map.entry("rowSums", List.of("row", "open", "getDouble")),
                Map.entry("scaleRows", List.of("row", "open", "getLong", "putLong")),
                Map.entry("column", List.of("row", "open", "getInt")),
                Map.entry("inclusive", List.of("open", "getInt")),
                Map.entry("strided", List.of("open", "getLong", "getLong", "putLong")),
                Map.entry("prefix", List.of("open", "open", "stillOpen", "getLong", "getLong", "putLong")),
                Map.entry("smooth", List.of("open", "open", "open", "open", "stillOpen", "stillOpen", "stillOpen",
                        "getDouble", "getDouble", "getDouble", "putDouble")),
                Map.entry("copyAt", List.of("open", "open", "stillOpen", "getInt", "putInt")),
                Map.entry("sumFrom", List.of("open", "getInt")),
                Map.entry("flatRow", List.of("open", "open", "stillOpen", "getLong", "getLong")),
                Map.entry("addDigits", List.of("openDown", "openDown", "openDown", "stillOpenDown", "stillOpenDown",
                        "getByte", "getByte", "putByte")),
                Map.entry("shiftRight", List.of("openDown", "openDown", "stillOpenDown", "getLong", "putLong")),
                Map.entry("suffix", List.of("openDown", "getInt", "putInt")),
                Map.entry("downToOne", List.of("openDown", "getDouble")),
                Map.entry("backwardsAt", List.of("openDown", "getInt")),
                Map.entry("firstTen", List.of("open", "getInt")),
                Map.entry("shiftLeft", List.of("open", "open", "stillOpen", "getInt", "putInt")),
                Map.entry("inner", List.of("open", "open", "open", "stillOpen", "stillOpen", "getDouble", "getDouble",
                        "putDouble")),
                Map.entry("tail", List.of("openDown", "getLong")),
                Map.entry("reverseInto", List.of("open", "openDown", "stillOpen", "getInt", "putInt")),
                Map.entry("palindrome", List.of("open", "openDown", "stillOpen", "getChar", "getChar")),
                Map.entry("convolve", List.of("open", "openDown", "stillOpen", "getDouble", "getDouble")),
                Map.entry("mirrorDown", List.of("open", "getLong")),
                Map.entry("rowReplacing", List.of("row", "open", "getLongChecked", "row", "afterCall", "endAfterCall")),
                Map.entry("rowWalk", List.of("row", "open", "getLongChecked", "row", "afterCall", "endAfterCall")),
                Map.entry("withCall", List.of("open", "getInt")),
                Map.entry("withOwnCall", List.of("open", "getIntChecked", "afterCall", "endAfterCall")),
                Map.entry("evictingCall", List.of("open", "getIntChecked", "afterCall", "endAfterCall", "putIntChecked",
                        "getIntChecked", "putIntChecked")),
                // the array goes to ByteBuffer.wrap through a conversion: three calls
                Map.entry("pinningCall", List.of("open", "getByteChecked", "putByteChecked", "afterCall", "endAfterCall",
                        "afterCall", "endAfterCall", "afterCall", "endAfterCall", "getByteChecked", "putByteChecked")),
                Map.entry("downWithCall", List.of("openDown", "openDown", "stillOpenDown", "getDoubleChecked",
                        "getDoubleChecked", "afterCall", "endAfterCall", "afterCall", "endAfterCall", "putDoubleChecked")),
                Map.entry("primitiveFunctions", List.of("open", "open", "open", "stillOpen", "stillOpen", "getLong",
                        "getChar", "getLong", "getInt", "getLong", "putInt")),
                Map.entry("sumTo", List.of("open", "getLong")),
                Map.entry("sumPast", List.of("open", "getLong")),
                Map.entry("forEach", List.of("open", "getDouble")),
                Map.entry("fill", List.of("open", "putShort")),
                Map.entry("increment", List.of("open", "getChar", "putChar")),
                Map.entry("flip", List.of("open", "getBoolean", "putBoolean", "getBoolean")),
                Map.entry("bytes", List.of("open", "getByte", "putByte", "getByte")),
                Map.entry("floats", List.of("open", "getFloat", "putFloat", "getFloat", "getFloat")),
                Map.entry("indexOf", List.of("open", "getInt")),
                Map.entry("firstOver", List.of("open", "getLong")),
                Map.entry("skipOdd", List.of("open", "getInt", "getInt")),
                Map.entry("divide", List.of("open", "getInt")),
                Map.entry("scaled", List.of("open", "getInt")),
                Map.entry("run", List.of("open", "putInt", "open", "putLong", "open", "putDouble", "open", "putBoolean",
                        "open", "putByte", "open", "putFloat", "row", "open", "putDouble", "open", "putDouble", "open", "putChar"))),
                byMethod);
    }

    /** {@code static long sums(int[] a)}: {@code loops} loops, each summing {@code a[i]} {@code perBody} times. */
    private static byte[] manyLoops(int loops, int perBody) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "generated/ManyLoops", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "sums", "([I)J", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.LCONST_0);
        mv.visitVarInsn(Opcodes.LSTORE, 1);
        for (int l = 0; l < loops; l++) {
            Label head = new Label();
            Label exit = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ISTORE, 3);
            mv.visitLabel(head);
            mv.visitVarInsn(Opcodes.ILOAD, 3);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.ARRAYLENGTH);
            mv.visitJumpInsn(Opcodes.IF_ICMPGE, exit);
            for (int k = 0; k < perBody; k++) {
                mv.visitVarInsn(Opcodes.LLOAD, 1);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ILOAD, 3);
                mv.visitInsn(Opcodes.IALOAD);
                mv.visitInsn(Opcodes.I2L);
                mv.visitInsn(Opcodes.LADD);
                mv.visitVarInsn(Opcodes.LSTORE, 1);
            }
            mv.visitIincInsn(3, 1);
            mv.visitJumpInsn(Opcodes.GOTO, head);
            mv.visitLabel(exit);
        }
        mv.visitVarInsn(Opcodes.LLOAD, 1);
        mv.visitInsn(Opcodes.LRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void aMethodGetsFastCopiesOnlyWhileItStaysFarFromTheCodeSizeLimit() {
        byte[] few = manyLoops(3, 10);
        byte[] many = manyLoops(30, 40);
        ClassRewriter rewriter = new ClassRewriter(ClassSelection.defaults(), ClassRewriter.Features.ARRAYS);
        int fewOpens = opens(rewriter.rewrite(few, null, name -> name.equals("generated/ManyLoops")
                ? DeclaredMethods.read(few) : null));
        byte[] out = rewriter.rewrite(many, null, name -> name.equals("generated/ManyLoops") ? DeclaredMethods.read(many)
                : null);
        int manyOpens = opens(out);
        assertEquals(3, fewOpens);
        // each body is 40 * 8 = 320 instructions once rewritten: 30 copies would double the method
        assertTrue(manyOpens > 0 && manyOpens < 30, manyOpens + " loops of 30 got a fast copy");
        java.io.StringWriter problems = new java.io.StringWriter();
        org.objectweb.asm.util.CheckClassAdapter.verify(new ClassReader(out), getClass().getClassLoader(), false,
                new java.io.PrintWriter(problems));
        assertEquals("", problems.toString());
    }

    private static int opens(byte[] bytes) {
        return (int) loopCalls(Asm.method(Asm.rewrite(bytes, next -> next), "sums")).stream().filter("open"::equals).count();
    }
}
