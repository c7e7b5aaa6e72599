package io.tradeshell.shell.console.groovy;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.rules.Rule;
import io.tradeshell.engine.rules.Rules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule over loaded data, so the console can say where it holds: {@code s = crossedOver(fast, slow)}
 * prints on how many bars it fires and when it last did; {@code s.times()} lists them.
 * {@code &}, {@code |} and {@code ~} combine signals into signals. It wraps the rule rather than
 * being one, so the strategy DSL's operators on plain rules do not take its place.
 */
public record Signal(Rule rule, BarSeries bars) {
    /** Whether the rule holds at bar {@code index}. */
    public boolean test(int index) {
        return rule.test(index);
    }

    /** Bar indexes where the rule holds, in order. */
    public List<Integer> indexes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) if (rule.test(i)) out.add(i);
        return out;
    }

    /** Open times of the bars where the rule holds. */
    public List<Instant> times() {
        List<Instant> out = new ArrayList<>();
        for (int i : indexes()) out.add(Instant.ofEpochMilli(bars.openTime(i)));
        return out;
    }

    /** How many bars the rule holds on. */
    public int count() {
        return indexes().size();
    }

    /** Groovy's {@code a & b}. */
    public Signal and(Object other) {
        return new Signal(Rules.and(rule, unwrap(other)), bars);
    }

    /** Groovy's {@code a | b}. */
    public Signal or(Object other) {
        return new Signal(Rules.or(rule, unwrap(other)), bars);
    }

    public Signal negate() {
        return new Signal(Rules.not(rule), bars);
    }

    /** Groovy's {@code ~signal}. */
    public Signal bitwiseNegate() {
        return negate();
    }

    private static Rule unwrap(Object o) {
        if (o instanceof Signal s) return s.rule;
        if (o instanceof Rule r) return r;
        throw new IllegalArgumentException("a signal combines with another signal or rule, not " + (o == null ? "null" : o.getClass().getSimpleName()));
    }

    @Override
    public String toString() {
        return rule.toString();
    }
}
