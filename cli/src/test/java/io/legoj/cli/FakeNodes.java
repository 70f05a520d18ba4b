package io.legoj.cli;

import java.io.IOException;

/** Node children that misbehave: {@code crash} says why on stderr and exits 7, {@code silent} never answers. */
public final class FakeNodes {
    private FakeNodes() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("crash")) {
            System.err.println("boom: cannot bind");
            System.exit(7);
        }
        System.in.read();
    }
}
