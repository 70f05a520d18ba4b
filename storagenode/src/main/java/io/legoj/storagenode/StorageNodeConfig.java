package io.legoj.storagenode;

import io.legoj.protocol.Protocol;
import io.legoj.protocol.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link StorageNode}. Start from {@link #of(Path, String)} and change what differs from
 * the defaults with the {@code with...} methods.
 *
 * @param host address to listen on
 * @param port TCP port, 0 for an ephemeral one
 * @param dir data directory: files under {@code dir/data/<appId>/}, the journal under {@code dir/journal/}
 * @param secret cluster secret every client must prove it knows
 * @param maxFrame largest frame body accepted (and announced to clients); bounds one read or write
 * @param ticker monotonic clock for uptime and the checkpoint timer
 * @param ioThreads event loop threads
 * @param fileThreads threads that do the file I/O (the requests of one application run in order on one of them at a time)
 * @param checkpointBytes journal bytes after which a checkpoint is taken
 * @param checkpointInterval time after which a checkpoint is taken if anything was journaled
 */
public record StorageNodeConfig(String host, int port, Path dir, String secret, int maxFrame, Ticker ticker,
        int ioThreads, int fileThreads, long checkpointBytes, Duration checkpointInterval) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_IO_THREADS = 2;
    public static final int DEFAULT_FILE_THREADS = 2;
    public static final long DEFAULT_CHECKPOINT_BYTES = 64L << 20;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(30);

    public StorageNodeConfig {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(dir, "dir must not be null");
        Objects.requireNonNull(secret, "secret must not be null");
        Objects.requireNonNull(ticker, "ticker must not be null");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval must not be null");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        if (maxFrame < Protocol.HEADER_BYTES) {
            throw new IllegalArgumentException("maxFrame must be at least " + Protocol.HEADER_BYTES + ", got " + maxFrame);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
        }
        if (fileThreads < 1) {
            throw new IllegalArgumentException("fileThreads must be at least 1, got " + fileThreads);
        }
        if (checkpointBytes < 1) {
            throw new IllegalArgumentException("checkpointBytes must be positive, got " + checkpointBytes);
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive, got " + checkpointInterval);
        }
    }

    /** Defaults: 127.0.0.1, ephemeral port, the protocol's frame limit, system clock, 2 + 2 threads, checkpoint every 64 MiB or 30 s. */
    public static StorageNodeConfig of(Path dir, String secret) {
        return new StorageNodeConfig(DEFAULT_HOST, 0, dir, secret, Protocol.DEFAULT_MAX_FRAME, Ticker.SYSTEM,
                DEFAULT_IO_THREADS, DEFAULT_FILE_THREADS, DEFAULT_CHECKPOINT_BYTES, DEFAULT_CHECKPOINT_INTERVAL);
    }

    public StorageNodeConfig withHost(String host) {
        return new StorageNodeConfig(host, port, dir, secret, maxFrame, ticker, ioThreads, fileThreads, checkpointBytes,
                checkpointInterval);
    }

    public StorageNodeConfig withPort(int port) {
        return new StorageNodeConfig(host, port, dir, secret, maxFrame, ticker, ioThreads, fileThreads, checkpointBytes,
                checkpointInterval);
    }

    public StorageNodeConfig withMaxFrame(int maxFrame) {
        return new StorageNodeConfig(host, port, dir, secret, maxFrame, ticker, ioThreads, fileThreads, checkpointBytes,
                checkpointInterval);
    }

    public StorageNodeConfig withTicker(Ticker ticker) {
        return new StorageNodeConfig(host, port, dir, secret, maxFrame, ticker, ioThreads, fileThreads, checkpointBytes,
                checkpointInterval);
    }

    public StorageNodeConfig withIoThreads(int ioThreads) {
        return new StorageNodeConfig(host, port, dir, secret, maxFrame, ticker, ioThreads, fileThreads, checkpointBytes,
                checkpointInterval);
    }

    public StorageNodeConfig withFileThreads(int fileThreads) {
        return new StorageNodeConfig(host, port, dir, secret, maxFrame, ticker, ioThreads, fileThreads, checkpointBytes,
                checkpointInterval);
    }

    public StorageNodeConfig withCheckpoint(long bytes, Duration interval) {
        return new StorageNodeConfig(host, port, dir, secret, maxFrame, ticker, ioThreads, fileThreads, bytes, interval);
    }

    /** Like the record's, without the secret. */
    @Override
    public String toString() {
        return "StorageNodeConfig[host=" + host + ", port=" + port + ", dir=" + dir + ", maxFrame=" + maxFrame
                + ", ioThreads=" + ioThreads + ", fileThreads=" + fileThreads + ", checkpointBytes=" + checkpointBytes
                + ", checkpointInterval=" + checkpointInterval + "]";
    }
}
