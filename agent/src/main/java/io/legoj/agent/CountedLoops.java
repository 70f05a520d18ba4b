package io.legoj.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * Counted loops of rewritten code whose element accesses can share one translation per page: the
 * shapes javac gives {@code for (int i = from; i < n; i++)}, a for-each over an array, and
 * {@code for (int i = from; i >= n; i--)},
 *
 * <pre>
 * HEAD: (frame, empty stack)  iload i; (n); if_icmpge EXIT (or if_icmpgt, for i &lt;= n)
 *       body ... iinc i k; goto HEAD      (k &gt; 0)
 *
 * HEAD: (frame, empty stack)  iload i; (n); if_icmplt EXIT (or if_icmple, for i &gt; n; or iflt, ifle against 0)
 *       body ... iinc i k; goto HEAD      (k &lt; 0)
 * </pre>
 *
 * where {@code n} is a local, a constant, {@code b.length} or {@code m[r].length} of locals, or {@code o.f} or
 * {@code o.f.length} of a field of this class; every element access of the body is an
 * {@code ArrayAccess} call at index {@code i} plus a constant and at most one local the body does not
 * store ({@code to[toOff + i]}, {@code a[i - 1]}), or such a sum less {@code i} ({@code a[n - 1 - i]}),
 * on the value of an array local, on a
 * row {@code m[r]} of locals {@code m} and {@code r} (as in {@code c[r][i]}), or on a field of this
 * class of the object in a local ({@code this.data[i]}). What else in the body may run other code on
 * this thread (a call, but to JDK functions of primitives such as {@code Math.abs}; an allocation, a
 * type check or a field of another class, which may load or initialise a class) is a call after which
 * the run checks its windows, reads the rows and fields its arrays come from again, and an
 * {@code int} field in its bound (a bound that is the length of a row or a field's array needs that
 * array indexed in the body: reading it again might throw where the plain loop does not yet). No
 * monitor, no handler starting or ending inside. The body stores neither the locals
 * the arrays come from, the bound nor the TLB local, and {@code i} only by its final {@code iinc};
 * with a row, it stores into no reference array; with a field, it writes none of the fields it reads
 * once per run instead of each time, and touches no volatile field (the memory model lets a thread
 * read a plain field once for several uses when nothing orders them). Which locals pushed each
 * operand comes from an analysis whose values are "the local last loaded", "the element of these
 * two" or "this field of that one" ({@link Loaded}).
 */
final class CountedLoops {
    static final String ACCESS = ArrayTypes.PACKAGE + "ArrayAccess";
    private static final String REF_ARRAYS = ArrayTypes.PACKAGE + "RefArrays";
    /** Bodies longer than this are left alone: the fast copy doubles them. */
    static final int MAX_BODY = 500;
    /** The most arrays one loop may run over (each takes four locals); an array at two offsets counts twice. */
    static final int MAX_ARRAYS = 4;
    /** The largest constant an index may differ from the loop variable by ({@code a[i - 1]}). */
    static final int MAX_OFFSET = 1 << 16;
    private static final Set<String> PRIMITIVE_FUNCTION_OWNERS = Set.of("java/lang/Math", "java/lang/StrictMath",
            "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Character",
            "java/lang/Boolean", "java/lang/Float", "java/lang/Double");
    /** What an index that is not the loop's variable plus a constant and at most one other local yields. */
    private static final int NOT_AN_INDEX = -2;

    /**
     * Where a loop's array comes from: local {@code local}; or element {@code row} (a local too) of
     * it; or the field {@code field} of this class of the object in it. Its accesses are at index
     * {@code i + offset}, plus the value of local {@code offsetLocal} unless that is -1
     * ({@code to[toOff + i]}), or, when {@code reversed}, at {@code offset + offsetLocal - i}
     * ({@code a[n - 1 - i]}): one window per array and offset.
     */
    record Source(int local, int row, String field, String fieldDescriptor, int offset, int offsetLocal,
            boolean reversed) {
        boolean isRow() {
            return row >= 0;
        }
    }

    /**
     * A loop to rewrite: {@code frame} is the one at {@code head}; {@code bound} the instructions
     * pushing {@code n} (none for a test against 0); {@code step} what the loop adds to
     * {@code index} each time, below 0 when it counts down; {@code accesses} the element accesses of the body, each on the array of
     * {@code arrays[arrayOf[k]]} at {@code index}, with the TLB of local {@code tlb};
     * {@code writes[j]}: the body writes {@code arrays[j]}; {@code calls}: the instructions of the
     * body that may run other code on this thread, after which the windows are checked.
     */
    record Loop(LabelNode head, FrameNode frame, JumpInsnNode test, List<AbstractInsnNode> bound, JumpInsnNode back,
            int index, int step, int tlb, List<MethodInsnNode> accesses, int[] arrayOf, List<Source> arrays, boolean[] writes,
            Set<AbstractInsnNode> calls) {
        /** Which array access {@code c} of the body works on, as an index into {@link #arrays}; -1 for none. */
        int arrayOf(MethodInsnNode c) {
            int k = accesses.indexOf(c);
            return k < 0 ? -1 : arrayOf[k];
        }
    }

    private CountedLoops() {
    }

    /**
     * The loops of {@code m} (a method of {@code owner}, which declares the fields {@code plainFields}
     * and no others that are not volatile) to rewrite, by their back jumps; none when it cannot be analysed.
     */
    static List<Loop> find(String owner, Set<String> plainFields, MethodNode m) {
        List<Loop> loops = new ArrayList<>();
        if (!mayHaveLoops(m)) {
            return loops;
        }
        Frame<Loaded>[] frames;
        try {
            frames = new Analyzer<>(new Loaded.Interpreter(owner)).analyze(owner, m);
        } catch (AnalyzerException e) {
            return loops;
        }
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode back && back.getOpcode() == Opcodes.GOTO) {
                Loop loop = loop(owner, plainFields, m, frames, back);
                if (loop != null) {
                    loops.add(loop);
                }
            }
        }
        return loops;
    }

    private static boolean mayHaveLoops(MethodNode m) {
        boolean access = false;
        boolean backward = false;
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            access |= i instanceof MethodInsnNode c && isElementAccess(c);
            backward |= i instanceof JumpInsnNode j && j.getOpcode() == Opcodes.GOTO
                    && m.instructions.indexOf(j.label) < m.instructions.indexOf(j);
        }
        return access && backward;
    }

    /** An {@code ArrayAccess} element read or write: {@code (array, index[, value], tlb)}. */
    static boolean isElementAccess(MethodInsnNode c) {
        return c.getOpcode() == Opcodes.INVOKESTATIC && c.owner.equals(ACCESS)
                && (c.name.startsWith("get") || c.name.startsWith("put"));
    }

    private static Loop loop(String owner, Set<String> plainFields, MethodNode m, Frame<Loaded>[] frames,
            JumpInsnNode back) {
        InsnList insns = m.instructions;
        int from = insns.indexOf(back.label);
        int to = insns.indexOf(back);
        if (from >= to || to - from > MAX_BODY) {
            return null;
        }
        FrameNode frame = null;
        AbstractInsnNode p = back.label.getNext();
        for (; p instanceof LabelNode || p instanceof LineNumberNode || p instanceof FrameNode; p = p.getNext()) {
            if (p instanceof FrameNode f) {
                frame = f;
            }
        }
        if (frame == null || frame.stack != null && !frame.stack.isEmpty() || frame.type != Opcodes.F_NEW
                || !(p instanceof VarInsnNode load) || load.getOpcode() != Opcodes.ILOAD) {
            return null;
        }
        int index = load.var;
        List<AbstractInsnNode> bound;
        JumpInsnNode test;
        if (p.getNext() instanceof JumpInsnNode zero && (zero.getOpcode() == Opcodes.IFLT || zero.getOpcode() == Opcodes.IFLE)) {
            bound = List.of();
            test = zero;
        } else {
            bound = bound(owner, plainFields, p.getNext());
            if (bound == null || !(bound.get(bound.size() - 1).getNext() instanceof JumpInsnNode t)) {
                return null;
            }
            test = t;
        }
        int op = test.getOpcode();
        boolean up = op == Opcodes.IF_ICMPGE || op == Opcodes.IF_ICMPGT;
        boolean down = op == Opcodes.IF_ICMPLT || op == Opcodes.IF_ICMPLE || op == Opcodes.IFLT || op == Opcodes.IFLE;
        if (!up && !down || insns.indexOf(test.label) <= to || !(previousInstruction(back) instanceof IincInsnNode step)
                || step.var != index || (up ? step.incr <= 0 : step.incr >= 0) || nextInstruction(test) instanceof FrameNode
                || handlerEdgeInside(m, insns.indexOf(test), to)) {
            return null;
        }
        List<Integer> boundLocals = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        for (AbstractInsnNode b : bound) {
            if (b instanceof VarInsnNode v) {
                boundLocals.add(v.var);
            } else if (b instanceof FieldInsnNode f && f.owner.equals(owner)) {
                fields.add(f.name);
            }
        }
        Set<String> written = new HashSet<>();
        boolean touchesOther = false;
        Set<Integer> stored = new HashSet<>();
        List<MethodInsnNode> accesses = new ArrayList<>();
        List<Integer> arrayOf = new ArrayList<>();
        List<Source> arrays = new ArrayList<>();
        boolean storesReference = false;
        boolean[] writes = new boolean[MAX_ARRAYS];
        int tlb = -1;
        Set<AbstractInsnNode> calls = new HashSet<>();
        Map<MethodInsnNode, List<Integer>> rowLoads = new HashMap<>();
        for (AbstractInsnNode i = test.getNext(); i != back; i = i.getNext()) {
            if (i == step) {
                continue;
            }
            storesReference |= i instanceof MethodInsnNode c && c.owner.equals(REF_ARRAYS) && c.name.equals("store");
            if (i instanceof FieldInsnNode f) {
                touchesOther |= !f.owner.equals(owner) || !plainFields.contains(f.name);
                if (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC) {
                    written.add(f.name);
                }
            }
            if (i instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                stored.add(v.var);
            } else if (i instanceof IincInsnNode inc) {
                stored.add(inc.var);
            } else if (i instanceof MethodInsnNode c && isElementAccess(c)) {
                Frame<Loaded> f = frames[insns.indexOf(c)];
                if (f == null) {
                    return null;
                }
                Type[] args = Type.getArgumentTypes(c.desc);
                int top = f.getStackSize() - 1;
                Loaded array = f.getStack(top - args.length + 1);
                Loaded at = f.getStack(top - args.length + 2);
                int offsetLocal = at.local() == index ? at.local2()
                        : at.local2() == index && !at.negated() ? at.local() : NOT_AN_INDEX;
                if (offsetLocal == NOT_AN_INDEX || offsetLocal == index) {
                    return null;
                }
                boolean reversed = at.negated();
                Source a = array.isLoad() ? new Source(array.local(), -1, null, null, at.plus(), offsetLocal, reversed)
                        : array.row() >= 0 ? new Source(array.rows(), array.row(), null, null, at.plus(), offsetLocal, reversed)
                        : array.field() != null ? new Source(array.rows(), -1, array.field(), array.fieldDescriptor(),
                                at.plus(), offsetLocal, reversed)
                        : null;
                Loaded tlbValue = f.getStack(top);
                int t = tlbValue.isLoad() ? tlbValue.local() : -1;
                if (a == null || t < 0 || tlb >= 0 && t != tlb) {
                    return null;
                }
                if (!arrays.contains(a)) {
                    if (arrays.size() == MAX_ARRAYS) {
                        return null;
                    }
                    arrays.add(a);
                }
                tlb = t;
                writes[arrays.indexOf(a)] |= c.name.startsWith("put");
                accesses.add(c);
                arrayOf.add(arrays.indexOf(a));
            } else if (i instanceof MethodInsnNode c && isRowLoad(c)) {
                Frame<Loaded> f = frames[insns.indexOf(c)];
                if (f == null) {
                    return null;
                }
                Loaded rowsValue = f.getStack(f.getStackSize() - 3);
                Loaded rowValue = f.getStack(f.getStackSize() - 2);
                rowLoads.put(c, rowsValue.isLoad() && rowValue.isLoad() ? List.of(rowsValue.local(), rowValue.local()) : null);
            } else if (!harmless(owner, i)) {
                if (!mayCall(i)) {
                    return null;
                }
                calls.add(i);
            }
        }
        // a row read of a loop's own source is of a JVM array, as runs open only over those
        // (ArrayLoops.row); any other element of a reference array may be remote, so its read may miss
        for (Map.Entry<MethodInsnNode, List<Integer>> r : rowLoads.entrySet()) {
            List<Integer> at = r.getValue();
            boolean ofSource = at != null && (arrays.stream().anyMatch(a -> a.isRow() && a.local() == at.get(0)
                    && a.row() == at.get(1)) || readsRow(bound, at.get(0), at.get(1)));
            if (!ofSource) {
                if (!mayCall(r.getKey())) {
                    return null;
                }
                calls.add(r.getKey());
            }
        }
        boolean rows = bound.stream().anyMatch(CountedLoops::isRowLoad) || arrays.stream().anyMatch(Source::isRow);
        List<Integer> read = new ArrayList<>(boundLocals);
        for (Source a : arrays) {
            read.add(a.local());
            read.add(a.row());
            read.add(a.offsetLocal());
            if (a.field() != null) {
                fields.add(a.field());
            }
        }
        // a field is read once per run, not once per iteration: no write of it, nor a field that may be
        // volatile (one not declared here as plain), may come between
        if (accesses.isEmpty() || stored.contains(index) || stored.contains(tlb) || rows && storesReference
                || read.stream().anyMatch(stored::contains) || !fields.isEmpty() && touchesOther
                || fields.stream().anyMatch(written::contains) || !calls.isEmpty() && !boundSurvivesCalls(bound, arrays)) {
            return null;
        }
        return new Loop(back.label, frame, test, bound, back, index, step.incr, tlb, accesses,
                arrayOf.stream().mapToInt(Integer::intValue).toArray(), arrays, Arrays.copyOf(writes, arrays.size()), calls);
    }

    /**
     * The instructions from {@code p} that push a loop's bound: a local, a constant, or the length of an array
     * local, of a row {@code m[r]} of locals, or of a field of this class of the object in a local,
     * or an {@code int} field of this class, plus or minus any number of locals and constants; null
     * for anything else. Fields must be plain ones declared here.
     */
    private static List<AbstractInsnNode> bound(String owner, Set<String> plainFields, AbstractInsnNode p) {
        List<AbstractInsnNode> base = baseBound(owner, plainFields, p);
        if (base == null) {
            return null;
        }
        List<AbstractInsnNode> bound = new ArrayList<>(base);
        // plus or minus constants and int locals: i < a.length - 1, i < n - k
        for (AbstractInsnNode q = bound.get(bound.size() - 1).getNext(); isIntLeaf(q)
                && q.getNext() != null && (q.getNext().getOpcode() == Opcodes.IADD || q.getNext().getOpcode() == Opcodes.ISUB);
                q = q.getNext().getNext()) {
            bound.add(q);
            bound.add(q.getNext());
        }
        return bound;
    }

    /**
     * Whether a run can follow what a call does to the bound: a call may store the row or the field
     * whose array's length it is, and reading that again could throw where the plain loop does not
     * yet. So such an array must be one the body indexes: a call that replaces it closes its window,
     * which ends the run, and the loop's test reads the bound again. An {@code int} field the run
     * reads again after each call.
     */
    private static boolean boundSurvivesCalls(List<AbstractInsnNode> bound, List<Source> arrays) {
        AbstractInsnNode first = bound.isEmpty() ? null : bound.get(0);
        if (bound.stream().anyMatch(CountedLoops::isRowLoad)) {
            int rows = ((VarInsnNode) first).var;
            int row = ((VarInsnNode) first.getNext()).var;
            return arrays.stream().anyMatch(a -> a.isRow() && a.local() == rows && a.row() == row);
        }
        if (first instanceof VarInsnNode o && first.getNext() instanceof FieldInsnNode f && !isLength(f)
                && f.getNext() instanceof FieldInsnNode length && isLength(length)) {
            return arrays.stream().anyMatch(a -> f.name.equals(a.field()) && a.local() == o.var);
        }
        return true;
    }

    /** A local or a constant of type {@code int}. */
    private static boolean isIntLeaf(AbstractInsnNode p) {
        int op = p == null ? -1 : p.getOpcode();
        return op == Opcodes.ILOAD || op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5 || op == Opcodes.BIPUSH
                || op == Opcodes.SIPUSH || p instanceof LdcInsnNode c && c.cst instanceof Integer;
    }

    private static List<AbstractInsnNode> baseBound(String owner, Set<String> plainFields, AbstractInsnNode p) {
        if (isIntLeaf(p)) {
            return List.of(p);
        }
        if (!(p instanceof VarInsnNode a) || a.getOpcode() != Opcodes.ALOAD) {
            return null;
        }
        AbstractInsnNode q = p.getNext();
        if (q instanceof FieldInsnNode f && isLength(f)) {
            return List.of(p, f);
        }
        // the array rewrite's m[r].length: the row read takes the JVM's message for a null m
        if (q instanceof VarInsnNode r && r.getOpcode() == Opcodes.ILOAD && r.getNext() instanceof LdcInsnNode message
                && isRowLoad(message.getNext()) && message.getNext().getNext() instanceof TypeInsnNode cast
                && cast.getOpcode() == Opcodes.CHECKCAST && cast.getNext() instanceof FieldInsnNode f && isLength(f)) {
            return List.of(p, r, message, message.getNext(), cast, f);
        }
        if (q instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD && f.owner.equals(owner)
                && plainFields.contains(f.name)) {
            if (f.desc.equals("I")) {
                return List.of(p, f);
            }
            if (f.getNext() instanceof FieldInsnNode length && isLength(length)) {
                return List.of(p, f, length);
            }
        }
        return null;
    }

    /** The array rewrite's {@code aaload}: {@code RefArrays.load(array, index, nullMessage)}. */
    static boolean isRowLoad(AbstractInsnNode i) {
        return i instanceof MethodInsnNode c && c.getOpcode() == Opcodes.INVOKESTATIC && c.owner.equals(REF_ARRAYS)
                && c.name.equals("load");
    }

    /** Whether a bound reads row {@code row} of {@code rows}: {@code m[r].length}. */
    private static boolean readsRow(List<AbstractInsnNode> bound, int rows, int row) {
        return !bound.isEmpty() && bound.stream().anyMatch(CountedLoops::isRowLoad)
                && ((VarInsnNode) bound.get(0)).var == rows && ((VarInsnNode) bound.get(1)).var == row;
    }

    static boolean isLength(FieldInsnNode f) {
        return f.getOpcode() == Opcodes.GETFIELD && f.owner.equals(ArrayTypes.PRIMITIVE_ARRAY) && f.name.equals("length");
    }

    /**
     * Whether {@code i} in a loop body cannot run code on this thread (which could miss in its TLB and
     * drop the window's pin): calls, and what may load or initialise a class, can.
     */
    private static boolean harmless(String owner, AbstractInsnNode i) {
        return switch (i.getType()) {
            case AbstractInsnNode.METHOD_INSN -> isPrimitiveFunction((MethodInsnNode) i);
            // a cast to an array handle class (a row read's) loads no class: the runtime's are loaded
            case AbstractInsnNode.TYPE_INSN -> i.getOpcode() == Opcodes.CHECKCAST
                    && ((TypeInsnNode) i).desc.startsWith(ArrayTypes.PACKAGE) && ((TypeInsnNode) i).desc.endsWith("Array");
            case AbstractInsnNode.INVOKE_DYNAMIC_INSN, AbstractInsnNode.MULTIANEWARRAY_INSN -> false;
            case AbstractInsnNode.FIELD_INSN -> {
                FieldInsnNode f = (FieldInsnNode) i;
                yield f.owner.equals(owner) || f.owner.equals(ArrayTypes.PRIMITIVE_ARRAY);
            }
            case AbstractInsnNode.LDC_INSN -> ((LdcInsnNode) i).cst instanceof Number || ((LdcInsnNode) i).cst instanceof String;
            case AbstractInsnNode.INT_INSN -> i.getOpcode() != Opcodes.NEWARRAY;
            case AbstractInsnNode.VAR_INSN -> i.getOpcode() != Opcodes.RET;
            case AbstractInsnNode.JUMP_INSN -> i.getOpcode() != Opcodes.JSR;
            case AbstractInsnNode.INSN -> i.getOpcode() != Opcodes.MONITORENTER && i.getOpcode() != Opcodes.MONITOREXIT;
            default -> true;
        };
    }

    /**
     * Whether {@code i}, which is not harmless, may stay in a loop body as a call after which the
     * windows are checked: anything but a monitor and a subroutine.
     */
    private static boolean mayCall(AbstractInsnNode i) {
        int op = i.getOpcode();
        return op != Opcodes.MONITORENTER && op != Opcodes.MONITOREXIT && op != Opcodes.JSR && op != Opcodes.RET;
    }

    /**
     * A static method of {@code Math}, {@code StrictMath} or a box class from primitives to a
     * primitive ({@code Math.abs}, {@code Long.bitCount}, {@code Character.isLetter}): JDK code that
     * reaches no object of the application, so it cannot touch remote memory.
     */
    private static boolean isPrimitiveFunction(MethodInsnNode c) {
        if (c.getOpcode() != Opcodes.INVOKESTATIC || !PRIMITIVE_FUNCTION_OWNERS.contains(c.owner)) {
            return false;
        }
        for (Type t : Type.getArgumentTypes(c.desc)) {
            if (t.getSort() > Type.DOUBLE) {
                return false;
            }
        }
        int result = Type.getReturnType(c.desc).getSort();
        return result != Type.VOID && result <= Type.DOUBLE;
    }

    /** Whether a try block starts or ends, or a handler begins, strictly after {@code from} and up to {@code to}. */
    private static boolean handlerEdgeInside(MethodNode m, int from, int to) {
        for (TryCatchBlockNode b : m.tryCatchBlocks) {
            for (LabelNode l : List.of(b.start, b.end, b.handler)) {
                int at = m.instructions.indexOf(l);
                if (at > from && at <= to) {
                    return true;
                }
            }
        }
        return false;
    }

    private static AbstractInsnNode previousInstruction(AbstractInsnNode i) {
        AbstractInsnNode p = i.getPrevious();
        while (p instanceof LabelNode || p instanceof LineNumberNode) {
            p = p.getPrevious();
        }
        return p;
    }

    private static AbstractInsnNode nextInstruction(AbstractInsnNode i) {
        AbstractInsnNode p = i.getNext();
        while (p instanceof LabelNode || p instanceof LineNumberNode) {
            p = p.getNext();
        }
        return p;
    }

    /**
     * A value of the analysis: its size, and the local whose load pushed it (through copies by
     * {@code dup} and {@code swap}), or -1, for an {@code int} plus a constant {@code plus}
     * ({@code i - 1}) and plus local {@code local2} unless that is -1 ({@code off + i}), or, when
     * {@code negated}, that constant and {@code local2} less the local ({@code n - 1 - i}); or, for an
     * {@code aaload} of two such values, the locals {@code rows} and
     * {@code row} it read; or field {@code field} of this class of the object in local {@code rows};
     * or an {@code int} constant. A loop body that stores none of the locals it looks at (nor into a
     * reference array, nor those fields) uses their values of this iteration.
     */
    record Loaded(int size, int local, int plus, int rows, int row, String field, String fieldDescriptor,
            Integer constant, int local2, boolean negated) implements Value {
        private static final Loaded ONE = of(1);
        private static final Loaded TWO = of(2);

        private static Loaded of(int size) {
            return new Loaded(size, -1, 0, -1, -1, null, null, null, -1, false);
        }

        private static Loaded of(BasicValue v) {
            return v == null ? null : v.getSize() == 2 ? TWO : ONE;
        }

        private static Loaded load(int size, int local) {
            return new Loaded(size, local, 0, -1, -1, null, null, null, -1, false);
        }

        @Override
        public int getSize() {
            return size;
        }

        /** The value of a local, not an offset from it. */
        boolean isLoad() {
            return local >= 0 && plus == 0 && local2 < 0 && !negated;
        }

        /** A local plus a constant ({@code i - 1}), not a sum of two locals. */
        private boolean isLocalPlusConstant() {
            return local >= 0 && local2 < 0 && !negated;
        }

        /** Sizes from ASM's {@link BasicInterpreter}, which the operations here never look past. */
        static final class Interpreter extends org.objectweb.asm.tree.analysis.Interpreter<Loaded> {
            private final BasicInterpreter basic = new BasicInterpreter();
            private final String owner;

            Interpreter(String owner) {
                super(Opcodes.ASM9);
                this.owner = owner;
            }

            private static BasicValue basic(Loaded v) {
                return v.size == 2 ? BasicValue.LONG_VALUE : BasicValue.INT_VALUE;
            }

            @Override
            public Loaded newValue(Type type) {
                return type == Type.VOID_TYPE ? null : type != null && type.getSize() == 2 ? TWO : ONE;
            }

            @Override
            public Loaded newOperation(AbstractInsnNode insn) throws AnalyzerException {
                int op = insn.getOpcode();
                Integer c = op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5 ? op - Opcodes.ICONST_0
                        : op == Opcodes.BIPUSH || op == Opcodes.SIPUSH ? ((IntInsnNode) insn).operand
                        : insn instanceof LdcInsnNode l && l.cst instanceof Integer i ? i : null;
                return c != null ? new Loaded(1, -1, 0, -1, -1, null, null, c, -1, false) : of(basic.newOperation(insn));
            }

            @Override
            public Loaded copyOperation(AbstractInsnNode insn, Loaded value) {
                return insn.getOpcode() >= Opcodes.ILOAD && insn.getOpcode() <= Opcodes.ALOAD
                        ? load(value.size, ((VarInsnNode) insn).var) : value;
            }

            @Override
            public Loaded unaryOperation(AbstractInsnNode insn, Loaded value) throws AnalyzerException {
                if (insn.getOpcode() == Opcodes.CHECKCAST && value.row >= 0) {
                    return value;
                }
                if (insn instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD && f.owner.equals(owner)
                        && value.isLoad()) {
                    return new Loaded(Type.getType(f.desc).getSize(), -1, 0, value.local, -1, f.name, f.desc, null, -1,
                            false);
                }
                return of(basic.unaryOperation(insn, basic(value)));
            }

            @Override
            public Loaded binaryOperation(AbstractInsnNode insn, Loaded v1, Loaded v2) throws AnalyzerException {
                int op = insn.getOpcode();
                if ((op == Opcodes.IADD || op == Opcodes.ISUB) && v1.local >= 0 && v2.constant != null) {
                    return offset(v1, op == Opcodes.IADD ? (long) v2.constant : -(long) v2.constant);
                }
                if (op == Opcodes.IADD && v2.local >= 0 && v1.constant != null) {
                    return offset(v2, v1.constant);
                }
                if (op == Opcodes.ISUB && (v1.isLocalPlusConstant() || v1.constant != null) && v2.isLocalPlusConstant()) {
                    int from = v1.constant != null ? v1.constant : v1.plus;
                    return offset(new Loaded(1, v2.local, 0, -1, -1, null, null, null, v1.local, true), (long) from - v2.plus);
                }
                if (op == Opcodes.IADD && v1.isLocalPlusConstant() && v2.isLocalPlusConstant()) {
                    return offset(new Loaded(1, v1.local, v1.plus, -1, -1, null, null, null, v2.local, false), v2.plus);
                }
                return of(basic.binaryOperation(insn, basic(v1), basic(v2)));
            }

            /** {@code v} plus {@code c}, while the offset stays small. */
            private static Loaded offset(Loaded v, long c) {
                long plus = v.plus + c;
                return Math.abs(plus) > MAX_OFFSET ? ONE
                        : new Loaded(1, v.local, (int) plus, -1, -1, null, null, null, v.local2, v.negated);
            }

            @Override
            public Loaded ternaryOperation(AbstractInsnNode insn, Loaded v1, Loaded v2, Loaded v3) {
                return null;
            }

            @Override
            public Loaded naryOperation(AbstractInsnNode insn, List<? extends Loaded> values) throws AnalyzerException {
                if (isRowLoad(insn) && values.size() == 3 && values.get(0).isLoad() && values.get(1).isLoad()) {
                    return new Loaded(1, -1, 0, values.get(0).local(), values.get(1).local(), null, null, null, -1, false);
                }
                return of(basic.naryOperation(insn, null));
            }

            @Override
            public void returnOperation(AbstractInsnNode insn, Loaded value, Loaded expected) {
            }

            @Override
            public Loaded merge(Loaded v, Loaded w) {
                return v.equals(w) ? v : v.size == w.size ? of(v.size) : ONE;
            }
        }
    }
}
