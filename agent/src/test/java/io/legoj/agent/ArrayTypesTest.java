package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** The type mapping of the array rewrite: primitive arrays become handles, reference arrays their markers. */
class ArrayTypesTest {
    private static final String P = "io/legoj/runtime/arrays/";

    @Test
    void mentionsFindsArraysAnywhereInADescriptor() {
        for (String d : new String[] {"[Z", "[I", "[[I", "[[[D", "(I[J)V", "()[B", "(Ljava/lang/String;[[C)V",
            "[Ljava/lang/String;", "[[Ljava/lang/Object;", "([Ljava/lang/Integer;)V", "()[Lp/Q;"}) {
            assertTrue(ArrayTypes.mentions(d), d);
        }
        for (String d : new String[] {"I", "J", "Ljava/lang/String;", "()V", "(IJLjava/lang/Object;)D", "java/lang/String",
            "(Lp/ArrayOfInts;)Lp/B;", "L" + P + "types/1_Ljava~lang~String;"}) {
            assertFalse(ArrayTypes.mentions(d), d);
        }
    }

    @Test
    void referenceArraysAndPrimitiveOnesAreToldApart() {
        for (String d : new String[] {"[Ljava/lang/String;", "[[I", "[[Lp/Q;", "[[[Z"}) {
            assertTrue(ArrayTypes.isReferenceArray(d), d);
            assertFalse(ArrayTypes.isPrimitiveArray(d), d);
        }
        for (String d : new String[] {"[I", "[Z", "[D"}) {
            assertTrue(ArrayTypes.isPrimitiveArray(d), d);
            assertFalse(ArrayTypes.isReferenceArray(d), d);
        }
        assertFalse(ArrayTypes.isReferenceArray("Ljava/lang/String;"));
        assertFalse(ArrayTypes.isPrimitiveArray("I"));
    }

    @Test
    void everyPrimitiveElementHasItsHandle() {
        assertEquals(P + "BooleanArray", ArrayTypes.handle(Type.BOOLEAN));
        assertEquals(P + "ByteArray", ArrayTypes.handle(Type.BYTE));
        assertEquals(P + "ShortArray", ArrayTypes.handle(Type.SHORT));
        assertEquals(P + "CharArray", ArrayTypes.handle(Type.CHAR));
        assertEquals(P + "IntArray", ArrayTypes.handle(Type.INT));
        assertEquals(P + "LongArray", ArrayTypes.handle(Type.LONG));
        assertEquals(P + "FloatArray", ArrayTypes.handle(Type.FLOAT));
        assertEquals(P + "DoubleArray", ArrayTypes.handle(Type.DOUBLE));
        assertEquals(P + "PrimitiveArray", ArrayTypes.PRIMITIVE_ARRAY);
    }

    @Test
    void handlesAreTheRuntimeClasses() throws Exception {
        for (int sort = Type.BOOLEAN; sort <= Type.DOUBLE; sort++) {
            Class<?> handle = Class.forName(ArrayTypes.handle(sort).replace('/', '.'));
            assertTrue(io.legoj.runtime.arrays.PrimitiveArray.class.isAssignableFrom(handle), handle.getName());
        }
    }

    @Test
    void oneDimensionalPrimitiveArraysBecomeHandles() {
        String[][] cases = {{"[Z", "BooleanArray"}, {"[B", "ByteArray"}, {"[S", "ShortArray"}, {"[C", "CharArray"},
            {"[I", "IntArray"}, {"[J", "LongArray"}, {"[F", "FloatArray"}, {"[D", "DoubleArray"}};
        for (String[] c : cases) {
            assertEquals(Type.getObjectType(P + c[1]), ArrayTypes.map(Type.getType(c[0])), c[0]);
            assertEquals("L" + P + c[1] + ";", ArrayTypes.mapDescriptor(c[0]), c[0]);
        }
    }

    @Test
    void referenceArraysAndArraysOfArraysBecomeTheirMarkers() {
        assertEquals("L" + P + "types/2_I;", ArrayTypes.mapDescriptor("[[I"));
        assertEquals("L" + P + "types/3_D;", ArrayTypes.mapDescriptor("[[[D"));
        assertEquals("L" + P + "types/1_Ljava~lang~String;", ArrayTypes.mapDescriptor("[Ljava/lang/String;"));
        assertEquals("L" + P + "types/2_Lp~Q$R;", ArrayTypes.mapDescriptor("[[Lp/Q$R;"));
        for (String d : new String[] {"[[J", "[Ljava/lang/Object;", "[[[Lp/Point;"}) {
            Type mapped = ArrayTypes.map(Type.getType(d));
            assertTrue(ArrayTypes.isMarker(mapped), d);
            assertEquals(d, ArrayTypeMarkers.descriptorOf(mapped.getInternalName()), d);
        }
        assertFalse(ArrayTypes.isMarker(ArrayTypes.map(Type.getType("[J"))));
        assertFalse(ArrayTypes.isMarker(Type.getType("Ljava/lang/Object;")));
    }

    @Test
    void nonArraysAreUnchanged() {
        for (String d : new String[] {"I", "J", "Z", "Ljava/lang/String;", "L" + P + "IntArray;"}) {
            assertEquals(d, ArrayTypes.mapDescriptor(d), d);
            Type t = Type.getType(d);
            assertSame(t, ArrayTypes.map(t), d);
        }
    }

    @Test
    void methodDescriptorsMapEveryArgumentAndTheResult() {
        assertEquals("(L" + P + "types/2_I;)L" + P + "LongArray;", ArrayTypes.mapMethodDescriptor("([[I)[J"));
        assertEquals("(IL" + P + "ByteArray;II)I", ArrayTypes.mapMethodDescriptor("(I[BII)I"));
        assertEquals("(Ljava/lang/String;L" + P + "types/1_Ljava~lang~String;JL" + P + "CharArray;D)L" + P + "types/3_F;",
                ArrayTypes.mapMethodDescriptor("(Ljava/lang/String;[Ljava/lang/String;J[CD)[[[F"));
        assertEquals("()L" + P + "BooleanArray;", ArrayTypes.mapMethodDescriptor("()[Z"));
        assertEquals("(L" + P + "ShortArray;)V", ArrayTypes.mapMethodDescriptor("([S)V"));
    }

    @Test
    void methodDescriptorsWithoutArraysAreReturnedAsTheyAre() {
        String d = "(Ljava/lang/String;I)Ljava/lang/Object;";
        assertSame(d, ArrayTypes.mapMethodDescriptor(d));
        String v = "()V";
        assertSame(v, ArrayTypes.mapMethodDescriptor(v));
    }

    @Test
    void internalNamesOfArraysMapAsFramesAndTypeInstructionsUseThem() {
        assertEquals(P + "IntArray", ArrayTypes.mapInternalName("[I"));
        assertEquals(P + "types/2_I", ArrayTypes.mapInternalName("[[I"));
        assertEquals(P + "types/1_Ljava~lang~String", ArrayTypes.mapInternalName("[Ljava/lang/String;"));
        assertEquals("java/lang/String", ArrayTypes.mapInternalName("java/lang/String"));
        // a class whose name looks like a descriptor is a class, not an array
        assertEquals("I", ArrayTypes.mapInternalName("I"));
        assertEquals("p/Q", ArrayTypes.mapInternalName("p/Q"));
    }

    @Test
    void theMarkersAClassNamesAreFoundInItsBytes() {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/Holder", null, "java/lang/Object", null);
        w.visitField(0, "a", ArrayTypes.mapDescriptor("[[Ljava/lang/String;"), null, null).visitEnd();
        w.visitMethod(0, "m", ArrayTypes.mapMethodDescriptor("([I[[J)[Lp/Q;"), null, null).visitEnd();
        w.visitEnd();
        assertEquals(Set.of(P + "types/2_Ljava~lang~String", P + "types/2_J", P + "types/1_Lp~Q"),
                ArrayTypes.markersIn(w.toByteArray()));
    }

    @Test
    void mappingIsIdempotent() {
        for (String d : new String[] {"[I", "[[J", "[[[Z", "(I[B[[C)[D"}) {
            String once = d.startsWith("(") ? ArrayTypes.mapMethodDescriptor(d) : ArrayTypes.mapDescriptor(d);
            String twice = d.startsWith("(") ? ArrayTypes.mapMethodDescriptor(once) : ArrayTypes.mapDescriptor(once);
            assertEquals(once, twice, d);
            assertFalse(ArrayTypes.mentions(once), once);
        }
    }
}
