package io.legoj.cli;

import io.legoj.protocol.HostPort;
import io.legoj.protocol.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the option string of {@code -javaagent:legoj-agent.jar=<options>}, e.g.
 * {@code memnodes=127.0.0.1:7001,127.0.0.1:7002,cache=64m,page=4k,replicas=2,appid=kv}. A list value
 * continues over the commas that follow it; options left null are not written, so the agent's
 * defaults apply.
 */
final class AgentOptions {
    private final List<String> parts = new ArrayList<>();

    AgentOptions memnodes(List<HostPort> nodes) {
        return add("memnodes", nodes == null || nodes.isEmpty() ? null
                : nodes.stream().map(HostPort::toString).collect(Collectors.joining(",")));
    }

    AgentOptions storage(HostPort node) {
        return add("storage", node == null ? null : node.toString());
    }

    AgentOptions mount(List<String> prefixes) {
        return add("mount", prefixes == null || prefixes.isEmpty() ? null : String.join(",", prefixes));
    }

    /** {@code mount=}: the path prefixes whose files live on the storage node (all paths when not given). */
    AgentOptions mount(String prefix) {
        return add("mount", prefix);
    }

    /** {@code include=}: classes to rewrite even if the defaults skip them (a pattern list). */
    AgentOptions include(String patterns) {
        return add("include", patterns);
    }

    AgentOptions region(Long bytes) {
        return add("region", bytes == null ? null : Sizes.format(bytes));
    }

    AgentOptions cache(Long bytes) {
        return add("cache", bytes == null ? null : Sizes.format(bytes));
    }

    AgentOptions page(Long bytes) {
        return add("page", bytes == null ? null : Sizes.format(bytes));
    }

    AgentOptions replicas(Integer n) {
        return add("replicas", n == null ? null : n.toString());
    }

    AgentOptions appId(String id) {
        return add("appid", id);
    }

    AgentOptions objects(String mode) {
        return add("objects", mode);
    }

    AgentOptions arrays(String mode) {
        return add("arrays", mode);
    }

    String build() {
        return String.join(",", parts);
    }

    private AgentOptions add(String key, String value) {
        if (value != null) {
            parts.add(key + "=" + value);
        }
        return this;
    }
}
