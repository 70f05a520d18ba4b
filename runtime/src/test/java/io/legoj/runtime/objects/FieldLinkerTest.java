package io.legoj.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.legoj.runtime.Tlb;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/** The sites of address locals link only to remote classes: anything else is LegoJ's bug, said loudly. */
class FieldLinkerTest {
    static final class Plain {
        long value;
        Plain next;
    }

    @Test
    void addressesOfALocalClassAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FieldLinker.addressOf(
                MethodHandles.lookup(), "address", MethodType.methodType(long.class, Plain.class)));
        assertEquals("LegoJ rewrote " + FieldLinkerTest.class.getName() + " to keep addresses of "
                + Plain.class.getName() + ", which keeps its fields local", e.getMessage());
    }

    @Test
    void readsByAddressOfALocalClassAreRefused() {
        IllegalStateException read = assertThrows(IllegalStateException.class, () -> FieldLinker.getAtAddress(
                MethodHandles.lookup(), "value", MethodType.methodType(long.class, long.class, Tlb.class), Plain.class));
        assertEquals("LegoJ rewrote " + FieldLinkerTest.class.getName() + " to read long " + Plain.class.getName()
                + ".value by address, but " + Plain.class.getName() + " keeps its fields local", read.getMessage());
        IllegalStateException raw = assertThrows(IllegalStateException.class, () -> FieldLinker.getRaw(
                MethodHandles.lookup(), "next", MethodType.methodType(long.class, long.class, Tlb.class), Plain.class,
                Plain.class.descriptorString()));
        assertEquals("LegoJ rewrote " + FieldLinkerTest.class.getName() + " to read " + Plain.class.getName() + " "
                + Plain.class.getName() + ".next by address, but " + Plain.class.getName() + " keeps its fields local",
                raw.getMessage());
    }
}
