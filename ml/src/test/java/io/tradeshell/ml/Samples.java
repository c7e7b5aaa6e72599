package io.tradeshell.ml;

import java.util.Random;

/** Generated samples: features on different scales, and a label that leans on the first two through a logistic. */
record Samples(double[][] x, boolean[] up) {
    static Samples generate(Random rnd, int n, int features) {
        double[][] x = new double[n][features];
        boolean[] up = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) x[i][j] = j == 2 ? rnd.nextDouble() * 100 : rnd.nextGaussian() * (j + 1);
            double z = 0.3 + 1.2 * x[i][0] - 0.6 * (features > 1 ? x[i][1] : 0);
            up[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        return new Samples(x, up);
    }
}
