package io.legoj.cli;

import io.legoj.protocol.HostPort;
import io.legoj.protocol.Protocol;
import io.legoj.protocol.Sizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Memnode child JVMs on loopback for one {@code run}, and optionally a storagenode child with a
 * temporary data directory: started together, stopped together, also when this JVM is stopped. A
 * child that dies or says nothing before it listens fails the start and the others are stopped.
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
    private Path storageDir;

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

    /**
     * Starts one storagenode child ({@code storagenodeCommand} + {@code --port 0 --dir <temporary dir>})
     * and returns its address once it listens; the directory is deleted when the cluster stops.
     * {@code run} calls this only once the agent takes {@code storage=} (see
     * {@link RunCommand#startsLocalStorage()}).
     */
    HostPort startStorage(List<String> storagenodeCommand) {
        ChildNode node;
        synchronized (this) {
            if (closed) {
                throw new CliException(CliException.FAILURE, "stopped while starting the local storagenode");
            }
            try {
                storageDir = Files.createTempDirectory("legoj-storage-");
            } catch (IOException e) {
                throw new CliException(CliException.FAILURE, "cannot create a data directory for the local storagenode: "
                        + e.getMessage());
            }
            List<String> cmd = new ArrayList<>(storagenodeCommand);
            cmd.addAll(List.of("--port", "0", "--dir", storageDir.toString()));
            node = ChildNode.start("storagenode", StoragenodeCommand.LISTENING, cmd,
                    Map.of(Protocol.SECRET_ENV, spec.secret()), messages);
            children.add(node);
        }
        try {
            return node.address().get(spec.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new CliException(CliException.FAILURE, "storagenode printed no '" + StoragenodeCommand.LISTENING.trim()
                    + "' line within " + spec.startTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof CliException ce ? ce
                    : new CliException(CliException.FAILURE, "local storagenode failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new CliException(CliException.FAILURE, "interrupted while starting the local storagenode");
        }
    }

    /** The local storagenode's data directory, if one was started. */
    synchronized Optional<Path> storageDir() {
        return Optional.ofNullable(storageDir);
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
        if (storageDir != null) {
            deleteTree(storageDir);
        }
    }

    private void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            messages.println("[legoj] cannot delete the local storagenode's directory " + root + ": " + e.getMessage());
            messages.flush();
        }
    }

    @Override
    public void close() {
        stopChildren();
        Processes.cancel(hook);
    }
}
