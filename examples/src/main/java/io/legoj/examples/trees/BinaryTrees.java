package io.legoj.examples.trees;

/**
 * An allocation-heavy benchmark in the style of the Benchmarks Game's binary-trees:
 * {@code BinaryTrees N} builds a stretch tree of depth N+1, keeps a long-lived tree of depth N,
 * then builds and checks many short-lived trees of depths 4, 6, ..., N, printing each check sum.
 */
public final class BinaryTrees {
    static final int MIN_DEPTH = 4;

    private BinaryTrees() {
    }

    /** A tree node: two children or none. */
    static final class Node {
        private final Node left;
        private final Node right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        /** The number of nodes of this tree. */
        int check() {
            return left == null ? 1 : 1 + left.check() + right.check();
        }
    }

    static Node bottomUp(int depth) {
        return depth > 0 ? new Node(bottomUp(depth - 1), bottomUp(depth - 1)) : new Node(null, null);
    }

    /** The lines the benchmark prints for {@code maxDepth}. */
    static String run(int maxDepth) {
        int max = Math.max(MIN_DEPTH + 2, maxDepth);
        StringBuilder out = new StringBuilder();
        out.append("stretch tree of depth ").append(max + 1).append("\t check: ").append(bottomUp(max + 1).check())
                .append('\n');
        Node longLived = bottomUp(max);
        long total = 0;
        for (int depth = MIN_DEPTH; depth <= max; depth += 2) {
            int iterations = 1 << (max - depth + MIN_DEPTH);
            long check = 0;
            for (int i = 0; i < iterations; i++) {
                check += bottomUp(depth).check();
            }
            total += check;
            out.append(iterations).append("\t trees of depth ").append(depth).append("\t check: ").append(check)
                    .append('\n');
        }
        out.append("long lived tree of depth ").append(max).append("\t check: ").append(longLived.check()).append('\n');
        out.append("total check: ").append(total).append('\n');
        return out.toString();
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BinaryTrees DEPTH");
            System.exit(2);
        }
        System.out.print(run(Integer.parseInt(args[0])));
        System.out.flush();
    }
}
