package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which locals javac's code lets the rewriter keep as addresses, and what their field reads become:
 * {@code A} a read from an address, {@code R} a read whose stored form goes to an address local,
 * {@code B} both, {@code .} any other field instruction.
 */
class AddressLocalsTest {
    @SuppressWarnings("unused")
    static class Node {
        long value;
        Node next;
        Other other;
        String name;

        static long walk(Node head) {
            long s = 0;
            for (Node x = head; x != null; x = x.next) {
                s += x.value;
            }
            return s;
        }

        long fromThis() {
            Node x = this;
            return x.value + x.next.value;
        }

        static long fromNew() {
            Node x = new Node();
            return x.value;
        }

        static long passedOn(Node head) {
            Node x = head.next;
            return x.value + System.identityHashCode(x);
        }

        static boolean compared(Node head) {
            Node x = head.next;
            return x.value == 1 && x == head;
        }

        static long parameterAssigned(Node head) {
            Node x = head;
            head = null;
            return x.value + (head == null ? 0 : 1);
        }

        static long localFieldType(Node head) {
            Other o = head.other;
            return o.count;
        }

        static long ternary(Node head, boolean b) {
            Node x = b ? head : head.next;
            return x.value;
        }

        static long slotReused(Node head) {
            long s = 0;
            {
                String n = head.name;
                s += n.length();
            }
            for (Node x = head; x != null; x = x.next) {
                s += x.value;
            }
            return s;
        }

        static Node find(Object[] buckets, long value) {
            for (Node x = first(buckets); x != null; x = x.next) {
                if (x.value == value) {
                    return x;
                }
            }
            return null;
        }

        static Node first(Object[] buckets) {
            return (Node) buckets[0];
        }

        static Node returnedUnwalked(Object o) {
            Node x = (Node) o;
            return x.value > 0 ? x : null;
        }

        static Node returnedWithTwoTypes(Node head, Sub s) {
            Node x = s;
            if (head.value > 0) {
                x = head.next;
            }
            return x.value > 0 ? x : null;
        }

        static long length(int from, Node n) {
            long c = from;
            while (n != null) {
                c += n.value;
                n = n.next;
            }
            return c;
        }

        static long nullStart(Node head, int i) {
            Node x = null;
            if (i > 0) {
                x = head.next;
            }
            return x != null ? x.value : -1;
        }
    }

    static final class Sub extends Node {
    }

    static final class Other {
        int count;
    }

    private static final String NODE = Type.getInternalName(Node.class);

    private static String roles(String method) throws Exception {
        ClassNode c = new ClassNode();
        new ClassReader(Asm.bytesOf(Node.class)).accept(c, ClassReader.EXPAND_FRAMES);
        MethodNode m = Asm.method(c, method);
        AddressLocals a = AddressLocals.rewrite(NODE, m, m.maxLocals,
                f -> f.owner.equals(NODE) || f.owner.equals(Type.getInternalName(Other.class)),
                Set.of(NODE, Type.getInternalName(Sub.class))::contains);
        List<String> letters = new ArrayList<>();
        for (AddressLocals.Role r : a.roles) {
            letters.add(r == null ? "." : r.addressReceiver() && r.raw() ? "B" : r.addressReceiver() ? "A" : "R");
        }
        return a.count + " " + String.join("", letters);
    }

    @Test
    void walksAlongLinksKeepAddresses() throws Exception {
        assertEquals("1 AB", roles("walk"));
        assertEquals("2 BA", roles("nullStart"));
    }

    @Test
    void aWalkThatReturnsWhereItStoppedMakesOneHandleOnTheWayOut() throws Exception {
        assertEquals("1 AB", roles("find"));
        assertEquals("0 .", roles("returnedUnwalked"));
        assertEquals("1 AA.", roles("returnedWithTwoTypes"));
    }

    @Test
    void aParameterThatWalksIsTakenAsAnAddressOnEntry() throws Exception {
        assertEquals("1 AB", roles("length"));
    }

    @Test
    void thisAndUnassignedParametersAreTakenByTheirAddress() throws Exception {
        assertEquals("1 AA.", roles("fromThis"));
    }

    /** The parameters these methods only read fields of are taken as addresses (the "1"), the locals are not. */
    @Test
    void localsThatAreUsedAsObjectsStayHandles() throws Exception {
        assertEquals("0 .", roles("fromNew"));
        assertEquals("1 A.", roles("passedOn"));
        assertEquals("0 ..", roles("compared"));
        assertEquals("0 .", roles("parameterAssigned"));
        assertEquals("1 A.", roles("localFieldType"));
        assertEquals("0 ..", roles("ternary"));
    }

    @Test
    void aSlotThatAlsoHoldsAnotherObjectStaysAHandle() throws Exception {
        assertEquals("0 ...", roles("slotReused"));
    }
}
