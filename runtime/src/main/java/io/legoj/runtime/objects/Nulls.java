package io.legoj.runtime.objects;

import java.util.Arrays;

/**
 * The null check of a field access whose receiver a remote field read pushed: the JVM cannot
 * describe that receiver (the read is an {@code invokedynamic}), so the rewriter passes the message
 * the plain program gets, and the exception is thrown as from the caller.
 */
public final class Nulls {
    private Nulls() {
    }

    public static void check(Object receiver, String message) {
        if (receiver == null) {
            throw fromCaller(new NullPointerException(message));
        }
    }

    /** {@link #check} of a receiver kept as an address (0 for null); returns the address. */
    public static long address(long address, String message) {
        if (address == 0) {
            throw fromCaller(new NullPointerException(message));
        }
        return address;
    }

    private static NullPointerException fromCaller(NullPointerException e) {
        StackTraceElement[] trace = e.getStackTrace();
        int own = 0;
        while (own < trace.length && trace[own].getClassName().equals(Nulls.class.getName())) {
            own++;
        }
        e.setStackTrace(Arrays.copyOfRange(trace, own, trace.length));
        return e;
    }
}
