package io.legoj.cli;

import io.legoj.protocol.HostPort;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.Sizes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Memnode child JVMs on loopback for one {@code run}: started together, stopped together, also when
 * this JVM is stopped. A child that dies or says nothing before it listens fails the start and the
 * others are stopped.
 */
final class LocalCluster implements AutoCloseable {
    /**
     * @param nodeCommand command of one node, to which {@code --port 0 --capacity SIZE} is appended
     */
    record Spec(List<String> nodeCommand, int nodes, long capacityPerNode, String secret,
                Duration startTimeout, Duration stopTimeout) {
    }

    private final Spec spec;
    private final PrintWriter messages;
    private final List<ChildNode> children = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    LocalCluster(Spec spec, PrintWriter messages) {
        this.spec = spec;
        this.messages = messages;
        this.hook = Processes.onShutdown("legoj-stop-memnodes", this::stopChildren);
    }

    /** Starts the nodes and returns their addresses once every one listens. */
    List<HostPort> start() {
        try {
            for (int i = 1; i <= spec.nodes(); i++) {
                launch("memnode#" + i);
            }
            return awaitAddresses();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private synchronized void launch(String name) {
        if (closed) {
            throw new CliException(CliException.FAILURE, "stopped while starting the local memnodes");
        }
        List<String> cmd = new ArrayList<>(spec.nodeCommand());
        cmd.addAll(List.of("--port", "0", "--capacity", Sizes.format(spec.capacityPerNode())));
        children.add(ChildNode.start(name, cmd, Map.of(Protocol.SECRET_ENV, spec.secret()), messages));
    }

    private List<HostPort> awaitAddresses() {
        List<ChildNode> nodes = snapshot();
        CompletableFuture<Void> all = CompletableFuture.allOf(
                nodes.stream().map(ChildNode::address).toArray(CompletableFuture<?>[]::new));
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        nodes.forEach(n -> n.address().whenComplete((a, e) -> {
            if (e != null) {
                firstFailure.completeExceptionally(e);
            }
        }));
        try {
            CompletableFuture.anyOf(all, firstFailure).get(spec.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CliException(CliException.FAILURE, silent(nodes) + " printed no '" + ChildNode.LISTENING.trim()
                    + "' line within " + spec.startTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CliException ce ? ce
                    : new CliException(CliException.FAILURE, "local memnodes failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILURE, "interrupted while starting the local memnodes");
        }
        return nodes.stream().map(n -> n.address().join()).collect(Collectors.toList());
    }

    private static String silent(List<ChildNode> nodes) {
        return nodes.stream().filter(n -> !n.address().isDone()).map(ChildNode::name).collect(Collectors.joining(", "));
    }

    private synchronized List<ChildNode> snapshot() {
        return List.copyOf(children);
    }

    /** The child processes, for tests and diagnostics. */
    List<Process> processes() {
        return snapshot().stream().map(ChildNode::process).collect(Collectors.toList());
    }

    private synchronized void stopChildren() {
        closed = true;
        children.forEach(ChildNode::stopping);
        Processes.stop(children.stream().map(ChildNode::process).collect(Collectors.toList()), spec.stopTimeout());
        children.forEach(c -> c.awaitOutput(1000));
    }

    @Override
    public void close() {
        stopChildren();
        Processes.cancel(hook);
    }
}
