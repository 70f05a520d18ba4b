package io.legoj.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Runs of linked accesses to primitive fields of one object, in one method: the receiver of each
 * is pushed by {@code ALOAD} of the same local, and between the first and the last nothing may
 * touch remote memory or change which object that is (no call, branch or branch target, other
 * remote field, static field, allocation, type check, monitor, or store to that local). The object's
 * page then stays pinned in the thread's TLB from the first access to the last, so the rewriter
 * translates the object's address once per run. Which instruction pushed a receiver comes from
 * ASM's {@link SourceInterpreter}.
 */
final class FieldRuns {
    /**
     * What a field instruction is in its run: the {@code first} one translates, into the run's
     * base; {@code writes}: some access of the run writes (the base is translated for writing).
     */
    record Role(int run, boolean first, int local, boolean writes) {
    }

    private FieldRuns() {
    }

    /** Which instruction pushed each stack value, per instruction of {@code m}; null when it cannot be analysed. */
    static Frame<SourceValue>[] sources(String owner, MethodNode m) {
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(owner, m);
        } catch (AnalyzerException e) {
            return null;
        }
    }

    /** How many field instructions {@code m} has, static ones included. */
    static int fieldInstructions(MethodNode m) {
        int fields = 0;
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof FieldInsnNode) {
                fields++;
            }
        }
        return fields;
    }

    /**
     * The role of each field instruction of {@code m} (by its place among the method's field
     * instructions, static ones included), or null outside a run of two or more; all null when the
     * method could not be analysed ({@code frames} null, from {@link #sources}).
     */
    static Role[] find(MethodNode m, Frame<SourceValue>[] frames, Predicate<FieldInsnNode> linked) {
        Role[] roles = new Role[fieldInstructions(m)];
        if (frames == null) {
            return roles;
        }
        Set<LabelNode> targets = targets(m);
        int[] lastStore = new int[Math.max(m.maxLocals, 1)];
        Arrays.fill(lastStore, -1);
        List<Integer> run = new ArrayList<>();
        int runLocal = -1;
        boolean writes = false;
        int runs = 0;
        int ordinal = -1;
        for (int at = 0; at < m.instructions.size(); at++) {
            AbstractInsnNode insn = m.instructions.get(at);
            if (insn instanceof FieldInsnNode f) {
                ordinal++;
                int local = member(m, f, frames, frames[at], linked, lastStore);
                if (local >= 0) {
                    if (local != runLocal) {
                        runs += close(roles, run, runs, runLocal, writes);
                        runLocal = local;
                        writes = false;
                    }
                    run.add(ordinal);
                    writes |= f.getOpcode() == Opcodes.PUTFIELD;
                    continue;
                }
                if (f.getOpcode() == Opcodes.GETSTATIC || f.getOpcode() == Opcodes.PUTSTATIC || linked.test(f)) {
                    runs += close(roles, run, runs, runLocal, writes);
                    runLocal = -1;
                }
                continue;
            }
            if (frames[at] == null || breaks(insn) || insn instanceof LabelNode l && targets.contains(l)) {
                runs += close(roles, run, runs, runLocal, writes);
                runLocal = -1;
            }
            if (insn instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE) {
                lastStore[v.var] = at;
                if (v.var == runLocal) {
                    runs += close(roles, run, runs, runLocal, writes);
                    runLocal = -1;
                }
            }
        }
        close(roles, run, runs, runLocal, writes);
        return roles;
    }

    /**
     * The local whose {@code ALOAD} pushed the receiver of {@code f}, when {@code f} is a linked
     * access to a primitive field and the local still holds that object; else -1.
     */
    private static int member(MethodNode m, FieldInsnNode f, Frame<SourceValue>[] frames, Frame<SourceValue> frame,
            Predicate<FieldInsnNode> linked, int[] lastStore) {
        boolean instance = f.getOpcode() == Opcodes.GETFIELD || f.getOpcode() == Opcodes.PUTFIELD;
        int sort = Type.getType(f.desc).getSort();
        if (!instance || frame == null || sort == Type.OBJECT || sort == Type.ARRAY || !linked.test(f)) {
            return -1;
        }
        SourceValue receiver = frame.getStack(frame.getStackSize() - (f.getOpcode() == Opcodes.GETFIELD ? 1 : 2));
        VarInsnNode load = load(m, frames, receiver);
        return load != null && lastStore[load.var] < m.instructions.indexOf(load) ? load.var : -1;
    }

    /** The {@code ALOAD} that pushed {@code v}, looking through {@code DUP}s (as in {@code c.total += 1}); else null. */
    private static VarInsnNode load(MethodNode m, Frame<SourceValue>[] frames, SourceValue v) {
        return source(m, frames, v) instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD ? load : null;
    }

    /** The one instruction that pushed {@code v}, looking through {@code DUP}s; null when there is not one. */
    static AbstractInsnNode source(MethodNode m, Frame<SourceValue>[] frames, SourceValue v) {
        while (v.insns.size() == 1) {
            AbstractInsnNode source = v.insns.iterator().next();
            Frame<SourceValue> before = source.getOpcode() == Opcodes.DUP ? frames[m.instructions.indexOf(source)] : null;
            if (before == null) {
                return source;
            }
            v = before.getStack(before.getStackSize() - 1);
        }
        return null;
    }

    /** Marks {@code run} (ordinals) as run number {@code id} when it has two accesses or more; returns runs added. */
    private static int close(Role[] roles, List<Integer> run, int id, int local, boolean writes) {
        int added = 0;
        if (run.size() >= 2) {
            for (int k = 0; k < run.size(); k++) {
                roles[run.get(k)] = new Role(id, k == 0, local, writes);
            }
            added = 1;
        }
        run.clear();
        return added;
    }

    /** Labels that control reaches other than by falling through: branch targets and handlers. */
    private static Set<LabelNode> targets(MethodNode m) {
        Set<LabelNode> t = new HashSet<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode j) {
                t.add(j.label);
            } else if (i instanceof TableSwitchInsnNode s) {
                t.add(s.dflt);
                t.addAll(s.labels);
            } else if (i instanceof LookupSwitchInsnNode s) {
                t.add(s.dflt);
                t.addAll(s.labels);
            }
        }
        for (TryCatchBlockNode b : m.tryCatchBlocks) {
            t.add(b.handler);
        }
        return t;
    }

    /** Instructions after which the run's page may no longer be pinned, or control may come from elsewhere. */
    private static boolean breaks(AbstractInsnNode i) {
        return switch (i.getType()) {
            case AbstractInsnNode.METHOD_INSN, AbstractInsnNode.INVOKE_DYNAMIC_INSN, AbstractInsnNode.JUMP_INSN,
                    AbstractInsnNode.TABLESWITCH_INSN, AbstractInsnNode.LOOKUPSWITCH_INSN, AbstractInsnNode.FRAME,
                    AbstractInsnNode.TYPE_INSN, AbstractInsnNode.MULTIANEWARRAY_INSN -> true;
            case AbstractInsnNode.INT_INSN -> ((IntInsnNode) i).getOpcode() == Opcodes.NEWARRAY;
            case AbstractInsnNode.VAR_INSN -> ((VarInsnNode) i).getOpcode() == Opcodes.RET;
            case AbstractInsnNode.LDC_INSN -> !(((LdcInsnNode) i).cst instanceof Number || ((LdcInsnNode) i).cst instanceof String);
            case AbstractInsnNode.INSN -> {
                int op = ((InsnNode) i).getOpcode();
                yield op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT || op == Opcodes.ATHROW
                        || op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
            }
            default -> false;
        };
    }
}
