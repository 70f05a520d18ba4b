package io.legoj.bench;

import java.util.List;
import java.util.Map;

/** What one run of {@code bench report} measured, for the document and the charts. */
record ReportResults(Setup setup, List<Throughput> zipf, List<BenchmarkRow> redisBenchmark, List<RssRow> rss) {
    /** How it was measured. */
    record Setup(String date, String machine, String loadBefore, String loadAfter, ZipfLoad.Settings load, long ops,
            long warmup, int jvms, long pageBytes, long workingSetBytes, String agentOptions, String jvmFlags,
            String benchmarkCommand, int rssValueBytes, long rssCacheBytes, String rssAgentHeap, String redisServerMissing,
            String redisBenchmarkMissing) {
    }

    /**
     * Zipfian throughput of one system: kvstore under the agent with a cache of {@code cacheBytes},
     * {@code cachePercent} of the working set (null for the calibration run), or plain kvstore or
     * redis-server ({@code cacheBytes} 0, no percent); {@code opsPerSecond} is the median of
     * {@code perJvm}, the figures of fresh servers, and null when the system is not installed;
     * {@code agent} is the median run's agent summary ({@code key=value}), empty elsewhere.
     */
    record Throughput(String system, Double cachePercent, long cacheBytes, Double opsPerSecond, List<Double> perJvm,
            Map<String, String> agent) {
        String cacheLabel() {
            if (cachePercent != null) {
                return Report.whole(cachePercent) + " % (" + Report.size(cacheBytes) + ")";
            }
            return cacheBytes > 0 ? Report.size(cacheBytes) + " (calibration)" : "-";
        }
    }

    /** redis-benchmark's requests per second by test ({@code SET}, {@code GET}); null when not installed. */
    record BenchmarkRow(String system, Map<String, Double> requestsPerSecond) {
    }

    /** RSS of the kvstore JVM after loading {@code keys} keys, under the agent and plain. */
    record RssRow(int keys, long agentRss, long plainRss, Map<String, String> agent) {
    }

    /** The agent's throughput over the plain JVM's at {@code percent} cache. */
    double agentOverPlain(double percent) {
        Throughput plain = system(ReportBench.PLAIN);
        for (Throughput t : zipf) {
            if (t.cachePercent() != null && t.cachePercent() == percent) {
                return t.opsPerSecond() / plain.opsPerSecond();
            }
        }
        throw new IllegalArgumentException("no agent run at " + percent + " % cache");
    }

    Throughput system(String name) {
        return zipf.stream().filter(t -> t.system().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run of " + name));
    }

    /** RSS at the largest dataset over RSS at the smallest. */
    double rssGrowth(boolean agent) {
        RssRow first = rss.get(0);
        RssRow last = rss.get(rss.size() - 1);
        return agent ? (double) last.agentRss() / first.agentRss() : (double) last.plainRss() / first.plainRss();
    }
}
