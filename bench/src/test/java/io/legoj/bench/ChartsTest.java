package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesAPngOfTheRequestedSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("chart.png");
        Charts.Chart chart = new Charts.Chart("throughput", "cache %", "ops/s",
                List.of(new Charts.Series("agent", Color.BLUE, new double[] {10, 25, 50, 100}, new double[] {3, 7, 20, 41})),
                List.of(new Charts.Level("plain", Color.ORANGE, 60)));
        Charts.writePng(chart, 640, 400, file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(file), 8));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(2, 2), "a white background");
        assertNotEquals(1, Arrays.stream(image.getRGB(0, 0, 640, 400, null, 0, 640)).distinct().count(), "something drawn");
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, Charts.niceStep(0.7), 1e-12);
        assertEquals(2, Charts.niceStep(1.3), 1e-12);
        assertEquals(50_000, Charts.niceStep(31_000), 1e-9);
        assertEquals(100, Charts.niceStep(51), 1e-9);
    }
}
