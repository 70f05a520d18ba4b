package io.legoj.bench;

/** Stands in for the bench module's entry point in the CLI's tests: echoes its arguments, exits with 4. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.out.println("bench " + String.join(" ", args) + " home=" + System.getProperty("legoj.home"));
        System.exit(4);
    }
}
