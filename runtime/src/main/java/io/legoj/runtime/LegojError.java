package io.legoj.runtime;

/**
 * Remote memory became unusable (a memory node failed without a replica). An {@link Error}, so that
 * application code catching {@code Exception} does not carry on with lost data.
 */
public final class LegojError extends Error {
    private static final long serialVersionUID = 1L;

    public LegojError(String message, Throwable cause) {
        super(message, cause);
    }
}
