package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The messages the rewriter gives null receivers of chained remote reads, as the JVM words them. */
class NullMessagesTest {
    @SuppressWarnings("unused")
    static final class Chain {
        static Chain root;
        Chain next;
        int x;

        static int param(Chain c) {
            return c.next.next.x;
        }

        int self() {
            Chain local = next;
            return local.next.x + next.x;
        }

        static void deep(Chain c) {
            c.next.next.next.next.next.next.x = 1;
        }

        static int fromStatic() {
            return root.next.x;
        }
    }

    private static List<String> messages(String method, int readerFlags) {
        ClassNode c = new ClassNode();
        new ClassReader(Asm.bytesOf(Chain.class)).accept(c, readerFlags);
        MethodNode m = Asm.method(c, method);
        String[] found = NullMessages.find(m, FieldRuns.sources(c.name, m), f -> f.owner.equals(c.name) && !f.name.equals("root"),
                java.util.Map.of());
        return Arrays.stream(found).filter(Objects::nonNull).toList();
    }

    @Test
    void chainsFromLocalsThisParametersAndStaticsAreNamedAsTheJvmDoes() {
        assertEquals(List.of("Cannot read field \"next\" because \"c.next\" is null",
                "Cannot read field \"x\" because \"c.next.next\" is null"), messages("param", ClassReader.EXPAND_FRAMES));
        assertEquals(List.of("Cannot read field \"x\" because \"local.next\" is null",
                "Cannot read field \"x\" because \"this.next\" is null"), messages("self", ClassReader.EXPAND_FRAMES));
        assertEquals(List.of("Cannot read field \"x\" because \"io.legoj.agent.NullMessagesTest$Chain.root.next\" is null"),
                messages("fromStatic", ClassReader.EXPAND_FRAMES));
    }

    @Test
    void withoutDebugInformationLocalsAreNumberedAndLongChainsKeepTheirLastFiveFields() {
        assertEquals(List.of("Cannot read field \"next\" because \"<parameter1>.next\" is null",
                "Cannot read field \"x\" because \"<parameter1>.next.next\" is null"), messages("param", ClassReader.SKIP_DEBUG));
        List<String> deep = messages("deep", ClassReader.EXPAND_FRAMES);
        assertEquals("Cannot assign field \"x\" because \"next.next.next.next.next\" is null", deep.get(deep.size() - 1));
        assertEquals("Cannot read field \"next\" because \"next.next.next.next.next\" is null", deep.get(deep.size() - 2));
        assertEquals("Cannot read field \"next\" because \"c.next.next.next.next\" is null", deep.get(deep.size() - 3));
    }
}
