package io.tradeshell.engine.optimize;

import java.util.List;

/**
 * The objective along one parameter: for each of its values, the best among the combinations
 * with it (the best over every other parameter); NaN where none ran.
 */
public record ParamLine(String x, List<Object> xs, double[] values, Objective objective) { }
