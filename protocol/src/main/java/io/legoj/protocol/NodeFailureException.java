package io.legoj.protocol;

/** A node is unreachable, closed the connection, or did not answer in time. Names the node. */
public final class NodeFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String node;

    public NodeFailureException(String node, String reason) {
        super(node + ": " + reason);
        this.node = node;
    }

    public NodeFailureException(String node, String reason, Throwable cause) {
        super(node + ": " + reason, cause);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
