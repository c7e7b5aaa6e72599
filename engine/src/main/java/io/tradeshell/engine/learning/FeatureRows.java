package io.tradeshell.engine.learning;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;
import java.util.List;

/** A model's features, read a bar at a time as one row of values. */
final class FeatureRows {
    private final List<Indicator> features;

    FeatureRows(String model, BarSeries bars, List<Indicator> features, List<String> names) {
        if (features.isEmpty()) throw new IllegalArgumentException("model '" + model + "' needs at least one feature");
        if (features.size() != names.size()) throw new IllegalArgumentException("one name per feature");
        for (Indicator f : features) {
            if (f.series() != bars) throw new IllegalArgumentException("feature " + f + " of model '" + model + "' is not read on " + bars.symbol() + "'s bars");
        }
        this.features = List.copyOf(features);
    }

    /** The feature values at bar {@code j}, or null while one is NaN. */
    double[] at(int j) {
        double[] x = new double[features.size()];
        for (int f = 0; f < x.length; f++) {
            x[f] = features.get(f).value(j);
            if (Double.isNaN(x[f])) return null;
        }
        return x;
    }

    int size() {
        return features.size();
    }

    /** The longest warm-up of the features. */
    int unstableBars() {
        return features.stream().mapToInt(Indicator::unstableBars).max().orElse(0);
    }
}
