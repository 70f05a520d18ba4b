package corpus;

import java.util.HashSet;
import java.util.Set;

/** Records: accessors, compact constructors, generated equals/hashCode/toString, records in sets. */
public final class Records {
    private Records() {
    }

    record Point(int x, long y, String label) {
        Point {
            if (x < 0) {
                throw new IllegalArgumentException("x < 0: " + x);
            }
        }

        Point moved(int dx) {
            return new Point(x + dx, y, label);
        }
    }

    record Segment(Point from, Point to, double weight) {
    }

    public static String run() {
        Point a = new Point(1, 2, "a");
        Point b = a.moved(3);
        Segment s = new Segment(a, b, 0.5);
        Set<Point> set = new HashSet<>();
        set.add(a);
        set.add(new Point(1, 2, "a"));
        String bad;
        try {
            new Point(-1, 0, "bad");
            bad = "none";
        } catch (IllegalArgumentException e) {
            bad = e.getMessage();
        }
        return s + " " + a.equals(new Point(1, 2, "a")) + " " + (a.hashCode() == new Point(1, 2, "a").hashCode())
                + " " + set.size() + " " + b.x() + " " + s.to().label() + " " + bad;
    }
}
