package io.legoj.examples.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatMulTest {
    @Test
    void multipliesLikeTheTextbook() {
        double[][] c = MatMul.multiply(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}});
        assertArrayEquals(new double[] {19, 22}, c[0]);
        assertArrayEquals(new double[] {43, 50}, c[1]);
        assertTrue(MatMul.summary(c).startsWith("matmul n=2 trace=69.000000 checksum="), MatMul.summary(c));
    }

    @Test
    void theIdentityLeavesThePatternAlone() {
        double[][] a = MatMul.pattern(20, 5);
        double[][] id = new double[20][20];
        for (int i = 0; i < 20; i++) {
            id[i][i] = 1;
        }
        assertEquals(MatMul.summary(a), MatMul.summary(MatMul.multiply(a, id)));
    }
}
