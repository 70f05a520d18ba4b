package io.legoj.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free memory of this machine, to size local memnodes. */
final class Memory {
    private Memory() {
    }

    /** {@code MemAvailable} of /proc/meminfo, else the JVM's idea of free physical memory. */
    static long available() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return parseKb(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return freePhysical();
        }
        return freePhysical();
    }

    static long parseKb(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }

    private static long freePhysical() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getFreeMemorySize();
    }
}
