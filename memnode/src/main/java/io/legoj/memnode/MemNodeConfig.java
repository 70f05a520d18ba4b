package io.legoj.memnode;

import io.legoj.protocol.Protocol;
import io.legoj.protocol.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link MemNode}. Start from {@link #of(long, String)} and change what differs from the
 * defaults with the {@code with...} methods.
 *
 * @param host address to listen on
 * @param port TCP port, 0 for an ephemeral one
 * @param capacity most bytes of pages the node holds
 * @param secret cluster secret every client must prove it knows
 * @param lease how long the pages of an application without connections are kept
 * @param maxFrame largest frame body accepted (and announced to clients)
 * @param ticker monotonic clock for leases and uptime
 * @param ioThreads event loop threads
 * @param journal where the node journals its state to come back with it after a restart, or
 *        {@code null} for none (the pages then die with the process)
 */
public record MemNodeConfig(String host, int port, long capacity, String secret, Duration lease, int maxFrame,
        Ticker ticker, int ioThreads, JournalConfig journal) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    public static final int DEFAULT_IO_THREADS = 2;

    public MemNodeConfig {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(secret, "secret must not be null");
        Objects.requireNonNull(lease, "lease must not be null");
        Objects.requireNonNull(ticker, "ticker must not be null");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        if (lease.isNegative()) {
            throw new IllegalArgumentException("lease must not be negative, got " + lease);
        }
        if (maxFrame < Protocol.HEADER_BYTES) {
            throw new IllegalArgumentException("maxFrame must be at least " + Protocol.HEADER_BYTES + ", got " + maxFrame);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
        }
    }

    /** Defaults: 127.0.0.1, ephemeral port, 30 s lease, the protocol's frame limit, system clock, 2 threads, no journal. */
    public static MemNodeConfig of(long capacity, String secret) {
        return new MemNodeConfig(DEFAULT_HOST, 0, capacity, secret, DEFAULT_LEASE, Protocol.DEFAULT_MAX_FRAME,
                Ticker.SYSTEM, DEFAULT_IO_THREADS, null);
    }

    public MemNodeConfig withHost(String host) {
        return new MemNodeConfig(host, port, capacity, secret, lease, maxFrame, ticker, ioThreads, journal);
    }

    public MemNodeConfig withPort(int port) {
        return new MemNodeConfig(host, port, capacity, secret, lease, maxFrame, ticker, ioThreads, journal);
    }

    public MemNodeConfig withLease(Duration lease) {
        return new MemNodeConfig(host, port, capacity, secret, lease, maxFrame, ticker, ioThreads, journal);
    }

    public MemNodeConfig withMaxFrame(int maxFrame) {
        return new MemNodeConfig(host, port, capacity, secret, lease, maxFrame, ticker, ioThreads, journal);
    }

    public MemNodeConfig withTicker(Ticker ticker) {
        return new MemNodeConfig(host, port, capacity, secret, lease, maxFrame, ticker, ioThreads, journal);
    }

    public MemNodeConfig withIoThreads(int ioThreads) {
        return new MemNodeConfig(host, port, capacity, secret, lease, maxFrame, ticker, ioThreads, journal);
    }

    /** With a journal in {@code dir} and its default settings. */
    public MemNodeConfig withJournal(Path dir) {
        return withJournal(JournalConfig.of(dir));
    }

    /** With {@code journal}, or none when it is {@code null}. */
    public MemNodeConfig withJournal(JournalConfig journal) {
        return new MemNodeConfig(host, port, capacity, secret, lease, maxFrame, ticker, ioThreads, journal);
    }

    /** The lease in nanoseconds, saturated at {@link Long#MAX_VALUE} (a lease of centuries never ends). */
    long leaseNanos() {
        return lease.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : lease.toNanos();
    }

    /** Like the record's, without the secret. */
    @Override
    public String toString() {
        return "MemNodeConfig[host=" + host + ", port=" + port + ", capacity=" + capacity + ", lease=" + lease
                + ", maxFrame=" + maxFrame + ", ioThreads=" + ioThreads + ", journal=" + journal + "]";
    }
}
