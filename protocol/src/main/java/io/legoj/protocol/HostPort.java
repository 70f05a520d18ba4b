package io.legoj.protocol;

import java.util.ArrayList;
import java.util.List;

/** A node address {@code host:port}. */
public record HostPort(String host, int port) {
    public HostPort {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 1..65535");
        }
    }

    public static HostPort parse(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("'" + s + "' is not host:port");
        }
        try {
            return new HostPort(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' has no numeric port");
        }
    }

    /** Parses a comma-separated list {@code h:p,h:p}. */
    public static List<HostPort> parseList(String s) {
        List<HostPort> list = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                list.add(parse(part.trim()));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no host:port in '" + s + "'");
        }
        return list;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
