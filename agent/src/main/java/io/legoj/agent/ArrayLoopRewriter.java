package io.legoj.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Gives each {@link CountedLoops counted loop} over arrays a fast copy of its body, run page by page:
 *
 * <pre>
 * HEAD: if (!(i &lt; n)) goto EXIT
 *       end = ArrayLoops.open(a, i, n, tlb, writes a)     // a's window: base, offset (a: a local, a row m[r], o.f;
 *                                                         // for a[i + c + v], open(a, i + c + v, n + c + v, ...) - c - v)
 *       end = ArrayLoops.open(b, i, end, tlb, writes b)   // and so on for each array of the body
 *       end = ArrayLoops.stillOpen(a, i, end, tlb, ...)  // b's translation did not take a's slot
 *       if (i &gt;= end) goto SLOW                          // no run: the plain body, which throws as the JVM does
 * FAST: body, its accesses at the windows; i += k; if (i &lt; end) goto FAST
 *       reachabilityFence(a, b); goto HEAD
 * SLOW: body; i += k; goto HEAD
 * </pre>
 *
 * <p>A loop that counts down ({@code i >= n}, {@code k < 0}) opens its windows with {@code openDown}
 * (the lowest index, n or n + 1, less one, is the first floor; each later array's window goes down to
 * the floor plus one) and runs while {@code i} is above the floor.
 *
 * <p>A run makes no index check and no TLB lookup; the loop is what it was otherwise. After each call
 * of the fast body, {@code ArrayLoops.afterCall} closes the windows the call invalidated (the rest of
 * the iteration reaches those arrays through {@code ArrayAccess}, and the run ends with it). Runs
 * last in the chain, so that it sees every call the other rewrites added. New frames are the loop
 * head's, with the new locals past all others.
 */
final class ArrayLoopRewriter extends ClassVisitor {
    private static final String LOOPS = ArrayTypes.PACKAGE + "ArrayLoops";
    private static final String TLB = "io/legoj/runtime/Tlb";
    private static final String OBJECT = "java/lang/Object";
    /** {@code ArrayLoops.open}: (array, index, bound, tlb, write) to the run's end. */
    private static final String WINDOW = "(L" + ArrayTypes.PRIMITIVE_ARRAY + ";IIL" + TLB + ";Z)I";
    /** {@code ArrayLoops.stillOpen}: (array, index, end, tlb, write, window base) to the run's end. */
    private static final String STILL_OPEN = "(L" + ArrayTypes.PRIMITIVE_ARRAY + ";IIL" + TLB + ";ZL" + OBJECT + ";)I";
    /**
     * {@code ArrayLoops.afterCall}: (the array its source yields now, the window's array, window base, tlb, the
     * tlb's changes at the run's start) to the base.
     */
    private static final String AFTER_CALL = "(L" + OBJECT + ";L" + ArrayTypes.PRIMITIVE_ARRAY + ";L" + OBJECT + ";L" + TLB
            + ";I)L" + OBJECT + ";";

    /** Instructions a method may grow to with its fast copies: well within the 64 KiB its code may take. */
    static final int MAX_INSTRUCTIONS = 12_000;
    /** At most what a loop gets besides the copy of its body (four arrays). */
    private static final int ADDED_PER_LOOP = 120;
    /** What the fast body gets after each call, per array. */
    private static final int ADDED_PER_CALL = 11;

    private String owner;
    /** The instance fields this class declares, not volatile: a loop may read them once per run. */
    private final Set<String> plainFields = new HashSet<>();
    private final Set<String> otherFields = new HashSet<>();

    ArrayLoopRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if ((access & (Opcodes.ACC_VOLATILE | Opcodes.ACC_STATIC)) == 0 && !otherFields.contains(name)) {
            plainFields.add(name);
        } else {
            // a name used twice (other descriptors, as only other compilers emit) is left alone
            otherFields.add(name);
            plainFields.remove(name);
        }
        return super.visitField(access, name, descriptor, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            @Override
            public void visitEnd() {
                List<CountedLoops.Loop> loops = CountedLoops.find(owner, plainFields, this);
                if (!loops.isEmpty()) {
                    int free = firstFreeLocal(this);
                    int budget = MAX_INSTRUCTIONS - instructions.size();
                    for (CountedLoops.Loop loop : loops) {
                        int copy = instructions.indexOf(loop.back()) - instructions.indexOf(loop.test()) + ADDED_PER_LOOP
                                + ADDED_PER_CALL * loop.calls().size() * loop.arrays().size();
                        if (copy <= budget) {
                            budget -= copy;
                            rewrite(owner, this, loop, free);
                        }
                    }
                }
                accept(next);
            }
        };
    }

    private static void rewrite(String owner, MethodNode m, CountedLoops.Loop loop, int free) {
        int end = free;
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof LabelNode l) {
                labels.put(l, l);
            }
        }
        for (AbstractInsnNode i = loop.test().getNext(); i != loop.back(); i = i.getNext()) {
            if (i instanceof LabelNode l) {
                labels.put(l, new LabelNode());
            }
        }
        LabelNode fast = new LabelNode();
        LabelNode slow = new LabelNode();
        InsnList code = new InsnList();
        // counting down, the run goes on while i is above its floor, which the local end then holds
        boolean down = loop.step() < 0;
        int arrays = loop.arrays().size();
        for (int k = 0; k < arrays; k++) {
            CountedLoops.Source source = loop.arrays().get(k);
            if (source.field() != null) {
                // a null object: no run, and the plain body throws
                code.add(new VarInsnNode(Opcodes.ALOAD, source.local()));
                code.add(new JumpInsnNode(Opcodes.IFNULL, slow));
            }
            code.add(new VarInsnNode(Opcodes.ALOAD, source.local()));
            if (source.field() != null) {
                code.add(new FieldInsnNode(Opcodes.GETFIELD, owner, source.field(), source.fieldDescriptor()));
            } else if (source.isRow()) {
                // null where the row cannot be read: then no run opens, and the plain body throws
                code.add(new VarInsnNode(Opcodes.ILOAD, source.row()));
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LOOPS, "row", "(L" + OBJECT + ";I)L" + OBJECT + ";",
                        false));
                code.add(new TypeInsnNode(Opcodes.CHECKCAST, ArrayTypes.PRIMITIVE_ARRAY));
            }
            code.add(new VarInsnNode(Opcodes.ASTORE, handle(free, k)));
            // the window of a[i + c] is opened at i + c, up to the end + c; its end, less c, is the loop's
            // (a[c - i] runs the other way: opened at c - i, down to c - end + 1; c less its floor is the end)
            boolean windowDown = down != source.reversed();
            code.add(new VarInsnNode(Opcodes.ALOAD, handle(free, k)));
            code.add(new VarInsnNode(Opcodes.ILOAD, loop.index()));
            toWindow(code, source, false);
            if (k == 0) {
                // i <= n: runs end before n + 1 (none when that overflows, and the plain body runs);
                // i > n: the lowest index is n + 1 (which the head's test keeps from overflowing)
                pushLimit(code, loop, labels);
            } else {
                code.add(new VarInsnNode(Opcodes.ILOAD, end));
                if (down) {
                    code.add(new InsnNode(Opcodes.ICONST_1));
                    code.add(new InsnNode(Opcodes.IADD));
                }
            }
            toWindow(code, source, true);
            code.add(new VarInsnNode(Opcodes.ALOAD, loop.tlb()));
            code.add(new InsnNode(loop.writes()[k] ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LOOPS, windowDown ? "openDown" : "open", WINDOW, false));
            fromWindow(code, source);
            code.add(new VarInsnNode(Opcodes.ISTORE, end));
            code.add(new VarInsnNode(Opcodes.ALOAD, loop.tlb()));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, TLB, "windowBase", "L" + OBJECT + ";"));
            code.add(new VarInsnNode(Opcodes.ASTORE, handle(free, k) + 1));
            code.add(new VarInsnNode(Opcodes.ALOAD, loop.tlb()));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, TLB, "windowOffset", "J"));
            code.add(new VarInsnNode(Opcodes.LSTORE, handle(free, k) + 2));
        }
        // opening a later array may have taken an earlier one's TLB slot, and with it its pin
        for (int k = 0; k < arrays - 1; k++) {
            CountedLoops.Source source = loop.arrays().get(k);
            code.add(new VarInsnNode(Opcodes.ALOAD, handle(free, k)));
            code.add(new VarInsnNode(Opcodes.ILOAD, loop.index()));
            toWindow(code, source, false);
            code.add(new VarInsnNode(Opcodes.ILOAD, end));
            toWindow(code, source, false);
            code.add(new VarInsnNode(Opcodes.ALOAD, loop.tlb()));
            code.add(new InsnNode(loop.writes()[k] ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            code.add(new VarInsnNode(Opcodes.ALOAD, handle(free, k) + 1));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LOOPS, down != source.reversed() ? "stillOpenDown" : "stillOpen",
                    STILL_OPEN, false));
            fromWindow(code, source);
            code.add(new VarInsnNode(Opcodes.ISTORE, end));
        }
        if (loop.step() > 1 || loop.step() < -1) {
            // i < end stays below MAX_VALUE - step + 1 (i > floor above MIN_VALUE - step - 1), so that
            // i += step cannot wrap in a run
            code.add(new VarInsnNode(Opcodes.ILOAD, end));
            code.add(new LdcInsnNode(down ? Integer.MIN_VALUE - loop.step() - 1 : Integer.MAX_VALUE - loop.step() + 1));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", down ? "max" : "min", "(II)I", false));
            code.add(new VarInsnNode(Opcodes.ISTORE, end));
        }
        boolean calls = !loop.calls().isEmpty();
        if (calls) {
            // after a call, a frame's window is still pinned while the thread took no slow path since
            code.add(new VarInsnNode(Opcodes.ALOAD, loop.tlb()));
            code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, TLB, "changes", "()I", false));
            code.add(new VarInsnNode(Opcodes.ISTORE, handle(free, arrays)));
        }
        code.add(new VarInsnNode(Opcodes.ILOAD, loop.index()));
        code.add(new VarInsnNode(Opcodes.ILOAD, end));
        code.add(new JumpInsnNode(down ? Opcodes.IF_ICMPLE : Opcodes.IF_ICMPGE, slow));
        code.add(fast);
        code.add(withWindows(loop.frame(), free, arrays, calls));
        String checked = calls ? "Checked" : "";
        for (AbstractInsnNode i = loop.test().getNext(); i != loop.back(); i = i.getNext()) {
            int k = i instanceof MethodInsnNode c ? loop.arrayOf(c) : -1;
            if (k >= 0) {
                MethodInsnNode c = (MethodInsnNode) i;
                code.add(new VarInsnNode(Opcodes.ALOAD, handle(free, k) + 1));
                code.add(new VarInsnNode(Opcodes.LLOAD, handle(free, k) + 2));
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LOOPS, c.name + checked,
                        c.desc.replace(")", "L" + OBJECT + ";J)"), false));
            } else if (i instanceof FrameNode f) {
                code.add(withWindows(f, free, arrays, calls));
            } else {
                code.add(i.clone(labels));
                if (loop.calls().contains(i)) {
                    checkWindows(owner, code, loop, free, end, labels);
                }
            }
        }
        code.add(new VarInsnNode(Opcodes.ILOAD, loop.index()));
        code.add(new VarInsnNode(Opcodes.ILOAD, end));
        code.add(new JumpInsnNode(down ? Opcodes.IF_ICMPGT : Opcodes.IF_ICMPLT, fast));
        for (int k = 0; k < arrays; k++) {
            code.add(new VarInsnNode(Opcodes.ALOAD, handle(free, k)));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/ref/Reference", "reachabilityFence",
                    "(L" + OBJECT + ";)V", false));
        }
        code.add(new JumpInsnNode(Opcodes.GOTO, loop.head()));
        code.add(slow);
        code.add(loop.frame().clone(labels));
        m.instructions.insert(loop.test(), code);
    }

    /**
     * After a call in the fast body, which may have run any code on this thread: closes each window
     * the call invalidated, so that its accesses go through {@code ArrayAccess} for the rest of the
     * iteration, and ends the run with the iteration then. The operand stack is left as it was.
     */
    private static void checkWindows(String owner, InsnList code, CountedLoops.Loop loop, int free, int end,
            Map<LabelNode, LabelNode> labels) {
        int arrays = loop.arrays().size();
        for (int k = 0; k < arrays; k++) {
            pushSource(owner, code, loop.arrays().get(k), handle(free, k));
            code.add(new VarInsnNode(Opcodes.ALOAD, handle(free, k)));
            code.add(new VarInsnNode(Opcodes.ALOAD, handle(free, k) + 1));
            code.add(new VarInsnNode(Opcodes.ALOAD, loop.tlb()));
            code.add(new VarInsnNode(Opcodes.ILOAD, handle(free, arrays)));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LOOPS, "afterCall", AFTER_CALL, false));
            code.add(new VarInsnNode(Opcodes.ASTORE, handle(free, k) + 1));
            code.add(new VarInsnNode(Opcodes.ILOAD, end));
            code.add(new VarInsnNode(Opcodes.ILOAD, loop.index()));
            code.add(new VarInsnNode(Opcodes.ALOAD, handle(free, k) + 1));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LOOPS, "endAfterCall", "(IIL" + OBJECT + ";)I", false));
            code.add(new VarInsnNode(Opcodes.ISTORE, end));
        }
        if (loop.bound().stream().anyMatch(b -> b instanceof FieldInsnNode f && f.desc.equals("I")
                && !CountedLoops.isLength(f))) {
            // an int field in the bound may have changed: the run ends where the loop's test would stop it
            boolean down = loop.step() < 0;
            code.add(new VarInsnNode(Opcodes.ILOAD, end));
            pushLimit(code, loop, labels);
            if (down) {
                code.add(new InsnNode(Opcodes.ICONST_1));
                code.add(new InsnNode(Opcodes.ISUB));
            }
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", down ? "max" : "min", "(II)I", false));
            code.add(new VarInsnNode(Opcodes.ISTORE, end));
        }
    }

    /**
     * The array that array {@code a}'s source yields now: its local's value, the field of the object
     * in its local, or its row (null where reading it would throw).
     */
    private static void pushSource(String owner, InsnList code, CountedLoops.Source a, int handle) {
        if (a.field() != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, a.local()));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, owner, a.field(), a.fieldDescriptor()));
        } else if (a.isRow()) {
            code.add(new VarInsnNode(Opcodes.ALOAD, a.local()));
            code.add(new VarInsnNode(Opcodes.ILOAD, a.row()));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LOOPS, "row", "(L" + OBJECT + ";I)L" + OBJECT + ";", false));
        } else {
            code.add(new VarInsnNode(Opcodes.ALOAD, handle));
        }
    }

    /**
     * The loop's limit in its own terms: the bound (0 for a test against 0), plus one for
     * {@code i <= n} (the end before which runs stop) and for {@code i > n} (the lowest index).
     */
    private static void pushLimit(InsnList code, CountedLoops.Loop loop, Map<LabelNode, LabelNode> labels) {
        for (AbstractInsnNode b : loop.bound()) {
            code.add(b.clone(labels));
        }
        if (loop.bound().isEmpty()) {
            code.add(new InsnNode(Opcodes.ICONST_0));
        }
        int test = loop.test().getOpcode();
        if (test == Opcodes.IF_ICMPGT || test == Opcodes.IF_ICMPLE || test == Opcodes.IFLE) {
            code.add(new InsnNode(Opcodes.ICONST_1));
            code.add(new InsnNode(Opcodes.IADD));
        }
    }

    /**
     * Turns the loop's value on the stack (its index, or a limit: an end, a floor, a lowest index)
     * into one of {@code a}'s window: plus the offset of its accesses (a constant and maybe a local
     * the body does not store), or, for {@code a[c - i]}, the offset less the value, plus one when
     * {@code limit} (a loop's exclusive end is then the window's lowest index, its lowest index the
     * window's exclusive end). Indexes and limits wrap as the program's own {@code int} indexes do:
     * the window opens at the very index the body computes, and a limit that wraps yields no run or
     * a shorter one.
     */
    private static void toWindow(InsnList code, CountedLoops.Source a, boolean limit) {
        if (a.reversed()) {
            code.add(new InsnNode(Opcodes.INEG));
        }
        int c = a.offset() + (a.reversed() && limit ? 1 : 0);
        if (c != 0) {
            code.add(new LdcInsnNode(c));
            code.add(new InsnNode(Opcodes.IADD));
        }
        if (a.offsetLocal() >= 0) {
            code.add(new VarInsnNode(Opcodes.ILOAD, a.offsetLocal()));
            code.add(new InsnNode(Opcodes.IADD));
        }
    }

    /** Turns a limit of {@code a}'s window on the stack back into the loop's: the inverse of {@link #toWindow}. */
    private static void fromWindow(InsnList code, CountedLoops.Source a) {
        if (a.reversed()) {
            toWindow(code, a, false);
            return;
        }
        if (a.offset() != 0) {
            code.add(new LdcInsnNode(-a.offset()));
            code.add(new InsnNode(Opcodes.IADD));
        }
        if (a.offsetLocal() >= 0) {
            code.add(new VarInsnNode(Opcodes.ILOAD, a.offsetLocal()));
            code.add(new InsnNode(Opcodes.ISUB));
        }
    }

    /**
     * The local of array {@code k}'s handle, which it keeps reachable while a run uses the window;
     * the window's base and offset are in the three slots after it. Past the last array's, at
     * {@code handle(free, arrays)}, a body that calls keeps the TLB's changes at the run's start.
     */
    private static int handle(int free, int k) {
        return free + 1 + 4 * k;
    }

    /**
     * {@code frame} with the loop's end, then each array's handle, window base and offset, from slot
     * {@code free}, and, for a body that calls, the TLB's changes at the run's start.
     */
    private static FrameNode withWindows(FrameNode frame, int free, int arrays, boolean calls) {
        List<Object> locals = new ArrayList<>(frame.local);
        for (int slots = slots(locals); slots < free; slots++) {
            locals.add(Opcodes.TOP);
        }
        locals.add(Opcodes.INTEGER);
        for (int k = 0; k < arrays; k++) {
            locals.add(ArrayTypes.PRIMITIVE_ARRAY);
            locals.add(OBJECT);
            locals.add(Opcodes.LONG);
        }
        if (calls) {
            locals.add(Opcodes.INTEGER);
        }
        return new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), frame.stack.size(), frame.stack.toArray());
    }

    /** The first local slot that no instruction, frame or parameter of {@code m} uses. */
    private static int firstFreeLocal(MethodNode m) {
        int free = Type.getArgumentsAndReturnSizes(m.desc) >> 2;
        if ((m.access & Opcodes.ACC_STATIC) != 0) {
            free--;
        }
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof VarInsnNode v) {
                boolean wide = v.getOpcode() == Opcodes.LLOAD || v.getOpcode() == Opcodes.DLOAD
                        || v.getOpcode() == Opcodes.LSTORE || v.getOpcode() == Opcodes.DSTORE;
                free = Math.max(free, v.var + (wide ? 2 : 1));
            } else if (i instanceof IincInsnNode inc) {
                free = Math.max(free, inc.var + 1);
            } else if (i instanceof FrameNode f && f.local != null) {
                free = Math.max(free, slots(f.local));
            }
        }
        return free;
    }

    /** The local slots an expanded frame's locals take: a {@code long} or {@code double} is one entry for two. */
    private static int slots(List<Object> locals) {
        int slots = 0;
        for (Object t : locals) {
            slots += t == Opcodes.LONG || t == Opcodes.DOUBLE ? 2 : 1;
        }
        return slots;
    }
}
