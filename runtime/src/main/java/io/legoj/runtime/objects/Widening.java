package io.legoj.runtime.objects;

/** Java's widening conversions on boxed values, as reflection applies them. */
final class Widening {
    private Widening() {
    }

    static long asLong(Object v) {
        return v instanceof Character c ? c : ((Number) v).longValue();
    }

    static double asDouble(Object v) {
        return v instanceof Character c ? c : ((Number) v).doubleValue();
    }

    /** {@code v} converted to {@code type}; the JDK already checked that the conversion is allowed. */
    static Object to(Class<?> type, Object v) {
        if (!type.isPrimitive() || type == boolean.class || type == char.class) {
            return v;
        }
        if (type == byte.class) {
            return (byte) asLong(v);
        }
        if (type == short.class) {
            return (short) asLong(v);
        }
        if (type == int.class) {
            return (int) asLong(v);
        }
        if (type == long.class) {
            return asLong(v);
        }
        if (type == float.class) {
            return v instanceof Long l ? (float) (long) l : (float) asDouble(v);
        }
        return asDouble(v);
    }
}
