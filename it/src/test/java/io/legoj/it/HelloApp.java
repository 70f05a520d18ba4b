package io.legoj.it;

/** An application that must never run in the start-failure tests: the agent stops the JVM before main. */
public final class HelloApp {
    private HelloApp() {
    }

    public static void main(String[] args) {
        System.out.println("hello from main");
    }
}
