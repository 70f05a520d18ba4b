package io.legoj.agent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The JVM's helpful message for a null receiver that a remote field read produced ({@code a.next.x}
 * with {@code next} remote): the rewritten read is an {@code invokedynamic}, which the JVM cannot
 * describe, so the rewriter checks such receivers itself with the message the plain program gets,
 * {@code Cannot read field "x" because "a.next" is null}. Only chains of instance fields that start
 * at a local, {@code this}, a parameter or a static field are described, as the JVM does (at most
 * five names: a longer chain keeps its last five fields); any other start leaves the JVM's own check.
 */
final class NullMessages {
    private static final int MAX_NAMES = 5;

    private NullMessages() {
    }

    /**
     * By field instruction of {@code m} (static ones included), the message of a null receiver for a
     * linked access whose receiver a linked field read pushed, or null. {@code names}: instructions
     * that push a local's value in another form ({@link AddressLocals}), with the local's name.
     */
    static String[] find(MethodNode m, Frame<SourceValue>[] frames, Predicate<FieldInsnNode> linked,
            Map<AbstractInsnNode, String> names) {
        String[] messages = new String[FieldRuns.fieldInstructions(m)];
        if (frames == null) {
            return messages;
        }
        int ordinal = -1;
        for (int at = 0; at < m.instructions.size(); at++) {
            if (!(m.instructions.get(at) instanceof FieldInsnNode f)) {
                continue;
            }
            ordinal++;
            Frame<SourceValue> frame = frames[at];
            boolean instance = f.getOpcode() == Opcodes.GETFIELD || f.getOpcode() == Opcodes.PUTFIELD;
            if (!instance || frame == null || !linked.test(f)) {
                continue;
            }
            SourceValue receiver = frame.getStack(frame.getStackSize() - (f.getOpcode() == Opcodes.GETFIELD ? 1 : 2));
            if (FieldRuns.source(m, frames, receiver) instanceof FieldInsnNode read && read.getOpcode() == Opcodes.GETFIELD
                    && linked.test(read)) {
                String described = describe(m, frames, read, names);
                if (described != null) {
                    messages[ordinal] = (f.getOpcode() == Opcodes.GETFIELD ? "Cannot read field \"" : "Cannot assign field \"")
                            + f.name + "\" because \"" + described + "\" is null";
                }
            }
        }
        return messages;
    }

    /**
     * The JVM's message for a null array of a reference-array instruction ({@code aaload},
     * {@code aastore}, {@code arraylength}), which the array rewrite turns into a call: by ordinal
     * among those instructions of {@code m}, or null where the JVM could not name the array either
     * (the call then throws the JVM's message without a name). {@code sources} analyses {@code m}
     * ({@link FieldRuns#sources}), only when it has such instructions.
     */
    static String[] forArrays(MethodNode m, Supplier<Frame<SourceValue>[]> sources) {
        int count = 0;
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            count += isArrayInstruction(i) ? 1 : 0;
        }
        String[] messages = new String[count];
        Frame<SourceValue>[] frames = count == 0 ? null : sources.get();
        if (frames == null) {
            return messages;
        }
        int ordinal = -1;
        for (int at = 0; at < m.instructions.size(); at++) {
            AbstractInsnNode i = m.instructions.get(at);
            if (!isArrayInstruction(i)) {
                continue;
            }
            ordinal++;
            Frame<SourceValue> frame = frames[at];
            if (frame == null) {
                continue;
            }
            int depth = switch (i.getOpcode()) {
                case Opcodes.AASTORE -> 3;
                case Opcodes.AALOAD -> 2;
                default -> 1;
            };
            AbstractInsnNode source = FieldRuns.source(m, frames, frame.getStack(frame.getStackSize() - depth));
            String described = source instanceof FieldInsnNode read && read.getOpcode() == Opcodes.GETFIELD
                    ? describe(m, frames, read, Map.of())
                    : source instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD ? local(m, load)
                    : source instanceof FieldInsnNode s && s.getOpcode() == Opcodes.GETSTATIC
                            ? s.owner.replace('/', '.') + "." + s.name : null;
            if (described != null) {
                String what = switch (i.getOpcode()) {
                    case Opcodes.AASTORE -> "Cannot store to object array";
                    case Opcodes.AALOAD -> "Cannot load from object array";
                    default -> "Cannot read the array length";
                };
                messages[ordinal] = what + " because \"" + described + "\" is null";
            }
        }
        return messages;
    }

    private static boolean isArrayInstruction(AbstractInsnNode i) {
        int op = i.getOpcode();
        return op == Opcodes.AALOAD || op == Opcodes.AASTORE || op == Opcodes.ARRAYLENGTH;
    }

    /** What the JVM prints for the value {@code read} pushed ({@code a.next}), or null when it starts elsewhere. */
    private static String describe(MethodNode m, Frame<SourceValue>[] frames, FieldInsnNode read,
            Map<AbstractInsnNode, String> names) {
        Deque<String> fields = new ArrayDeque<>();
        AbstractInsnNode at = read;
        while (at instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD) {
            fields.addFirst(f.name);
            Frame<SourceValue> frame = frames[m.instructions.indexOf(f)];
            at = frame == null ? null : FieldRuns.source(m, frames, frame.getStack(frame.getStackSize() - 1));
        }
        String root;
        if (at instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
            root = local(m, load);
        } else if (names.containsKey(at)) {
            root = names.get(at);
        } else if (at instanceof FieldInsnNode s && s.getOpcode() == Opcodes.GETSTATIC) {
            root = s.owner.replace('/', '.') + "." + s.name;
        } else {
            return null;
        }
        if (fields.size() >= MAX_NAMES) {
            while (fields.size() > MAX_NAMES) {
                fields.removeFirst();
            }
            return String.join(".", fields);
        }
        return root + "." + String.join(".", fields);
    }

    /** A local as the JVM names it: its name in scope, else {@code this}, {@code <parameterN>} or {@code <localN>}. */
    static String local(MethodNode m, VarInsnNode load) {
        int at = m.instructions.indexOf(load);
        if (m.localVariables != null) {
            for (LocalVariableNode v : m.localVariables) {
                if (v.index == load.var && m.instructions.indexOf(v.start) <= at && at < m.instructions.indexOf(v.end)) {
                    return v.name;
                }
            }
        }
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        if (!isStatic && load.var == 0) {
            return "this";
        }
        int slot = isStatic ? 0 : 1;
        Type[] params = Type.getArgumentTypes(m.desc);
        for (int i = 0; i < params.length; i++) {
            if (slot == load.var) {
                return "<parameter" + (i + 1) + ">";
            }
            slot += params[i].getSize();
        }
        return "<local" + load.var + ">";
    }
}
