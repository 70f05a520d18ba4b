package io.legoj.bench;

import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import io.legoj.protocol.Protocol;
import java.io.IOException;

/**
 * A memnode child when the CLI jar is not built: {@code MemnodeMain <capacity-bytes>}, secret from
 * {@code LEGOJ_SECRET}. Prints the same listening line as {@code legoj memnode}; stops on SIGTERM or
 * when its stdin closes (the parent died).
 */
public final class MemnodeMain {
    private MemnodeMain() {
    }

    public static void main(String[] args) throws IOException {
        String secret = System.getenv(Protocol.SECRET_ENV);
        if (args.length != 1 || secret == null || secret.isEmpty()) {
            System.err.println("usage: " + Protocol.SECRET_ENV + "=... MemnodeMain <capacity-bytes>");
            System.exit(2);
        }
        MemNode node = new MemNode(MemNodeConfig.of(Long.parseLong(args[0]), secret));
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "memnode-stop"));
        int port = node.start();
        System.out.println(MemnodeProcess.LISTENING + MemNodeConfig.DEFAULT_HOST + ":" + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to go away
        }
        System.exit(0);
    }
}
