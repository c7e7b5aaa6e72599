package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ranking a portfolio section sees is the list's own stable sort, highest first, for any scores. */
class RankingTest {
    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ordersAsAStableSortByDescendingScore(int seed) {
        Random rnd = new Random(seed);
        int n = rnd.nextInt(60);
        // few distinct values, so ties are common; both zeros, which Double.compare tells apart
        double[] pool = {-0.0, 0.0, 1.5, -2.25, 3.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, rnd.nextGaussian()};
        String[] names = new String[n];
        double[] scores = new double[n];
        record Scored(String name, double score) { }
        List<Scored> plain = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            names[k] = "S" + k;
            scores[k] = rnd.nextBoolean() ? pool[rnd.nextInt(pool.length)] : rnd.nextGaussian();
            plain.add(new Scored(names[k], scores[k]));
        }
        plain.sort(Comparator.comparingDouble(Scored::score).reversed());
        assertThat(Ranking.highestFirst(names, scores, n)).isEqualTo(plain.stream().map(Scored::name).toList());
    }
}
