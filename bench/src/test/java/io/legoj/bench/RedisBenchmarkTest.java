package io.legoj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisBenchmarkTest {
    @Test
    void readsTheResultLinesBetweenItsProgressLines() {
        String output = "SET: rps=0.0 (overall: -nan) avg_msec=-nan (overall: -nan)\r"
                + "SET: rps=17147.4 (overall: 8860.6) avg_msec=76.199 (overall: 80.525)\r"
                + "SET: 21061.50 requests per second, p50=2.999 msec                    \n"
                + "GET: rps=41216.0 (overall: 58214.7) avg_msec=12.246 (overall: 12.246)\r"
                + "GET: 58072.01 requests per second, p50=2.543 msec\n\n";
        assertEquals(Map.of("SET", 21061.50, "GET", 58072.01), RedisBenchmark.parse(output));
        assertEquals(Map.of(), RedisBenchmark.parse("Could not connect to Redis at 127.0.0.1:1: Connection refused\n"));
    }
}
