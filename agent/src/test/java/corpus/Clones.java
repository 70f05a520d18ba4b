package corpus;

import java.util.ArrayList;
import java.util.List;

/** {@code clone()} of remote objects: each clone has its own fields, however recently the original was used. */
public final class Clones {
    private Clones() {
    }

    static class Point implements Cloneable {
        int x;
        long y;
        String label;
        Point next;

        Point copy() {
            try {
                return (Point) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static final class Point3 extends Point {
        double z;

        @Override
        Point3 copy() {
            return (Point3) super.copy();
        }
    }

    public static String run() {
        List<String> out = new ArrayList<>();
        Point p = new Point();
        p.x = 1;
        p.y = Long.MIN_VALUE;
        p.label = "p";
        p.next = new Point();
        p.x += 1;
        Point q = p.copy();
        q.x = 10;
        q.y = Long.MAX_VALUE;
        q.label = "q";
        q.next.x = 7;
        out.add(p.x + " " + p.y + " " + p.label + " / " + q.x + " " + q.y + " " + q.label);
        out.add("shallow " + (p.next == q.next) + " " + p.next.x + " same " + (p == q) + " class "
                + (p.getClass() == q.getClass()) + " hash " + (System.identityHashCode(p) == System.identityHashCode(q)));

        Point3 t = new Point3();
        t.z = 1.5;
        t.x = -1;
        double sum = 0;
        Point3 last = t;
        for (int i = 0; i < 2000; i++) {
            Point3 c = (i % 2 == 0 ? t : last).copy();
            c.z += i;
            c.x = i;
            sum += c.z + c.x + t.z + t.x;
            last = c;
        }
        out.add("loop " + sum + " original " + t.z + " " + t.x + " last " + last.z + " " + last.x);

        Point fresh = new Point();
        Point freshCopy = fresh.copy();
        freshCopy.x = 3;
        out.add("never used " + fresh.x + " " + freshCopy.x + " " + fresh.copy().x);
        return String.join("\n", out);
    }
}
