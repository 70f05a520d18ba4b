package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Each rewriter alone, on small classes, checked instruction by instruction and by the verifier. */
class RewritersTest {
    private static final ClassSelection SELECTION = ClassSelection.defaults();

    /** {@code class p/Inner { Object this$0; int x; Inner(Object o) { this$0 = o; super(); x = 1; } int get() { return x; } }} */
    private static byte[] innerClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/Inner", null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, "this$0", "Ljava/lang/Object;", null, null);
        cw.visitField(0, "x", "I", null, null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(Ljava/lang/Object;)V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitFieldInsn(Opcodes.PUTFIELD, "p/Inner", "this$0", "Ljava/lang/Object;");
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitInsn(Opcodes.ICONST_1);
        init.visitFieldInsn(Opcodes.PUTFIELD, "p/Inner", "x", "I");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor get = cw.visitMethod(Opcodes.ACC_PUBLIC, "get", "()I", null, null);
        get.visitCode();
        get.visitVarInsn(Opcodes.ALOAD, 0);
        get.visitFieldInsn(Opcodes.GETFIELD, "p/Inner", "x", "I");
        get.visitInsn(Opcodes.IRETURN);
        get.visitMaxs(0, 0);
        get.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void fieldAccessesBecomeLinkedCallSitesAndEarlyStoresAreCopiedAfterSuper() {
        byte[] bytes = innerClass();
        ClassNode c = Asm.rewrite(bytes, next -> new FieldAccessRewriter(next, SELECTION, ClassFacts.read(bytes), true,
                name -> true, bytes));
        assertEquals(List.of("CALL Mmu.tlb", "PUTFIELD this$0", "CALL Object.<init>", "GETFIELD this$0",
                "INDY put this$0", "PUTFIELD x", "INDY put x"), Asm.calls(Asm.method(c, "<init>")));
        assertEquals(List.of("CALL Mmu.tlb", "GETFIELD x", "INDY get x"), Asm.calls(Asm.method(c, "get")));
        assertEquals("(Lp/Inner;Lio/legoj/runtime/Tlb;)I", ((org.objectweb.asm.tree.InvokeDynamicInsnNode)
                java.util.Arrays.stream(Asm.method(c, "get").instructions.toArray())
                        .filter(i -> i instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode).findFirst().orElseThrow())
                .desc);
    }

    @Test
    void aLocalClassKeepsPlainAccessesToItsOwnFields() {
        byte[] bytes = innerClass();
        ClassNode c = Asm.rewrite(bytes, next -> new FieldAccessRewriter(next, SELECTION, ClassFacts.read(bytes), false,
                name -> false, bytes));
        assertEquals(List.of("GETFIELD x"), Asm.calls(Asm.method(c, "get")));
    }

    @Test
    void theTopRemoteClassBecomesAHandleWithAnIdentityHashCode() {
        byte[] bytes = innerClass();
        ClassNode c = Asm.rewrite(bytes, next -> new RemoteClassMarker(new RemoteHandleAdder(next, false)));
        assertTrue(c.interfaces.contains(RemoteHandleAdder.REMOTE_OBJECT));
        for (String name : List.of(RemoteHandleAdder.ADDRESS_FIELD, RemoteHandleAdder.BASE_FIELD, RemoteHandleAdder.STAMP_FIELD)) {
            assertTrue(c.fields.stream().anyMatch(f -> f.name.equals(name) && f.desc.equals("J")
                    && (f.access & (Opcodes.ACC_TRANSIENT | Opcodes.ACC_PRIVATE)) == (Opcodes.ACC_TRANSIENT | Opcodes.ACC_PRIVATE)),
                    name);
        }
        // a fresh clone copies the original's remembered translation: binding its own storage forgets it
        assertEquals(List.of("PUTFIELD $legoj$addr", "PUTFIELD $legoj$stamp"), Asm.calls(Asm.method(c, "$legoj$bind")));
        assertEquals(List.of("PUTFIELD $legoj$base", "PUTFIELD $legoj$stamp"), Asm.calls(Asm.method(c, "$legoj$remember")));
        assertEquals(List.of("CALL RemoteObjects.identityHashCode"), Asm.calls(Asm.method(c, "hashCode")));
        assertEquals(List.of("GETFIELD $legoj$addr", "CALL RemoteObjects.address"), Asm.calls(Asm.method(c, "$legoj$address")));
        assertEquals(RemoteClassMarker.ANNOTATION, c.visibleAnnotations.get(0).desc);
    }

    static final class Identity implements Cloneable {
        int hash() {
            return System.identityHashCode(this) + super.hashCode();
        }

        @Override
        protected Object clone() throws CloneNotSupportedException {
            return super.clone();
        }
    }

    @Test
    void identityHashCodesComeFromTheHeaderAndClonesGetStorage() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(Identity.class), IdentityCallRewriter::new);
        assertEquals(List.of("CALL RemoteObjects.identityHashCode", "CALL RemoteObjects.identityHashCode"),
                Asm.calls(Asm.method(c, "hash")));
        assertEquals(List.of("CALL Object.clone", "CALL RemoteObjects.afterClone"), Asm.calls(Asm.method(c, "clone")));
    }

    static final class Weak {
        Object make(Object o) {
            Map<Object, Object> m = new WeakHashMap<>();
            m.put(o, o);
            return new WeakReference<>(o);
        }
    }

    @Test
    void referentsArePinnedAndWeakMapsPin() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(Weak.class), WeakReferenceRewriter::new);
        List<String> calls = Asm.calls(Asm.method(c, "make"));
        assertTrue(calls.contains("CALL PinningWeakHashMap.<init>"), calls.toString());
        int pin = calls.indexOf("CALL Handles.pin");
        assertEquals("CALL WeakReference.<init>", calls.get(pin + 1), calls.toString());
    }

    static final class Reflecting {
        int read(java.lang.reflect.Field f, Object o) throws IllegalAccessException {
            return f.getInt(o);
        }
    }

    @Test
    void fieldReflectionGoesThroughASyntheticMethodOfTheCaller() {
        ClassNode c = Asm.rewrite(Asm.bytesOf(Reflecting.class), ReflectionRewriter::new);
        List<String> calls = Asm.calls(Asm.method(c, "read"));
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).startsWith("CALL RewritersTest$Reflecting.$legoj$getInt$"), calls.toString());
        MethodNode helper = c.methods.stream().filter(m -> m.name.startsWith("$legoj$getInt$")).findFirst().orElseThrow();
        assertTrue((helper.access & Opcodes.ACC_SYNTHETIC) != 0);
        assertEquals(List.of("CALL Field.getInt", "CALL Reflection.afterGetInt"), Asm.calls(helper));
    }

    @Test
    void classSelectionFollowsDefaultsIncludesAndExcludes() {
        assertFalse(SELECTION.isApplication("java/util/HashMap"));
        assertFalse(SELECTION.isApplication("io/legoj/runtime/Mmu"));
        assertTrue(SELECTION.isApplication("com/example/Main"));
        assertTrue(SELECTION.isApplication("io/legoj/examples/kvstore/KvStore"));
        ClassSelection custom = new ClassSelection(List.of("io.legoj.bench.work.**"), List.of("com.example.*"));
        assertTrue(custom.isApplication("io/legoj/bench/work/deep/Node"));
        assertFalse(custom.isApplication("com/example/Main"));
        assertTrue(custom.isApplication("com/example/sub/Main"));
    }

    @Test
    void classKindsFollowTheHierarchy() {
        Map<String, ClassFacts> facts = Map.of(
                "p/Base", ClassFacts.read(classBytes("p/Base", "java/lang/Object", 0)),
                "p/Native", ClassFacts.read(classBytes("p/Native", "java/lang/Object", Opcodes.ACC_NATIVE)),
                "p/Sub", ClassFacts.read(classBytes("p/Sub", "p/Base", 0)),
                "p/UnderNative", ClassFacts.read(classBytes("p/UnderNative", "p/Native", 0)),
                "p/Failure", ClassFacts.read(classBytes("p/Failure", "java/lang/RuntimeException", 0)));
        ClassKinds kinds = new ClassKinds(facts::get, SELECTION);
        assertEquals(ClassKind.REMOTE_TOP, kinds.decide(facts.get("p/Base")).kind());
        assertEquals(ClassKind.REMOTE_SUB, kinds.decide(facts.get("p/Sub")).kind());
        assertEquals("declares native methods", kinds.decide(facts.get("p/Native")).reason());
        assertEquals("its superclass p.Native is local", kinds.decide(facts.get("p/UnderNative")).reason());
        assertTrue(kinds.decide(facts.get("p/Failure")).reason().startsWith("Serializable"));
    }

    private static byte[] classBytes(String name, String superName, int methodAccess) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, null);
        cw.visitMethod(Opcodes.ACC_PUBLIC | methodAccess | (methodAccess == 0 ? Opcodes.ACC_ABSTRACT : 0), "m", "()V",
                null, null).visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
