package io.legoj.examples.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A graph traversal over a generated graph: {@code PageRank NODES EDGES_PER_NODE ITERATIONS}
 * builds a deterministic random directed graph of node objects linked by edge objects, runs a
 * breadth-first search from node 0 and PageRank, and prints the reached count, the BFS depth and
 * the five highest ranks.
 */
public final class PageRank {
    static final double DAMPING = 0.85;

    private PageRank() {
    }

    /** A vertex: its out-edges as a linked list, its rank and its BFS distance. */
    static final class Node {
        final int id;
        Edge out;
        int degree;
        double rank;
        double incoming;
        int distance = -1;

        Node(int id) {
            this.id = id;
        }

        void link(Node target) {
            out = new Edge(target, out);
            degree++;
        }
    }

    /** One directed edge in its source's list. */
    static final class Edge {
        final Node target;
        final Edge next;

        Edge(Node target, Edge next) {
            this.target = target;
            this.next = next;
        }
    }

    /** A 64-bit linear congruential generator (Knuth's MMIX constants): the same graph everywhere. */
    static final class Lcg {
        private long state;

        Lcg(long seed) {
            state = seed;
        }

        int next(int bound) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return (int) (((state >>> 33) * bound) >>> 31);
        }
    }

    /** A graph whose edges favour low node ids (product of two uniform draws), so ranks are skewed. */
    static List<Node> generate(int nodes, int edgesPerNode, long seed) {
        List<Node> graph = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            graph.add(new Node(i));
        }
        Lcg random = new Lcg(seed);
        for (Node n : graph) {
            for (int e = 0; e < edgesPerNode; e++) {
                long skewed = (long) random.next(nodes) * random.next(nodes) / nodes;
                n.link(graph.get((int) skewed));
            }
        }
        return graph;
    }

    /** Breadth-first from {@code start}: sets distances and returns {reached nodes, greatest distance}. */
    static int[] bfs(Node start) {
        ArrayDeque<Node> queue = new ArrayDeque<>();
        start.distance = 0;
        queue.add(start);
        int reached = 0;
        int depth = 0;
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            reached++;
            depth = Math.max(depth, n.distance);
            for (Edge e = n.out; e != null; e = e.next) {
                if (e.target.distance < 0) {
                    e.target.distance = n.distance + 1;
                    queue.add(e.target);
                }
            }
        }
        return new int[] {reached, depth};
    }

    /** PageRank with damping 0.85; the rank of nodes without out-edges is spread over all nodes. */
    static void rank(List<Node> graph, int iterations) {
        int n = graph.size();
        for (Node v : graph) {
            v.rank = 1.0 / n;
        }
        for (int it = 0; it < iterations; it++) {
            double dangling = 0;
            for (Node v : graph) {
                v.incoming = 0;
            }
            for (Node v : graph) {
                if (v.degree == 0) {
                    dangling += v.rank;
                    continue;
                }
                double share = v.rank / v.degree;
                for (Edge e = v.out; e != null; e = e.next) {
                    e.target.incoming += share;
                }
            }
            double base = (1 - DAMPING) / n + DAMPING * dangling / n;
            for (Node v : graph) {
                v.rank = base + DAMPING * v.incoming;
            }
        }
    }

    /** What the program prints. */
    static String run(int nodes, int edgesPerNode, int iterations) {
        List<Node> graph = generate(nodes, edgesPerNode, 42);
        int[] walk = bfs(graph.get(0));
        rank(graph, iterations);
        StringBuilder out = new StringBuilder();
        out.append("nodes ").append(nodes).append(" edges ").append((long) nodes * edgesPerNode).append('\n');
        out.append("bfs reached ").append(walk[0]).append(" depth ").append(walk[1]).append('\n');
        List<Node> top = new ArrayList<>(graph);
        top.sort(Comparator.comparingDouble((Node v) -> -v.rank).thenComparingInt(v -> v.id));
        for (Node v : top.subList(0, Math.min(5, top.size()))) {
            out.append(String.format(Locale.ROOT, "rank %d %.6f%n", v.id, v.rank));
        }
        return out.toString();
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: PageRank NODES EDGES_PER_NODE ITERATIONS");
            System.exit(2);
        }
        System.out.print(run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2])));
        System.out.flush();
    }
}
