package io.legoj.examples.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRankTest {
    @Test
    void bfsOnAChainAndRanksOnACycle() {
        List<PageRank.Node> chain = List.of(new PageRank.Node(0), new PageRank.Node(1), new PageRank.Node(2),
                new PageRank.Node(3));
        chain.get(0).link(chain.get(1));
        chain.get(1).link(chain.get(2));
        chain.get(2).link(chain.get(0));
        assertArrayEquals(new int[] {3, 2}, PageRank.bfs(chain.get(0)));
        PageRank.rank(chain, 50);
        double sum = chain.stream().mapToDouble(v -> v.rank).sum();
        assertEquals(1.0, sum, 1e-9, "ranks sum to one, dangling node 3 included");
        assertEquals(chain.get(0).rank, chain.get(1).rank, 1e-9);
        assertTrue(chain.get(0).rank > chain.get(3).rank);
    }

    @Test
    void theGeneratedGraphIsTheSameEveryTime() {
        String out = PageRank.run(2000, 4, 10);
        assertEquals(out, PageRank.run(2000, 4, 10));
        List<String> lines = out.lines().toList();
        assertEquals(7, lines.size(), out);
        assertEquals("nodes 2000 edges 8000", lines.get(0));
        assertTrue(lines.get(1).matches("bfs reached \\d+ depth \\d+"), out);
        assertTrue(lines.get(2).matches("rank \\d+ 0\\.\\d{6}"), out);
    }
}
