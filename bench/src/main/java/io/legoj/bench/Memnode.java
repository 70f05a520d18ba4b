package io.legoj.bench;

import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.Protocol;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The memory node a driver talks to: a child process (the default), one in this JVM (tests), or one already running. */
interface Memnode extends AutoCloseable {
    /** The {@code --memnode} values, for help texts. */
    String CHOICES = "process (default: a memnode child JVM), inprocess (tests only), or HOST:PORT of a running one "
            + "(secret from " + Protocol.SECRET_ENV + ")";

    HostPort address();

    String secret();

    /** One line saying what the node is, for the driver's header. */
    String describe();

    @Override
    void close();

    /** Starts or finds the node {@code spec} names; see {@link #CHOICES}. */
    static Memnode open(String spec, long capacity, PrintStream log) {
        switch (spec) {
            case "process":
                return MemnodeProcess.start(capacity, newSecret(), log);
            case "inprocess":
                return InProcess.start(capacity, newSecret());
            default:
                return External.of(spec);
        }
    }

    static String newSecret() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A {@link MemNode} in this JVM: fine for tests, not for measurements (it shares our cores and GC). */
    record InProcess(MemNode node, HostPort address, String secret) implements Memnode {
        static InProcess start(long capacity, String secret) {
            MemNode n = new MemNode(MemNodeConfig.of(capacity, secret));
            return new InProcess(n, new HostPort(MemNodeConfig.DEFAULT_HOST, n.start()), secret);
        }

        @Override
        public String describe() {
            return "in-process memnode " + address + " (shares this JVM: for tests, not for figures)";
        }

        @Override
        public void close() {
            node.close();
        }
    }

    /** A memnode somebody else runs; we only connect to it. */
    record External(HostPort address, String secret) implements Memnode {
        static External of(String spec) {
            HostPort hp;
            try {
                hp = HostPort.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--memnode: " + e.getMessage() + "; use " + CHOICES);
            }
            String secret = System.getenv(Protocol.SECRET_ENV);
            if (secret == null || secret.isEmpty()) {
                throw new UsageException("--memnode " + spec + " needs the cluster secret in " + Protocol.SECRET_ENV);
            }
            return new External(hp, secret);
        }

        @Override
        public String describe() {
            return "running memnode " + address;
        }

        @Override
        public void close() {
        }
    }
}
