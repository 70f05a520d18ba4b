package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {
    @Test
    void durations() {
        Converters.Time t = new Converters.Time();
        assertEquals(Duration.ofMillis(500), t.convert("500ms"));
        assertEquals(Duration.ofSeconds(30), t.convert("30s"));
        assertEquals(Duration.ofMinutes(2), t.convert("2m"));
        assertEquals(Duration.ofHours(1), t.convert("1H"));
        assertEquals(Duration.ofSeconds(45), t.convert("PT45S"));
        assertThrows(TypeConversionException.class, () -> t.convert("0s"));
        assertThrows(TypeConversionException.class, () -> t.convert("30"));
        assertThrows(TypeConversionException.class, () -> t.convert("99999999999999999999s"));
    }

    @Test
    void sizesAndAddresses() {
        assertEquals(64L << 20, new Converters.Size().convert("64m"));
        assertThrows(TypeConversionException.class, () -> new Converters.Size().convert("64q"));
        assertEquals(7001, new Converters.Address().convert(" 127.0.0.1:7001 ").port());
        assertThrows(TypeConversionException.class, () -> new Converters.Address().convert("127.0.0.1"));
    }

    @Test
    void memAvailableIsReadInKilobytes() {
        assertEquals(24359752L * 1024, Memory.parseKb("MemAvailable:   24359752 kB"));
    }
}
