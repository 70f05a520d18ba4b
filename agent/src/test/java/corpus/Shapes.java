package corpus;

/** Inheritance over three levels, field hiding, abstract and overriding methods, super calls. */
public final class Shapes {
    private Shapes() {
    }

    abstract static class Shape {
        protected String name;
        int id;

        Shape(String name, int id) {
            this.name = name;
            this.id = id;
        }

        abstract double area();

        String describe() {
            return name + "#" + id + " area=" + area();
        }
    }

    static class Rect extends Shape {
        double w;
        double h;

        Rect(String name, int id, double w, double h) {
            super(name, id);
            this.w = w;
            this.h = h;
        }

        @Override
        double area() {
            return w * h;
        }
    }

    static class Square extends Rect {
        int id;

        Square(int id, double side) {
            super("square", id * 10, side, side);
            this.id = id;
        }

        @Override
        String describe() {
            return super.describe() + " own-id=" + id + " super-id=" + ((Shape) this).id;
        }
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        Shape[] shapes = {new Rect("rect", 1, 2.5, 4), new Square(7, 3)};
        for (Shape s : shapes) {
            out.append(s.describe()).append('\n');
        }
        Square q = (Square) shapes[1];
        q.w = 5;
        q.id++;
        ((Shape) q).name = "renamed";
        out.append(q.describe()).append('\n');
        return out.toString();
    }
}
