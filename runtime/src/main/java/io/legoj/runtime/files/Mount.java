package io.legoj.runtime.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which application paths live on the storage node: those under one of the prefixes, or all paths
 * when there is none. Paths and prefixes are resolved against the application's working directory
 * and normalized, and a prefix matches whole names ({@code /data} covers {@code /data/x}, not
 * {@code /database}). A path that is not valid (a NUL character) is never covered: the local file
 * system rejects it with its own exception.
 */
public final class Mount {
    private final Path workingDir;
    private final List<Path> prefixes;

    /** @param prefixes the {@code mount=} list; empty means every path */
    public Mount(String workingDir, List<String> prefixes) {
        Objects.requireNonNull(prefixes, "prefixes must not be null");
        this.workingDir = Path.of(Objects.requireNonNull(workingDir, "workingDir must not be null"));
        if (!this.workingDir.isAbsolute()) {
            throw new IllegalArgumentException("workingDir must be absolute, got " + workingDir);
        }
        this.prefixes = prefixes.stream().map(p -> {
            try {
                return absolute(p);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("mount prefix '" + p + "' is not a path: " + e.getReason());
            }
        }).toList();
    }

    public boolean isEverything() {
        return prefixes.isEmpty();
    }

    /** The prefixes, absolute and normalized; empty for every path. */
    public List<Path> prefixes() {
        return prefixes;
    }

    /** True when {@code path} (as the application gave it) is on the storage node. */
    public boolean covers(String path) {
        if (path == null || path.indexOf('\0') >= 0) {
            return false;
        }
        if (prefixes.isEmpty()) {
            return true;
        }
        Path p;
        try {
            p = absolute(path);
        } catch (InvalidPathException e) {
            return false;
        }
        for (Path prefix : prefixes) {
            if (p.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Path absolute(String path) {
        return workingDir.resolve(path).normalize();
    }

    @Override
    public String toString() {
        return prefixes.isEmpty() ? "all paths" : prefixes.toString();
    }
}
