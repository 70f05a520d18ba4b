package io.legoj.it;

import io.legoj.runtime.Mmu;

/**
 * An application that never finishes by itself (in a test): rounds of writes and checked reads over
 * {@code BYTES} of remote memory through {@link Mmu}, printing {@code round N ok} after each. Gives up
 * with exit code 0 after {@code SECONDS}, so that a test that fails to stop it leaves no stray JVM.
 * With {@code stubborn}, it catches whatever the memory throws and idles on, as careless applications
 * do, so that the agent must stop it.
 *
 * <p>Usage: {@code MmuLoopApp BYTES SECONDS [stubborn]}.
 */
public final class MmuLoopApp {
    private static final int STEP = 64;

    private MmuLoopApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        long bytes = Long.parseLong(args[0]);
        long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        boolean stubborn = args.length > 2 && args[2].equals("stubborn");
        long base = Mmu.allocate(bytes);
        try {
            rounds(base, bytes, end);
        } catch (Throwable e) {
            if (!stubborn) {
                throw e;
            }
            System.out.println("caught " + e.getClass().getSimpleName());
            while (System.nanoTime() < end) {
                Thread.sleep(50);
            }
        }
        System.out.println("time is up");
    }

    private static void rounds(long base, long bytes, long end) {
        for (long round = 1; System.nanoTime() < end; round++) {
            for (long off = 0; off < bytes; off += STEP) {
                Mmu.putLong(base + off, round * 31 + off);
            }
            for (long off = 0; off < bytes; off += STEP) {
                long v = Mmu.getLong(base + off);
                if (v != round * 31 + off) {
                    System.out.println("round " + round + " offset " + off + ": read " + v);
                    System.exit(3);
                }
            }
            System.out.println("round " + round + " ok");
        }
    }
}
