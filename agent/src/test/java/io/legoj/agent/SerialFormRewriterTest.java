package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;

/** Which classes get a serialized form of LegoJ's, and what it adds. */
class SerialFormRewriterTest {
    static class Plain implements Serializable {
        int[] values;
        transient long[] cache;
    }

    static class OwnForm implements Serializable {
        int[] values;

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
        }
    }

    static class OnlyTransient implements Serializable {
        transient int[] values;
        static long[] shared;
    }

    record Pair(int[] left, int[] right) implements Serializable {
    }

    @Test
    void onlyClassesWhoseSerializedFieldsHaveArrayTypesAndNoFormOfTheirOwn() {
        assertTrue(SerialFormRewriter.retypesItsForm(Asm.bytesOf(Plain.class)));
        assertFalse(SerialFormRewriter.retypesItsForm(Asm.bytesOf(OwnForm.class)), "its own writeObject");
        assertFalse(SerialFormRewriter.retypesItsForm(Asm.bytesOf(OnlyTransient.class)), "no serialized array field");
        assertFalse(SerialFormRewriter.retypesItsForm(Asm.bytesOf(Pair.class)), "a record");
    }

    @Test
    void addsTheFieldsTheirInitialisationAndTheTwoMethods() {
        byte[] bytes = Asm.bytesOf(Plain.class);
        ClassNode c = Asm.rewrite(bytes, next -> new SerialFormRewriter(next, bytes, true));
        assertTrue(c.fields.stream().anyMatch(f -> f.name.equals("serialPersistentFields")), "serialPersistentFields");
        assertEquals(List.of("CALL ArraySerialization.fields"), Asm.calls(Asm.method(c, "<clinit>")).subList(0, 1));
        assertEquals(List.of("CALL ArraySerialization.write"), Asm.calls(Asm.method(c, "writeObject")));
        assertEquals(List.of("CALL ArraySerialization.read"), Asm.calls(Asm.method(c, "readObject")));
        ClassNode notSerializable = Asm.rewrite(bytes, next -> new SerialFormRewriter(next, bytes, false));
        assertEquals(c.fields.size() - 1, notSerializable.fields.size());
        assertEquals(c.methods.size() - 3, notSerializable.methods.size());
    }
}
