package io.legoj.agent;

import io.legoj.protocol.HostPort;
import io.legoj.protocol.Sizes;
import io.legoj.protocol.Ticker;
import io.legoj.runtime.RuntimeConfig;
import io.legoj.runtime.files.StorageClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's option string, {@code memnodes=H:P,H:P,cache=64m,page=4k}: comma-separated
 * {@code key=value} pairs, where a token without {@code =} continues the previous value's list.
 */
public final class AgentOptions {
    private static final Set<String> KNOWN = Set.of("memnodes", "storage", "mount", "cache", "page", "replicas", "appid",
            "region", "timeout", "reconnect", "objects", "arrays", "arraylocal", "include", "exclude", "log");
    /** Arrays of at most this many bytes stay in local mode (measured: see docs/BENCHMARKS.md). */
    static final long DEFAULT_ARRAY_LOCAL_BYTES = 64;
    /** A storage node may take a while to make a large file durable: its requests get more time than pages. */
    static final Duration DEFAULT_STORAGE_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_APP_ID = 64;

    private final Map<String, String> values;

    private AgentOptions(Map<String, String> values) {
        this.values = values;
    }

    public static AgentOptions parse(String s) {
        Map<String, String> values = new LinkedHashMap<>();
        String last = null;
        for (String token : (s == null ? "" : s).split(",")) {
            if (token.isBlank()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                if (last == null) {
                    throw new IllegalArgumentException("option '" + token + "' has no value (expected key=value)");
                }
                values.put(last, values.get(last) + "," + token.trim());
                continue;
            }
            String key = token.substring(0, eq).trim();
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown agent option '" + key + "' (known: " + String.join(", ",
                        KNOWN.stream().sorted().toList()) + ")");
            }
            if (values.put(key, token.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("agent option '" + key + "' given twice");
            }
            last = key;
        }
        return new AgentOptions(values);
    }

    public String get(String key) {
        return values.get(key);
    }

    /** Checks every option, so that a bad one is reported before anything else (a missing secret, say). */
    public void validate() {
        if (usesMemory()) {
            runtimeConfig("", "validation");
        }
        storage();
        mounts();
        remoteObjects();
        remoteArrays();
        arrayLocalBytes();
        logClasses();
        classSelection();
    }

    /** True when {@code objects=remote}: application objects keep their fields in remote memory. */
    public boolean remoteObjects() {
        String v = values.getOrDefault("objects", "local");
        if (!v.equals("remote") && !v.equals("local")) {
            throw new IllegalArgumentException("objects=" + v + " is neither remote nor local");
        }
        return v.equals("remote");
    }

    /** True when {@code arrays=remote}: the application's primitive arrays live in remote memory. */
    public boolean remoteArrays() {
        String v = values.getOrDefault("arrays", "local");
        if (!v.equals("remote") && !v.equals("local")) {
            throw new IllegalArgumentException("arrays=" + v + " is neither remote nor local");
        }
        if (values.containsKey("arraylocal") && v.equals("local")) {
            throw new IllegalArgumentException("arraylocal= applies to arrays=remote only");
        }
        return v.equals("remote");
    }

    /** {@code arraylocal=SIZE}: arrays of at most this many bytes stay in local mode. */
    public long arrayLocalBytes() {
        return values.containsKey("arraylocal") ? Sizes.parse(values.get("arraylocal")) : DEFAULT_ARRAY_LOCAL_BYTES;
    }

    /**
     * True when the application's memory runtime starts: with {@code memnodes=} (required then), with
     * {@code objects=remote} or {@code arrays=remote}, or without {@code storage=}. Remote files alone
     * need no memnode.
     */
    public boolean usesMemory() {
        return values.containsKey("memnodes") || remoteObjects() || remoteArrays() || !values.containsKey("storage");
    }

    /** The storage node of {@code storage=H:P}, or null when file I/O stays local. */
    public HostPort storage() {
        String v = values.get("storage");
        if (v == null) {
            if (values.containsKey("mount")) {
                throw new IllegalArgumentException("mount= needs storage=H:P (the storage node the mounted paths live on)");
            }
            return null;
        }
        try {
            return HostPort.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("storage=" + v + ": " + e.getMessage());
        }
    }

    /** The path prefixes of {@code mount=} that live on the storage node; empty (the default) for every path. */
    public List<String> mounts() {
        List<String> prefixes = list("mount");
        if (values.containsKey("mount") && prefixes.isEmpty()) {
            throw new IllegalArgumentException("mount= names no path (give prefixes, or leave it out to mount every path)");
        }
        return prefixes;
    }

    /**
     * The storage client's settings: the application id is {@code appid=}, else {@link #storageAppId}
     * of the JVM's command, so that a run finds the files of the runs before it.
     */
    public StorageClient.Settings storageSettings(String secret, String javaCommand) {
        String appId = values.containsKey("appid") ? values.get("appid") : storageAppId(javaCommand);
        Duration timeout = values.containsKey("timeout") ? parseDuration(values.get("timeout")) : DEFAULT_STORAGE_TIMEOUT;
        return StorageClient.Settings.of(secret, appId).withTimeout(timeout.toNanos(), Ticker.SYSTEM);
    }

    /**
     * The default application id of the files: the main class ({@code com.example.Main}) or the jar's
     * name without {@code .jar}, from {@code sun.java.command}; characters other than letters,
     * digits, '.', '_' and '-' become '_'; {@code app} when the command is unknown.
     */
    static String storageAppId(String javaCommand) {
        String first = javaCommand == null ? "" : javaCommand.trim().split("\\s+")[0];
        if (first.endsWith(".jar")) {
            first = first.substring(first.lastIndexOf('/') + 1, first.length() - 4);
        } else {
            first = first.substring(first.lastIndexOf('/') + 1);
        }
        String id = first.replaceAll("[^A-Za-z0-9._-]", "_");
        if (id.isEmpty()) {
            return "app";
        }
        return id.length() > MAX_APP_ID ? id.substring(id.length() - MAX_APP_ID) : id;
    }

    /** True when {@code log=classes}: every class kept local is logged once with the reason. */
    public boolean logClasses() {
        String v = values.get("log");
        if (v != null && !v.equals("classes")) {
            throw new IllegalArgumentException("log=" + v + " is not known (log=classes logs classes kept local)");
        }
        return v != null;
    }

    /** Which classes are application code: {@code include=} and {@code exclude=} patterns over the defaults. */
    public ClassSelection classSelection() {
        return new ClassSelection(list("include"), list("exclude"));
    }

    private java.util.List<String> list(String key) {
        String v = values.get(key);
        return v == null ? java.util.List.of() : java.util.Arrays.stream(v.split(",")).map(String::trim)
                .filter(p -> !p.isEmpty()).toList();
    }

    /** The runtime configuration these options ask for; unsupported features fail here, loudly. */
    public RuntimeConfig runtimeConfig(String secret, String defaultAppId) {
        String memnodes = values.get("memnodes");
        if (memnodes == null) {
            throw new IllegalArgumentException("memnodes=H:P[,H:P...] is required (bin/legoj run starts local ones)");
        }
        int replicas;
        try {
            replicas = Integer.parseInt(values.getOrDefault("replicas", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("replicas=" + values.get("replicas") + " is not a number");
        }
        List<HostPort> nodes = HostPort.parseList(memnodes);
        RuntimeConfig d = RuntimeConfig.defaults(nodes, values.getOrDefault("appid", defaultAppId), secret);
        long cache = values.containsKey("cache") ? Sizes.parse(values.get("cache")) : d.cacheBytes();
        long page = values.containsKey("page") ? Sizes.parse(values.get("page")) : d.pageSize();
        if (page > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("page=" + values.get("page") + " is too large");
        }
        long region = values.containsKey("region") ? Sizes.parse(values.get("region")) : d.regionSize();
        Duration timeout = values.containsKey("timeout") ? parseDuration(values.get("timeout")) : d.timeout();
        Duration reconnect = values.containsKey("reconnect") ? parseDuration(values.get("reconnect")) : d.reconnect();
        return new RuntimeConfig(nodes, d.appId(), secret, (int) page, cache, region, d.tlbEntries(), d.readAheadMax(),
                d.evictBatch(), timeout, replicas, reconnect);
    }

    static Duration parseDuration(String s) {
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a duration (examples: 500ms, 10s)");
        }
    }
}
