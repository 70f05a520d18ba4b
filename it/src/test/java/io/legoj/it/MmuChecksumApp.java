package io.legoj.it;

import io.legoj.runtime.Mmu;

/**
 * An application for {@code bin/legoj run}: works on {@code BYTES} of remote memory through {@link Mmu}
 * (zero-filled first touch, a fill, a read-modify-write in scattered block order, a final read),
 * prints the checksum on stdout and a line on stderr, and exits with {@code EXIT_CODE}. It refers to
 * nothing of LegoJ but {@code Mmu}, which its JVM gets from the agent jar.
 *
 * <p>Usage: {@code MmuChecksumApp BYTES EXIT_CODE}; BYTES a power of two of at least 4 KiB.
 */
public final class MmuChecksumApp {
    /** Words per block of the scattered pass: one 4 KiB page. */
    static final int BLOCK_WORDS = 512;

    /** The memory the workload runs on, in 8-byte words. */
    interface Words {
        long get(long i);

        void put(long i, long v);
    }

    private MmuChecksumApp() {
    }

    public static void main(String[] args) {
        long bytes = Long.parseLong(args[0]);
        int exitCode = Integer.parseInt(args[1]);
        long base = Mmu.allocate(bytes);
        long sum = checksum(new Words() {
            @Override
            public long get(long i) {
                return Mmu.getLong(base + 8 * i);
            }

            @Override
            public void put(long i, long v) {
                Mmu.putLong(base + 8 * i, v);
            }
        }, bytes / 8);
        System.out.println("checksum=" + Long.toHexString(sum));
        System.err.println("mmu-app: " + bytes + " bytes done, exiting with " + exitCode);
        System.exit(exitCode);
    }

    /** The workload; {@code words} is a power of two, at least one block. Memory must start as zeros. */
    static long checksum(Words m, long words) {
        for (long i = 0; i < words; i++) {
            m.put(i, m.get(i) + mix(i));
        }
        long blocks = words / BLOCK_WORDS;
        for (long k = 0; k < blocks; k++) {
            long b = (k * 389) & (blocks - 1);
            for (long w = 0; w < BLOCK_WORDS; w++) {
                long i = b * BLOCK_WORDS + w;
                m.put(i, m.get(i) * 31 + b);
            }
        }
        long sum = 17;
        for (long i = 0; i < words; i++) {
            sum = sum * 1_000_003 + m.get(i);
        }
        return sum;
    }

    static long mix(long i) {
        long z = i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }
}
