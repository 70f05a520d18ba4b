package programs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A plain program touching the object model's corners; it prints the same lines with and without
 * LegoJ. (Identity hash codes and default toString are not printed: they differ between any two runs.)
 */
public final class ObjectsCorpus {
    interface Greeter {
        String name();

        default String greet() {
            return "hello " + name();
        }
    }

    abstract static class Vehicle implements Greeter {
        protected int wheels;
        private final String id;

        Vehicle(String id, int wheels) {
            this.id = id;
            this.wheels = wheels;
        }

        @Override
        public String name() {
            return id;
        }

        abstract int capacity();

        String describe() {
            return id + " wheels=" + wheels + " capacity=" + capacity();
        }
    }

    static class Car extends Vehicle {
        int seats = 5;

        Car(String id) {
            super(id, 4);
        }

        @Override
        int capacity() {
            return seats;
        }
    }

    static final class Bus extends Car {
        int standing;

        Bus(String id, int standing) {
            super(id);
            this.standing = standing;
            this.seats = 40;
        }

        @Override
        int capacity() {
            return super.capacity() + standing;
        }

        @Override
        public String greet() {
            return super.greet() + " (bus)";
        }
    }

    enum Color { RED, GREEN }

    record Pair<A, B>(A first, B second) {
    }

    static final class Box<T extends Comparable<T>> {
        private T best;

        void offer(T t) {
            if (best == null || t.compareTo(best) > 0) {
                best = t;
            }
        }

        T best() {
            return best;
        }
    }

    static final class Extremes {
        boolean z = true;
        byte b = Byte.MIN_VALUE;
        short s = Short.MIN_VALUE;
        char c = Character.MAX_VALUE;
        int i = Integer.MIN_VALUE;
        long l = Long.MIN_VALUE;
        float f = Float.MAX_VALUE;
        double d = Double.MIN_VALUE;
        long max = Long.MAX_VALUE;
        double nan = Double.NaN;
        float negZero = -0.0f;
    }

    static final class NoEquals {
        final int v;

        NoEquals(int v) {
            this.v = v;
        }
    }

    static final class Node {
        final long value;
        Node next;
        String tag;

        Node(long value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    static final class Latch {
        private boolean open;
        private int waiters;

        synchronized void await() throws InterruptedException {
            waiters++;
            while (!open) {
                wait();
            }
        }

        synchronized void open() {
            open = true;
            notifyAll();
        }

        synchronized int waiters() {
            return waiters;
        }
    }

    private int outerCounter = 7;

    final class Inner {
        int bump() {
            return ++outerCounter;
        }
    }

    public static void main(String[] args) throws Exception {
        int chain = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        List<Vehicle> fleet = List.of(new Car("car-1"), new Bus("bus-1", 20));
        for (Vehicle v : fleet) {
            System.out.println(v.describe() + " / " + v.greet());
        }
        Vehicle anonymous = new Vehicle("anon", 3) {
            int extra = 2;

            @Override
            int capacity() {
                return wheels + extra;
            }
        };
        System.out.println(anonymous.describe());
        int base = 10;
        class Local {
            int add(int x) {
                return x + base;
            }
        }
        System.out.println("local " + new Local().add(5));
        ObjectsCorpus outer = new ObjectsCorpus();
        Inner inner = outer.new Inner();
        inner.bump();
        System.out.println("inner " + inner.bump() + " outer " + outer.outerCounter);

        Car captured = new Car("captured");
        Supplier<String> sup = () -> captured.name() + ":" + captured.seats;
        captured.seats = 2;
        Function<Vehicle, String> ref = Vehicle::describe;
        System.out.println("lambda " + sup.get() + " ref " + ref.apply(captured));

        Box<String> box = new Box<>();
        for (String s : List.of("pear", "apple", "zucchini", "fig")) {
            box.offer(s);
        }
        Pair<String, Color> pair = new Pair<>(box.best(), Color.GREEN);
        System.out.println("generic " + pair + " " + pair.equals(new Pair<>("zucchini", Color.GREEN)));

        Extremes e = new Extremes();
        System.out.println("extremes " + e.z + " " + e.b + " " + e.s + " " + (int) e.c + " " + e.i + " " + e.l + " " + e.f
                + " " + e.d + " " + e.max + " " + e.nan + " " + e.negZero);

        Map<NoEquals, String> byIdentity = new HashMap<>();
        NoEquals k = new NoEquals(1);
        byIdentity.put(k, "one");
        byIdentity.put(new NoEquals(1), "other one");
        Map<Pair<Integer, Integer>, String> byValue = new HashMap<>();
        byValue.put(new Pair<>(1, 2), "p");
        IdentityHashMap<Node, Integer> ids = new IdentityHashMap<>();
        Node n1 = new Node(1, null);
        ids.put(n1, 1);
        System.out.println("maps " + byIdentity.get(k) + " " + byIdentity.size() + " " + byValue.get(new Pair<>(1, 2)) + " "
                + ids.get(n1) + " " + ids.containsKey(new Node(1, null)) + " " + (k.hashCode() == System.identityHashCode(k))
                + " " + k.toString().startsWith("programs.ObjectsCorpus$NoEquals@"));

        Object o = captured;
        System.out.println("casts " + (o instanceof Bus) + " " + (o instanceof Greeter));
        try {
            Bus b = (Bus) o;
            System.out.println("no exception " + b);
        } catch (ClassCastException ex) {
            System.out.println("ClassCastException");
        }
        Node missing = n1.next;
        try {
            System.out.println(missing.value);
        } catch (NullPointerException ex) {
            System.out.println("NPE " + ex.getMessage());
        }
        try {
            n1.next.tag = "x";
        } catch (NullPointerException ex) {
            System.out.println("chained NPE " + ex.getMessage());
        }
        try {
            throw new IllegalStateException("state of " + captured.name());
        } catch (IllegalStateException ex) {
            System.out.println("exception " + ex.getMessage());
        }

        Latch latch = new Latch();
        Node counterBox = new Node(0, null);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    latch.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 10_000; i++) {
                    synchronized (counterBox) {
                        counterBox.tag = "t";
                        counterBox.next = counterBox.next == null ? new Node(1, null) : new Node(counterBox.next.value + 1, null);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        while (latch.waiters() < 4) {
            Thread.onSpinWait();
        }
        latch.open();
        for (Thread th : threads) {
            th.join();
        }
        System.out.println("threads " + counterBox.next.value + " " + counterBox.tag);

        Node head = null;
        for (long i = 0; i < chain; i++) {
            head = new Node(i, head);
            if (i % 1000 == 0) {
                head.tag = "t" + i;
            }
        }
        long sum = 0;
        int tags = 0;
        for (Node x = head; x != null; x = x.next) {
            sum += x.value;
            tags += x.tag != null ? 1 : 0;
        }
        Optional<Vehicle> biggest = fleet.stream().max(Comparator.comparingInt(Vehicle::capacity));
        System.out.println("chain " + chain + " sum " + sum + " tags " + tags + " biggest " + biggest.map(Greeter::name).orElse("-"));
    }
}
