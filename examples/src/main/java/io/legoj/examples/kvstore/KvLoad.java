package io.legoj.examples.kvstore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A workload driver for any Redis-protocol server:
 * {@code KvLoad --port P [--host H] [--ops N] [--keys K] [--seed S] [--pipeline D]}. It flushes the
 * server, sends {@code N} commands of a deterministic {@link Workload} in pipelined batches of
 * {@code D}, and prints one line with the number of operations, of error replies and a digest of
 * every reply, the same for every correct server; the rate goes to stderr.
 */
public final class KvLoad {
    private KvLoad() {
    }

    /** The outcome of a run: what is printed on stdout. */
    record Result(int ops, int errors, String digest) {
        @Override
        public String toString() {
            return "kvload ops=" + ops + " errors=" + errors + " digest=" + digest;
        }
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = -1;
        int ops = 10_000;
        int keys = 1000;
        long seed = 1;
        int pipeline = 16;
        try {
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--host" -> host = v;
                    case "--port" -> port = Integer.parseInt(v);
                    case "--ops" -> ops = Integer.parseInt(v);
                    case "--keys" -> keys = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--pipeline" -> pipeline = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
                i++;
            }
            if (port < 0 || ops < 0 || keys < 1 || pipeline < 1 || host == null) {
                throw new IllegalArgumentException("--port is required; --ops, --keys and --pipeline must be positive");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            System.err.println("kvload: " + e.getMessage());
            System.err.println("usage: KvLoad --port P [--host H] [--ops N] [--keys K] [--seed S] [--pipeline D]");
            System.exit(2);
        }
        long start = System.nanoTime();
        Result r = run(host, port, ops, keys, seed, pipeline);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(r);
        System.err.printf("kvload: %d ops in %.2f s, %.0f ops/s%n", ops, seconds, ops / Math.max(seconds, 1e-9));
    }

    /** Runs the workload against host:port. */
    static Result run(String host, int port, int ops, int keys, long seed, int pipeline) throws IOException {
        MessageDigest digest = sha256();
        Workload w = new Workload(seed, keys);
        int errors = 0;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 10_000);
            s.setTcpNoDelay(true);
            RespWriter out = new RespWriter(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            send(out, List.of("FLUSHALL".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            out.flush();
            readReply(in, sha256());
            for (int done = 0; done < ops; ) {
                int batch = Math.min(pipeline, ops - done);
                for (int i = 0; i < batch; i++) {
                    send(out, w.next());
                }
                out.flush();
                for (int i = 0; i < batch; i++) {
                    errors += readReply(in, digest) == '-' ? 1 : 0;
                }
                done += batch;
            }
        }
        return new Result(ops, errors, HexFormat.of().formatHex(digest.digest(), 0, 8));
    }

    private static void send(RespWriter out, List<byte[]> cmd) {
        out.arrayHeader(cmd.size());
        cmd.forEach(out::bulk);
    }

    /** Reads one reply into the digest and returns its type byte. */
    static int readReply(InputStream in, MessageDigest digest) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the server closed the connection");
        }
        digest.update((byte) type);
        String line = line(in, digest);
        if (type == '$') {
            int len = Integer.parseInt(line);
            if (len >= 0) {
                byte[] data = in.readNBytes(len + 2);
                if (data.length < len + 2) {
                    throw new EOFException("the server closed the connection inside a reply");
                }
                digest.update(data);
            }
        } else if (type == '*') {
            for (int i = Integer.parseInt(line); i > 0; i--) {
                readReply(in, digest);
            }
        } else if (type != '+' && type != '-' && type != ':') {
            throw new IOException("not a RESP reply: type byte " + type);
        }
        return type;
    }

    private static String line(InputStream in, MessageDigest digest) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection inside a reply");
            }
            digest.update((byte) b);
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        digest.update((byte) '\n');
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
