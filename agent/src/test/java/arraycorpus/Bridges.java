package arraycorpus;

import java.util.zip.Checksum;

/**
 * One method, two descriptors in one hierarchy: an application class inherits {@code update(byte[],
 * int, int)} from a plain superclass (rewritten descriptor) as its implementation of a JDK interface
 * (JVM descriptor), and a subclass overrides it (JVM descriptor, as the JDK interface is above it).
 */
public final class Bridges {
    private Bridges() {
    }

    static class Summer {
        long total;

        public void update(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                total += b[i];
            }
        }

        public void update(int b) {
            total += b;
        }

        public long getValue() {
            return total;
        }

        public void reset() {
            total = 0;
        }
    }

    static class SummingChecksum extends Summer implements Checksum {
    }

    static final class DoublingChecksum extends SummingChecksum {
        @Override
        public void update(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                total += 2 * b[i];
            }
        }
    }

    private static long viaJdk(Checksum c, byte[] data) {
        c.update(data, 0, data.length);
        c.update(data);
        return c.getValue();
    }

    private static long viaApplication(Summer s, byte[] data) {
        s.update(data, 1, 2);
        return s.getValue();
    }

    public static String run() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return "summing=" + viaJdk(new SummingChecksum(), data) + " doubling=" + viaJdk(new DoublingChecksum(), data)
                + " app=" + viaApplication(new DoublingChecksum(), data) + "/" + viaApplication(new Summer(), data);
    }
}
