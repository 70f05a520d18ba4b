package corpus;

import java.util.ArrayList;
import java.util.List;

/** Exceptions with messages, casts, threads with monitors and wait/notify on remote objects. */
public final class Behaviour {
    private Behaviour() {
    }

    static class Animal {
        String name = "animal";
        Animal next;
        long weight;
    }

    static final class Dog extends Animal {
        int barks;
    }

    static final class Mailbox {
        private int value;
        private boolean full;

        synchronized void put(int v) throws InterruptedException {
            while (full) {
                wait();
            }
            value = v;
            full = true;
            notifyAll();
        }

        synchronized int take() throws InterruptedException {
            while (!full) {
                wait();
            }
            full = false;
            notifyAll();
            return value;
        }
    }

    static final class Counter {
        long count;
    }

    public static String run() throws Exception {
        List<String> out = new ArrayList<>();
        Animal a = new Animal();
        Animal missing = a.next;
        try {
            long w = missing.weight;
            out.add("no NPE " + w);
        } catch (NullPointerException e) {
            out.add(e.getMessage());
        }
        try {
            missing.weight = 3;
        } catch (NullPointerException e) {
            out.add(e.getMessage());
        }
        try {
            missing.name = "x";
        } catch (NullPointerException e) {
            out.add(e.getMessage());
        }
        try {
            a.next.name = "y";
        } catch (NullPointerException e) {
            out.add(e.getClass().getName());
        }
        Object o = a;
        out.add(o instanceof Dog ? "dog" : "not a dog");
        try {
            Dog d = (Dog) o;
            out.add("cast " + d.barks);
        } catch (ClassCastException e) {
            out.add("ClassCastException");
        }
        Mailbox box = new Mailbox();
        Counter counter = new Counter();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 200; i++) {
                    box.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Thread> adders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            adders.add(new Thread(() -> {
                for (int i = 0; i < 5000; i++) {
                    synchronized (counter) {
                        counter.count++;
                    }
                }
            }));
        }
        producer.start();
        adders.forEach(Thread::start);
        long sum = 0;
        for (int i = 1; i <= 200; i++) {
            sum += box.take();
        }
        producer.join();
        for (Thread t : adders) {
            t.join();
        }
        out.add("sum=" + sum + " count=" + counter.count);
        return String.join("\n", out);
    }
}
