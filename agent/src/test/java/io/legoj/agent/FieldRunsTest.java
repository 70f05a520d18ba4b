package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which accesses form runs, on methods javac compiled: one letter per field instruction. */
class FieldRunsTest {
    @SuppressWarnings("unused")
    static final class Shapes {
        long total;
        int step;
        int reads;
        Shapes next;
        static int counter;

        long counter(Shapes c) {
            c.total += c.step;
            c.reads++;
            return c.total;
        }

        int copy(Shapes c) {
            c.reads = c.step;
            return c.reads;
        }

        int callBetween(Shapes c) {
            int a = c.step;
            helper();
            return a + c.reads;
        }

        int storeBetween(Shapes c, Shapes d) {
            int a = c.step;
            c = d;
            return a + c.reads;
        }

        int referenceBetween(Shapes c) {
            int a = c.step;
            Shapes n = c.next;
            return a + c.reads + n.step;
        }

        int staticBetween(Shapes c) {
            int a = c.step;
            counter++;
            return a + c.reads;
        }

        int branchBetween(Shapes c, boolean b) {
            int a = c.step;
            if (b) {
                a++;
            }
            return a + c.reads;
        }

        int twoObjects(Shapes c, Shapes d) {
            return c.step + d.step + c.reads + d.reads;
        }

        int loop(Shapes c) {
            int s = 0;
            for (int i = 0; i < 3; i++) {
                s += c.step + c.reads;
            }
            return s;
        }

        private static void helper() {
        }
    }

    /** F first of a run, N next in it, '.' alone, per field instruction. */
    private static String roles(String method) {
        ClassNode c = new ClassNode();
        new ClassReader(Asm.bytesOf(Shapes.class)).accept(c, ClassReader.EXPAND_FRAMES);
        MethodNode m = Asm.method(c, method);
        FieldRuns.Role[] roles = FieldRuns.find(m, FieldRuns.sources(c.name, m),
                f -> f.owner.equals(c.name) && !f.name.equals("counter"));
        List<String> out = new ArrayList<>();
        for (FieldRuns.Role r : roles) {
            out.add(r == null ? "." : r.first() ? "F" + (r.writes() ? "w" : "") : "N");
        }
        return String.join(" ", out);
    }

    @Test
    void accessesToOneObjectWithNothingRemoteBetweenFormARun() {
        assertEquals("Fw N N N N N", roles("counter"));
        assertEquals("Fw N N", roles("copy"), "a store whose receiver was loaded before the run's first access");
    }

    @Test
    void aCallAStoreToTheLocalAReferenceFieldAStaticOrABranchTargetEndsIt() {
        assertEquals(". .", roles("callBetween"));
        assertEquals(". .", roles("storeBetween"));
        assertEquals(". . . .", roles("referenceBetween"));
        assertEquals(". . . .", roles("staticBetween"));
        assertEquals(". .", roles("branchBetween"));
    }

    @Test
    void anotherObjectsAccessEndsIt() {
        assertEquals(". . . .", roles("twoObjects"));
    }

    @Test
    void aLoopBodyIsItsOwnRun() {
        assertEquals("F N", roles("loop"));
    }
}
