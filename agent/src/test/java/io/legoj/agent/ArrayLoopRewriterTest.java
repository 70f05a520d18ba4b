package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
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
     * Not {@code withCall} (a call), {@code prefix} (an index other than the loop's), {@code five}
     * (more arrays than a loop may have windows), nor the matrix's outer loop (its rows are a
     * reference array's elements).
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
                Map.entry("run", List.of("open", "putInt", "open", "putLong", "open", "putDouble", "open", "putByte",
                        "open", "putFloat", "open", "putDouble"))), byMethod);
    }
}
