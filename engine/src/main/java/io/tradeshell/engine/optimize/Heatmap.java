package io.tradeshell.engine.optimize;

import java.util.List;

/**
 * The objective over two parameters: for each cell, the best value among the combinations
 * with that pair (the best over every other parameter); NaN where none ran.
 *
 * @param values {@code values[yIndex][xIndex]}
 */
public record Heatmap(String x, String y, List<Object> xs, List<Object> ys, double[][] values, Objective objective) {
    public double at(int xi, int yi) {
        return values[yi][xi];
    }
}
