package io.tradeshell.engine.optimize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every combination of the swept parameters, in a fixed order: the last parameter varies
 * fastest, as nested loops written in the order the parameters were given. A combination is
 * named by its index in that order, so a sweep can be resumed, sampled or split without
 * holding every combination in memory.
 */
public final class ParamSpace {
    private final List<ParamRange> ranges;
    private final long size;

    public ParamSpace(List<ParamRange> ranges) {
        this.ranges = List.copyOf(ranges);
        if (this.ranges.isEmpty()) throw new IllegalArgumentException("nothing to optimise: give at least one --param NAME=FROM..TO:STEP");
        Set<String> names = new HashSet<>();
        long n = 1;
        for (ParamRange r : this.ranges) {
            if (!names.add(r.name())) throw new IllegalArgumentException("param '" + r.name() + "' is given twice");
            try {
                n = Math.multiplyExact(n, r.size());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("too many combinations to count; narrow the ranges or use --search random");
            }
        }
        this.size = n;
    }

    public static ParamSpace parse(List<String> texts) {
        List<ParamRange> ranges = new ArrayList<>();
        for (String t : texts) ranges.add(ParamRange.parse(t));
        return new ParamSpace(ranges);
    }

    public List<ParamRange> ranges() { return ranges; }

    /** The number of combinations, before any constraint. */
    public long size() { return size; }

    public List<String> names() {
        return ranges.stream().map(ParamRange::name).toList();
    }

    /** The parameters with more than one value, in the order given. */
    public List<String> varied() {
        return ranges.stream().filter(ParamRange::varies).map(ParamRange::name).toList();
    }

    /** Combination {@code index} (0 to size - 1) as parameter name to value, in the order given. */
    public Map<String, Object> paramsAt(long index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("combination " + index + " of " + size);
        Object[] values = new Object[ranges.size()];
        long rest = index;
        for (int k = ranges.size() - 1; k >= 0; k--) {
            ParamRange r = ranges.get(k);
            values[k] = r.values().get((int) (rest % r.size()));
            rest /= r.size();
        }
        Map<String, Object> out = new LinkedHashMap<>(ranges.size() * 2);
        for (int k = 0; k < values.length; k++) out.put(ranges.get(k).name(), values[k]);
        return out;
    }

    /** Fails, naming the parameter and what the script has, if a swept parameter is not declared. */
    public void checkDeclared(Map<String, Object> declared, String scriptName) {
        for (ParamRange r : ranges) {
            if (!declared.containsKey(r.name())) {
                throw new IllegalArgumentException("unknown param '" + r.name() + "' (" + scriptName + " has: "
                        + (declared.isEmpty() ? "no params" : String.join(", ", declared.keySet())) + ")");
            }
        }
    }

    @Override
    public String toString() {
        return String.join(" ", ranges.stream().map(ParamRange::text).toList()) + " (" + size + " combinations)";
    }
}
