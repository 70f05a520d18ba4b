package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** The type mapping of the array rewrite: primitive arrays become handles, the levels above stay JVM arrays. */
class ArrayTypesTest {
    private static final String P = "io/legoj/runtime/arrays/";

    @Test
    void mentionsFindsPrimitiveArraysAnywhereInADescriptor() {
        for (String d : new String[] {"[Z", "[B", "[S", "[C", "[I", "[J", "[F", "[D", "[[I", "[[[D", "(I[J)V", "()[B",
                "(Ljava/lang/String;[[C)V", "(Ljava/lang/Object;[Ljava/lang/String;[F)V", "([Ljava/lang/Object;[I)V"}) {
            assertTrue(ArrayTypes.mentions(d), d);
        }
        for (String d : new String[] {"I", "J", "Ljava/lang/String;", "[Ljava/lang/String;", "[[Ljava/lang/Object;",
                "()V", "(IJLjava/lang/Object;)D", "([Ljava/lang/Integer;)[[Ljava/lang/String;", "java/lang/String",
                "[Ljava/util/List;", "(Lp/ArrayOfInts;)Lp/B;"}) {
            assertFalse(ArrayTypes.mentions(d), d);
        }
    }

    @Test
    void mentionsDoesNotMistakeLettersOfClassNamesForArrays() {
        // the brackets of reference arrays are followed by 'L'; the class name itself may hold any letter
        assertFalse(ArrayTypes.mentions("([Lp/IJ;[[Lp/Z;)[Lp/D;"));
        assertTrue(ArrayTypes.mentions("([Lp/IJ;[[Lp/Z;)[[D"));
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
    void eachLevelAboveThePrimitiveArrayStaysAJvmArray() {
        assertEquals("[L" + P + "IntArray;", ArrayTypes.mapDescriptor("[[I"));
        assertEquals("[[L" + P + "DoubleArray;", ArrayTypes.mapDescriptor("[[[D"));
        assertEquals("[[[L" + P + "BooleanArray;", ArrayTypes.mapDescriptor("[[[[Z"));
        Type twoD = ArrayTypes.map(Type.getType("[[J"));
        assertEquals(Type.ARRAY, twoD.getSort());
        assertEquals(1, twoD.getDimensions());
        assertEquals(P + "LongArray", twoD.getElementType().getInternalName());
    }

    @Test
    void referenceArraysAndNonArraysAreUnchanged() {
        for (String d : new String[] {"I", "J", "Z", "Ljava/lang/String;", "[Ljava/lang/String;", "[[Ljava/lang/Object;",
                "[[[Lp/Point;", "L" + P + "IntArray;"}) {
            assertEquals(d, ArrayTypes.mapDescriptor(d), d);
            Type t = Type.getType(d);
            assertSame(t, ArrayTypes.map(t), d);
        }
    }

    @Test
    void methodDescriptorsMapEveryArgumentAndTheResult() {
        assertEquals("([L" + P + "IntArray;)L" + P + "LongArray;", ArrayTypes.mapMethodDescriptor("([[I)[J"));
        assertEquals("(IL" + P + "ByteArray;II)I", ArrayTypes.mapMethodDescriptor("(I[BII)I"));
        assertEquals("(Ljava/lang/String;[Ljava/lang/String;JL" + P + "CharArray;D)[[L" + P + "FloatArray;",
                ArrayTypes.mapMethodDescriptor("(Ljava/lang/String;[Ljava/lang/String;J[CD)[[[F"));
        assertEquals("()L" + P + "BooleanArray;", ArrayTypes.mapMethodDescriptor("()[Z"));
        assertEquals("(L" + P + "ShortArray;)V", ArrayTypes.mapMethodDescriptor("([S)V"));
    }

    @Test
    void methodDescriptorsWithoutPrimitiveArraysAreReturnedAsTheyAre() {
        String d = "([Ljava/lang/String;I)[Ljava/lang/Object;";
        assertSame(d, ArrayTypes.mapMethodDescriptor(d));
        String v = "()V";
        assertSame(v, ArrayTypes.mapMethodDescriptor(v));
    }

    @Test
    void internalNamesOfArraysMapAsFramesAndTypeInstructionsUseThem() {
        assertEquals(P + "IntArray", ArrayTypes.mapInternalName("[I"));
        assertEquals("[L" + P + "IntArray;", ArrayTypes.mapInternalName("[[I"));
        assertEquals("[[L" + P + "CharArray;", ArrayTypes.mapInternalName("[[[C"));
        assertEquals("[Ljava/lang/String;", ArrayTypes.mapInternalName("[Ljava/lang/String;"));
        assertEquals("java/lang/String", ArrayTypes.mapInternalName("java/lang/String"));
        // a class whose name looks like a descriptor is a class, not an array
        assertEquals("I", ArrayTypes.mapInternalName("I"));
        assertEquals("p/Q", ArrayTypes.mapInternalName("p/Q"));
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
