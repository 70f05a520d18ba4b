package io.legoj.protocol;

/** Injected monotonic clock, so that leases and time-outs are tested without sleeping. */
@FunctionalInterface
public interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    long nanoTime();
}
