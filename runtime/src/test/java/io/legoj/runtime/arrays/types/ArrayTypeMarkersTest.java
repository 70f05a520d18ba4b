package io.legoj.runtime.arrays.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ArrayTypeMarkersTest {
    @Test
    void aMarkerNamesItsPlainTypeAndGivesItBack() {
        assertEquals(ArrayTypeMarkers.PACKAGE + "1_Ljava~lang~String", ArrayTypeMarkers.markerOf("[Ljava/lang/String;"));
        assertEquals(ArrayTypeMarkers.PACKAGE + "2_I", ArrayTypeMarkers.markerOf("[[I"));
        for (String d : new String[] {"[Ljava/lang/String;", "[[I", "[[[J", "[[Ljava/lang/Object;", "[La/b/C$D;",
            "[Lodd~name;", "[Lodd-0041;", "[La/b-c/D;", "[Lé/Ü;", "[La/-/~;"}) {
            String marker = ArrayTypeMarkers.markerOf(d);
            assertTrue(ArrayTypeMarkers.isMarker(marker), marker);
            assertTrue(marker.substring(ArrayTypeMarkers.PACKAGE.length()).matches("[0-9]+_[A-Za-z0-9_$~-]+"), marker);
            assertEquals(d, ArrayTypeMarkers.descriptorOf(marker));
        }
        assertNotEquals(ArrayTypeMarkers.markerOf("[La/b;"), ArrayTypeMarkers.markerOf("[La~b;"));
        assertNotEquals(ArrayTypeMarkers.markerOf("[La-0041;"), ArrayTypeMarkers.markerOf("[LaA;"));
    }

    @Test
    void onlyReferenceArraysHaveMarkers() {
        assertThrows(IllegalArgumentException.class, () -> ArrayTypeMarkers.markerOf("[I"));
        assertThrows(IllegalArgumentException.class, () -> ArrayTypeMarkers.markerOf("Ljava/lang/String;"));
        assertFalse(ArrayTypeMarkers.isMarker("io/legoj/runtime/arrays/types/ArrayTypeMarkers"));
    }

    @Test
    void aDefinedMarkerIsAnEmptyPublicInterfaceThatClassLoadersFind() throws Exception {
        String marker = ArrayTypeMarkers.markerOf("[[Ljava/lang/Thread;");
        ArrayTypeMarkers.define(marker, null);
        ArrayTypeMarkers.define(marker, null);
        Class<?> c = Class.forName(marker.replace('/', '.'), false, ArrayTypeMarkersTest.class.getClassLoader());
        assertTrue(c.isInterface());
        assertTrue(Modifier.isPublic(c.getModifiers()));
        assertEquals(0, c.getDeclaredMethods().length);
        assertEquals(0, c.getInterfaces().length);
        assertEquals(ArrayTypeMarkers.class.getClassLoader(), c.getClassLoader());
    }
}
