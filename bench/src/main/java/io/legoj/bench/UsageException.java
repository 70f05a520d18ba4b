package io.legoj.bench;

/** Bad arguments: {@link BenchMain} prints the message on one line and exits with 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
