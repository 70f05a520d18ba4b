package io.legoj.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Locals that hold remote objects only to read their fields and test them for null, as in
 * {@code for (Node x = head; x != null; x = x.next) sum += x.value}: such a local keeps the
 * object's address (a {@code long}) instead of its handle, so walking a structure looks up no
 * canonical handle per hop, only the translation of the address it reads.
 *
 * <p>A local (a parameter of a remote class too, whose value is taken on entry, but not
 * {@code this}) qualifies when every {@code ALOAD} of it is directly followed by
 * a linked {@code GETFIELD} of a remote class, by {@code IFNULL}/{@code IFNONNULL} or by
 * {@code ARETURN}, and every {@code ASTORE} to it directly follows {@code ACONST_NULL}, a linked
 * {@code GETFIELD} of a field whose type is a remote class (its stored form is then 0 or an
 * address, never a local object's id), or what pushes a remote class's instance or null: the
 * {@code ALOAD} of {@code this} or of a parameter of a remote class that the method never assigns,
 * a {@code CHECKCAST} to a remote class, a call returning one. A local that is returned must also
 * be assigned from a field somewhere (a walk) and always from one class, which its handle is made
 * of, canonical as any, on the way out: one lookup per call instead of one per hop. Which classes
 * are remote is decided from their bytes as when they load; the runtime refuses to link a read that
 * turns out not to be remote.
 *
 * <p>Each such local gets two new ones past the method's Tlb and run base: the address, and an
 * anchor holding the last handle an address was taken from (a new object that never escaped must
 * stay alive while its address is read; objects reached through fields escaped, so stay anyway).
 * Both are set on entry, so every frame holds them. The rewrite changes the method's tree, but
 * leaves its field instructions in place, for the rewriter to emit from the {@link Role}s.
 */
final class AddressLocals {
    private static final String NULLS = "io/legoj/runtime/objects/Nulls";
    private static final String REFS = "io/legoj/runtime/objects/Refs";
    private static final Handle ADDRESS_OF = new Handle(Opcodes.H_INVOKESTATIC, "io/legoj/runtime/objects/FieldLinker",
            "addressOf", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
            + "Ljava/lang/invoke/CallSite;", false);

    /**
     * A qualifying local: its index among them, the one class it is assigned from (for returns) or
     * null, and whether it is a parameter (whose value is taken as an address on entry).
     */
    private record Chosen(int index, String type, boolean parameter) {
    }

    /**
     * What a linked {@code GETFIELD} becomes: its receiver is an address on the stack when
     * {@code anchor >= 0} (the local that keeps its handle alive), and its result is the field's
     * stored form (a {@code long}) when {@code raw}.
     */
    record Role(int anchor, boolean raw) {
        boolean addressReceiver() {
            return anchor >= 0;
        }
    }

    /** By field instruction (static ones included), or null. */
    final Role[] roles;
    /** Address locals made. */
    final int count;
    /** The {@code Nulls.address} checks of address receivers, with the name the JVM gives their local. */
    final Map<AbstractInsnNode, String> names;

    private AddressLocals(Role[] roles, int count, Map<AbstractInsnNode, String> names) {
        this.roles = roles;
        this.count = count;
        this.names = names;
    }

    /** First slot of the {@code k}th address local (two slots), past {@code tlbSlot} and the run base. */
    static int addressSlot(int tlbSlot, int k) {
        return tlbSlot + 3 + 3 * k;
    }

    static int anchorSlot(int tlbSlot, int k) {
        return addressSlot(tlbSlot, k) + 2;
    }

    /**
     * Rewrites the qualifying locals of {@code m} (whose Tlb local is {@code tlbSlot}) in place.
     * {@code linked}: field instructions that become linked sites; {@code remote}: application
     * classes that are remote.
     */
    static AddressLocals rewrite(String self, MethodNode m, int tlbSlot, Predicate<FieldInsnNode> linked,
            Predicate<String> remote) {
        Role[] roles = new Role[FieldRuns.fieldInstructions(m)];
        Map<AbstractInsnNode, String> names = new HashMap<>();
        Map<Integer, Chosen> chosen = choose(self, m, linked, remote);
        if (chosen.isEmpty()) {
            return new AddressLocals(roles, 0, names);
        }
        Map<Integer, String> paramTypes = paramTypes(self, m);
        Map<FieldInsnNode, Integer> ordinals = new HashMap<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof FieldInsnNode f) {
                ordinals.put(f, ordinals.size());
            }
        }
        List<VarInsnNode> uses = new ArrayList<>();
        // named before the list changes: each change makes the list index its instructions again
        Map<VarInsnNode, String> localNames = new HashMap<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof VarInsnNode v && chosen.containsKey(v.var)
                    && (v.getOpcode() == Opcodes.ALOAD || v.getOpcode() == Opcodes.ASTORE)) {
                uses.add(v);
                if (v.getOpcode() == Opcodes.ALOAD) {
                    localNames.put(v, NullMessages.local(m, v));
                }
            }
        }
        for (VarInsnNode v : uses) {
            int k = chosen.get(v.var).index();
            int address = addressSlot(tlbSlot, k);
            if (v.getOpcode() == Opcodes.ASTORE) {
                AbstractInsnNode producer = v.getPrevious();
                if (producer instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD) {
                    Role r = roles[ordinals.get(f)];
                    roles[ordinals.get(f)] = new Role(r == null ? -1 : r.anchor(), true);
                } else if (producer.getOpcode() == Opcodes.ACONST_NULL) {
                    m.instructions.set(producer, new InsnNode(Opcodes.LCONST_0));
                } else {
                    InsnList take = new InsnList();
                    take.add(new InsnNode(Opcodes.DUP));
                    take.add(new VarInsnNode(Opcodes.ASTORE, anchorSlot(tlbSlot, k)));
                    String type = pushedClass(producer, f -> false, c -> true, paramTypes, m);
                    take.add(new InvokeDynamicInsnNode("address", "(L" + type + ";)J", ADDRESS_OF));
                    m.instructions.insert(producer, take);
                }
                m.instructions.set(v, new VarInsnNode(Opcodes.LSTORE, address));
                continue;
            }
            AbstractInsnNode consumer = v.getNext();
            if (consumer.getOpcode() == Opcodes.ARETURN) {
                InsnList handle = new InsnList();
                handle.add(new VarInsnNode(Opcodes.LLOAD, address));
                handle.add(new MethodInsnNode(Opcodes.INVOKESTATIC, REFS, "decode", "(J)Ljava/lang/Object;", false));
                handle.add(new TypeInsnNode(Opcodes.CHECKCAST, chosen.get(v.var).type()));
                m.instructions.insertBefore(v, handle);
                m.instructions.remove(v);
                continue;
            }
            if (consumer instanceof JumpInsnNode j) {
                InsnList compare = new InsnList();
                compare.add(new InsnNode(Opcodes.LCONST_0));
                compare.add(new InsnNode(Opcodes.LCMP));
                m.instructions.insertBefore(j, compare);
                j.setOpcode(j.getOpcode() == Opcodes.IFNULL ? Opcodes.IFEQ : Opcodes.IFNE);
                m.instructions.set(v, new VarInsnNode(Opcodes.LLOAD, address));
                continue;
            }
            FieldInsnNode f = (FieldInsnNode) consumer;
            String name = localNames.get(v);
            MethodInsnNode check = new MethodInsnNode(Opcodes.INVOKESTATIC, NULLS, "address", "(JLjava/lang/String;)J", false);
            InsnList load = new InsnList();
            load.add(new VarInsnNode(Opcodes.LLOAD, address));
            load.add(new LdcInsnNode("Cannot read field \"" + f.name + "\" because \"" + name + "\" is null"));
            load.add(check);
            m.instructions.insertBefore(v, load);
            m.instructions.remove(v);
            names.put(check, name);
            Role r = roles[ordinals.get(f)];
            roles[ordinals.get(f)] = new Role(anchorSlot(tlbSlot, k), r != null && r.raw());
        }
        InsnList init = new InsnList();
        for (Map.Entry<Integer, Chosen> e : chosen.entrySet()) {
            int k = e.getValue().index();
            if (e.getValue().parameter()) {
                init.add(new VarInsnNode(Opcodes.ALOAD, e.getKey()));
                init.add(new InsnNode(Opcodes.DUP));
                init.add(new VarInsnNode(Opcodes.ASTORE, anchorSlot(tlbSlot, k)));
                init.add(new InvokeDynamicInsnNode("address", "(L" + paramTypes.get(e.getKey()) + ";)J", ADDRESS_OF));
            } else {
                init.add(new InsnNode(Opcodes.LCONST_0));
                init.add(new InsnNode(Opcodes.ACONST_NULL));
                init.add(new VarInsnNode(Opcodes.ASTORE, anchorSlot(tlbSlot, k)));
            }
            init.add(new VarInsnNode(Opcodes.LSTORE, addressSlot(tlbSlot, k)));
        }
        m.instructions.insert(init);
        forgetObjects(m, chosen);
        m.maxLocals = Math.max(m.maxLocals, addressSlot(tlbSlot, chosen.size()));
        // for the analyses that follow (the writer computes both again): a long where a reference
        // was, with a message or a zero beside it, takes at most three slots more
        m.maxStack = Math.max(m.maxStack + 3, 4);
        return new AddressLocals(roles, chosen.size(), names);
    }

    /** The qualifying locals. */
    private static Map<Integer, Chosen> choose(String self, MethodNode m, Predicate<FieldInsnNode> linked,
            Predicate<String> remote) {
        Map<Integer, String> paramTypes = paramTypes(self, m);
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        int firstLocal = (Type.getArgumentsAndReturnSizes(m.desc) >> 2) - (isStatic ? 1 : 0);
        // parameters qualify too (their value is one more assignment, on entry), but not this
        int firstParameter = isStatic ? 0 : 1;
        int slots = Math.max(m.maxLocals, 1);
        boolean[] bad = new boolean[slots];
        boolean[] read = new boolean[slots];
        boolean[] walked = new boolean[slots];
        boolean[] returned = new boolean[slots];
        List<Set<String>> types = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            types.add(new HashSet<>());
        }
        for (int slot = firstParameter; slot < firstLocal; slot++) {
            String type = paramTypes.get(slot);
            if (type != null && remote.test(type)) {
                types.get(slot).add(type);
            } else {
                bad[slot] = true;
            }
        }
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (!(i instanceof VarInsnNode v) || v.var < firstParameter) {
                continue;
            }
            if (v.getOpcode() == Opcodes.ASTORE) {
                AbstractInsnNode p = v.getPrevious();
                String type = pushedClass(p, linked, remote, paramTypes, m);
                bad[v.var] |= type == null;
                walked[v.var] |= p instanceof FieldInsnNode;
                if (type != null && !type.isEmpty()) {
                    types.get(v.var).add(type);
                }
            } else if (v.getOpcode() == Opcodes.ALOAD) {
                AbstractInsnNode next = v.getNext();
                boolean field = next instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD && linked.test(f)
                        && remote.test(f.owner);
                boolean test = next != null && (next.getOpcode() == Opcodes.IFNULL || next.getOpcode() == Opcodes.IFNONNULL);
                boolean ret = next != null && next.getOpcode() == Opcodes.ARETURN;
                read[v.var] |= field;
                returned[v.var] |= ret;
                bad[v.var] |= !field && !test && !ret;
            }
        }
        Map<Integer, Chosen> chosen = new LinkedHashMap<>();
        for (int slot = firstParameter; slot < slots; slot++) {
            Set<String> t = types.get(slot);
            boolean returnable = !returned[slot] || walked[slot] && t.size() == 1;
            if (read[slot] && !bad[slot] && !t.isEmpty() && returnable) {
                chosen.put(slot, new Chosen(chosen.size(), t.size() == 1 ? t.iterator().next() : null, slot < firstLocal));
            }
        }
        return chosen;
    }

    /** The class of each parameter slot that holds an object ({@code this} included). */
    private static Map<Integer, String> paramTypes(String self, MethodNode m) {
        Map<Integer, String> types = new HashMap<>();
        int slot = 0;
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            types.put(slot++, self);
        }
        for (Type p : Type.getArgumentTypes(m.desc)) {
            if (p.getSort() == Type.OBJECT) {
                types.put(slot, p.getInternalName());
            }
            slot += p.getSize();
        }
        return types;
    }

    /**
     * The remote class whose instance (or null) {@code p} pushes, "" when it pushes null only, or
     * null when it may push anything else.
     */
    private static String pushedClass(AbstractInsnNode p, Predicate<FieldInsnNode> linked, Predicate<String> remote,
            Map<Integer, String> paramTypes, MethodNode m) {
        if (p == null) {
            return null;
        }
        if (p.getOpcode() == Opcodes.ACONST_NULL) {
            return "";
        }
        String type = null;
        if (p instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD && linked.test(f) && remote.test(f.owner)) {
            type = objectType(Type.getType(f.desc));
        } else if (p instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && !assigned(m, v.var)) {
            type = paramTypes.get(v.var);
        } else if (p instanceof TypeInsnNode t && t.getOpcode() == Opcodes.CHECKCAST) {
            type = objectType(Type.getObjectType(t.desc));
        } else if (p instanceof MethodInsnNode call) {
            type = objectType(Type.getReturnType(call.desc));
        }
        return type != null && remote.test(type) ? type : null;
    }

    private static String objectType(Type t) {
        return t.getSort() == Type.OBJECT ? t.getInternalName() : null;
    }

    private static boolean assigned(MethodNode m, int slot) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof VarInsnNode v && v.var == slot && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Frames no longer find an object in the chosen slots (their new locals are appended by the
     * rewriter, after the Tlb), and the debug tables no longer name them.
     */
    private static void forgetObjects(MethodNode m, Map<Integer, Chosen> chosen) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (!(i instanceof FrameNode frame) || frame.local == null) {
                continue;
            }
            int slot = 0;
            for (int e = 0; e < frame.local.size(); e++) {
                Object type = frame.local.get(e);
                if (chosen.containsKey(slot) && (type instanceof String || type == Opcodes.NULL)) {
                    frame.local.set(e, Opcodes.TOP);
                }
                slot += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
            }
        }
        if (m.localVariables != null) {
            m.localVariables.removeIf(v -> chosen.containsKey(v.index) && (v.desc.startsWith("L") || v.desc.startsWith("[")));
        }
    }
}
