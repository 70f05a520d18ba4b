package arraycorpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Java serialization of classes with array fields and array-typed methods: the serialized form
 * (field types, serialVersionUIDs) is the plain program's, round trips keep values and sharing, and
 * streams travel between a plain JVM and the agent both ways ({@link #stream}, {@link #describe}).
 */
public final class Serial {
    private Serial() {
    }

    static class Base implements Serializable {
        byte[] bytes = {1, 2, 3};
    }

    static final class Rec extends Base {
        final int[] data;
        final long[][] grid;
        String name;
        transient int[] cache = {9};
        Object payload;
        double d;
        short s;

        Rec(int[] data, String name) {
            this.data = data;
            this.name = name;
            this.grid = new long[][] {{Long.MIN_VALUE, 0}, {}, null, {Long.MAX_VALUE}};
            this.payload = new float[] {1.5f, -0f};
            this.d = -0.0;
            this.s = Short.MIN_VALUE;
        }
    }

    static final class Versioned implements Serializable {
        private static final long serialVersionUID = 42L;
        boolean[] flags = {true, false, true};
        char[] chars = "héllo".toCharArray();
    }

    /** No array field, but array-typed methods, which the default serialVersionUID hashes. */
    static final class Methods implements Serializable {
        int x = 5;

        int[] twice(int[] a) {
            int[] out = a.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] *= 2;
            }
            return out;
        }
    }

    private static List<Object> sample() {
        int[] shared = new int[100];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = i * i;
        }
        List<Object> objects = new ArrayList<>();
        objects.add(new Rec(shared, "first"));
        objects.add(new Rec(shared, "second"));
        objects.add(new Versioned());
        objects.add(new Methods());
        objects.add(new double[] {Math.PI, Double.NaN});
        return objects;
    }

    /** The sample, serialized, in Base64. */
    public static String stream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sample());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** What the stream in Base64 holds. */
    public static String describe(String base64) {
        List<?> objects;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            objects = (List<?>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            return e.toString();
        }
        StringBuilder out = new StringBuilder();
        for (Object o : objects) {
            if (o instanceof Rec r) {
                out.append("rec ").append(r.name).append(' ').append(Arrays.toString(r.bytes)).append(' ')
                        .append(r.data.length).append(' ').append(r.data[99]).append(' ')
                        .append(Arrays.deepToString(r.grid)).append(' ').append(r.cache).append(' ')
                        .append(Arrays.toString((float[]) r.payload)).append(' ').append(r.d).append(' ')
                        .append(r.s).append('\n');
            } else if (o instanceof Versioned v) {
                out.append("versioned ").append(Arrays.toString(v.flags)).append(' ').append(v.chars).append('\n');
            } else if (o instanceof Methods m) {
                out.append("methods ").append(m.x).append(' ').append(Arrays.toString(m.twice(new int[] {m.x}))).append('\n');
            } else {
                out.append("array ").append(Arrays.toString((double[]) o)).append('\n');
            }
        }
        Rec first = (Rec) objects.get(0);
        Rec second = (Rec) objects.get(1);
        first.data[99] = -1;
        out.append("shared ").append(second.data[99]).append('\n');
        return out.toString();
    }

    private static String form(Class<?> c) {
        ObjectStreamClass d = ObjectStreamClass.lookup(c);
        StringBuilder out = new StringBuilder(c.getSimpleName()).append(" suid=").append(d.getSerialVersionUID());
        for (ObjectStreamField f : d.getFields()) {
            out.append(' ').append(f.getName()).append(':').append(f.getTypeString() == null ? f.getTypeCode()
                    : f.getTypeString());
        }
        return out.toString();
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        for (Class<?> c : List.of(Base.class, Rec.class, Versioned.class, Methods.class)) {
            out.append(form(c)).append('\n');
        }
        out.append(describe(stream()));
        return out.toString();
    }
}
