package io.legoj.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The application of the run tests: echoes stdin to stdout, says goodbye on stderr, exits with 3. */
public final class EchoApp {
    private EchoApp() {
    }

    public static void main(String[] args) throws IOException {
        byte[] in = System.in.readAllBytes();
        System.out.write("app got: ".getBytes(StandardCharsets.UTF_8));
        System.out.write(in);
        System.out.flush();
        System.err.print("app says goodbye\n");
        System.err.flush();
        System.exit(3);
    }
}
