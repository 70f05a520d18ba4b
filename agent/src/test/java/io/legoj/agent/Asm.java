package io.legoj.agent;

import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** Runs one class visitor over class bytes and describes the result, for the rewriters' unit tests. */
final class Asm {
    private Asm() {
    }

    /** {@code bytes} through {@code rewrite} (expanded frames, as the agent reads them), verified. */
    static ClassNode rewrite(byte[] bytes, Function<ClassVisitor, ClassVisitor> rewrite) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(rewrite.apply(writer), ClassReader.EXPAND_FRAMES);
        byte[] out = writer.toByteArray();
        ArrayTypes.markersIn(out).forEach(marker -> ArrayTypeMarkers.define(marker, Asm.class.getClassLoader()));
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(out), Asm.class.getClassLoader(), false, new PrintWriter(problems));
        if (problems.toString().length() > 0) {
            throw new AssertionError("rewritten class does not verify:\n" + problems);
        }
        ClassNode node = new ClassNode();
        new ClassReader(out).accept(node, 0);
        return node;
    }

    static byte[] bytesOf(Class<?> c) {
        return RewritingLoader.bytes(c.getName().replace('.', '/'));
    }

    static MethodNode method(ClassNode c, String name) {
        for (MethodNode m : c.methods) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no method " + name + " in " + c.name);
    }

    /** One word per interesting instruction: {@code GETFIELD x}, {@code PUTFIELD x}, {@code INDY x}, {@code CALL o.m}. */
    static List<String> calls(MethodNode m) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof FieldInsnNode f) {
                out.add((i.getOpcode() == org.objectweb.asm.Opcodes.GETFIELD ? "GETFIELD " : "PUTFIELD ") + f.name);
            } else if (i instanceof InvokeDynamicInsnNode d) {
                out.add("INDY " + d.bsm.getName() + " " + d.name);
            } else if (i instanceof MethodInsnNode c) {
                out.add("CALL " + c.owner.substring(c.owner.lastIndexOf('/') + 1) + "." + c.name);
            }
        }
        return out;
    }
}
