package io.tradeshell.engine.allocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The targets one run of a portfolio section set. Symbols it does not name keep their
 * position, unless a whole set of weights was given ({@code targetWeights}), which sends every
 * symbol it leaves out to zero.
 */
public final class Targets {
    private final Map<String, Target> bySymbol = new LinkedHashMap<>();
    private boolean othersToZero;

    /** Sets the whole book: these weights, every other symbol flat. */
    public Targets weights(Map<String, Double> weights) {
        bySymbol.clear();
        othersToZero = true;
        weights.forEach((symbol, w) -> bySymbol.put(symbol, new Target.Weight(w)));
        return this;
    }

    /** Sets one symbol's target, leaving the others as they are. */
    public Targets set(String symbol, Target target) {
        bySymbol.put(symbol, target);
        return this;
    }

    /** The symbol's target, or empty when it was not named. */
    public Optional<Target> of(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** Whether symbols not named go flat. */
    public boolean othersToZero() { return othersToZero; }

    /** Whether nothing was asked for, so there is nothing to trade. */
    public boolean isEmpty() { return bySymbol.isEmpty() && !othersToZero; }

    public Map<String, Target> named() { return Collections.unmodifiableMap(bySymbol); }

    @Override
    public String toString() { return bySymbol + (othersToZero ? ", others flat" : ""); }
}
