package io.legoj.agent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class's supertypes, declared methods ({@code name + descriptor} to access flags) and declared
 * fields ({@code name + descriptor}), read from its bytes, and whether the array rewrite applies to
 * it at all ({@link #arraysRewritable}).
 */
record DeclaredMethods(String name, String superName, List<String> interfaces, Map<String, Integer> methods,
        Set<String> fields, boolean arraysRewritable) {

    static DeclaredMethods read(byte[] bytes) {
        Map<String, Integer> methods = new HashMap<>();
        Set<String> fields = new HashSet<>();
        String[] header = new String[2];
        boolean[] rewritable = new boolean[1];
        List<String>[] interfaces = new List[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] itfs) {
                header[0] = name;
                header[1] = superName;
                // older class files have no stack map frames to type array instructions by; annotation
                // types are implemented by the JDK's proxies, which return JVM arrays
                rewritable[0] = (version & 0xFFFF) >= Opcodes.V1_6 && (access & Opcodes.ACC_ANNOTATION) == 0;
                interfaces[0] = itfs == null ? List.of() : List.of(itfs);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.add(name + descriptor);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                methods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new DeclaredMethods(header[0], header[1], interfaces[0], Map.copyOf(methods), Set.copyOf(fields),
                rewritable[0]);
    }
}
