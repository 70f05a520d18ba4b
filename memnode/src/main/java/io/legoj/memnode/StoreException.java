package io.legoj.memnode;

import io.legoj.protocol.ErrorCode;

/**
 * A request the page store refuses; the handler answers it with an {@code ERROR} reply carrying
 * {@link #code()}. Expected on the request path, so it has no stack trace.
 */
final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    StoreException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
