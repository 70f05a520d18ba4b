package io.legoj.examples.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinaryTreesTest {
    @Test
    void checkSumsAreTheNodeCounts() {
        assertEquals((1 << 11) - 1, BinaryTrees.bottomUp(10).check());
        assertEquals("""
                stretch tree of depth 7\t check: 255
                64\t trees of depth 4\t check: 1984
                16\t trees of depth 6\t check: 2032
                long lived tree of depth 6\t check: 127
                total check: 4016
                """, BinaryTrees.run(6));
    }

    @Test
    void smallDepthsAreRaisedToTheMinimum() {
        assertEquals(BinaryTrees.run(6), BinaryTrees.run(2));
    }
}
