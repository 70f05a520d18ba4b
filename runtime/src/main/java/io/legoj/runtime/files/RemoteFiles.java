package io.legoj.runtime.files;

import io.legoj.protocol.EventLoops;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeFailureException;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The application's remote file system as the rewritten code reaches it: the {@link StorageClient}
 * and the {@link Mount}, installed once at agent start. Nothing installed (as in code rewritten for
 * a test without a node) means every path is local.
 */
public final class RemoteFiles implements AutoCloseable {
    private static volatile RemoteFiles installed;

    private final StorageClient client;
    private final Mount mount;
    private final EventLoopGroup group;
    final LongAdder opened = new LongAdder();
    private final List<String> deleteOnExit = new ArrayList<>();

    /** Over a client of the caller's, which the caller closes. */
    public RemoteFiles(StorageClient client, Mount mount) {
        this(client, mount, null);
    }

    private RemoteFiles(StorageClient client, Mount mount, EventLoopGroup group) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.mount = Objects.requireNonNull(mount, "mount must not be null");
        this.group = group;
    }

    /**
     * Connects to the storage node (a {@link NodeFailureException} names it when it cannot) and
     * creates there the directories the application expects to find: the mount prefixes, or, when
     * every path is mounted, the working directory and {@code java.io.tmpdir}.
     */
    public static RemoteFiles start(HostPort node, StorageClient.Settings settings, List<String> mountPrefixes) {
        Mount mount = new Mount(settings.workingDir(), mountPrefixes);
        EventLoopGroup group = EventLoops.create("legoj-files", 1);
        StorageClient client;
        try {
            client = StorageClient.open(group, node, settings);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        RemoteFiles files = new RemoteFiles(client, mount, group);
        try {
            files.createMountDirectories(System.getProperty("java.io.tmpdir"));
        } catch (IOException e) {
            files.close();
            throw new NodeFailureException(client.node(), "cannot create the mounted directories: " + e.getMessage(), e);
        }
        return files;
    }

    void createMountDirectories(String tmpDir) throws IOException {
        Set<String> dirs = new LinkedHashSet<>();
        if (mount.isEverything()) {
            dirs.add(client.settings().workingDir());
            if (tmpDir != null && !tmpDir.isEmpty()) {
                dirs.add(tmpDir);
            }
        } else {
            mount.prefixes().forEach(p -> dirs.add(p.toString()));
        }
        for (String d : dirs) {
            client.createDirectories(d);
        }
    }

    /** Makes {@code files} (or nothing, with null) the one the rewritten code uses. */
    public static void install(RemoteFiles files) {
        installed = files;
    }

    public static RemoteFiles installed() {
        return installed;
    }

    /** The client serving {@code path}, or null when the path is local (or nothing is installed). */
    public static StorageClient clientFor(String path) {
        RemoteFiles f = installed;
        return f != null && f.mount.covers(path) ? f.client : null;
    }

    static void countOpen() {
        RemoteFiles f = installed;
        if (f != null) {
            f.opened.increment();
        }
    }

    public StorageClient client() {
        return client;
    }

    public Mount mount() {
        return mount;
    }

    /** Remembers {@code path} for {@link #atExit()}, as {@code File.deleteOnExit} does locally. */
    static void deleteOnExit(String path) {
        RemoteFiles f = installed;
        if (f != null) {
            synchronized (f.deleteOnExit) {
                f.deleteOnExit.add(path);
            }
        }
    }

    /**
     * What the JVM's exit owes the application's remote files: every open file's buffered writes
     * are sent and waited for (a local write is in the kernel once it returns, so an application
     * that exits without closing a file still finds its data next time), then the paths of
     * {@code deleteOnExit} are deleted, latest first. Failures are returned, not thrown.
     */
    public List<String> atExit() {
        List<String> failures = new ArrayList<>();
        for (RemoteFile f : client.openFiles()) {
            try {
                if (f.isOpen()) {
                    f.flush();
                }
            } catch (IOException e) {
                failures.add(f.path() + ": " + e.getMessage());
            }
        }
        List<String> paths;
        synchronized (deleteOnExit) {
            paths = new ArrayList<>(deleteOnExit);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            try {
                client.delete(paths.get(i));
            } catch (IOException e) {
                // as locally: deleteOnExit does not report
            }
        }
        return failures;
    }

    /** One line for the exit summary. */
    public String summary() {
        return client.node() + " appid=" + client.settings().appId() + " mount=" + mount + " files_opened="
                + opened.sum();
    }

    /** Closes the client (flushing its open files) if this opened it. */
    @Override
    public void close() {
        if (group == null) {
            return;
        }
        try {
            client.close();
        } catch (IOException e) {
            // the files' own close reports write failures; nothing is left to tell here
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
