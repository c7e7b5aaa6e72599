package io.tradeshell.dsl;

import groovy.lang.Closure;
import io.tradeshell.engine.indicators.AlignedIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.strategy.Overlays;
import java.util.Map;
import java.util.Set;

/** The {@code indicator('name', warmup: 20, overlay: true) { bar -> ... }} word: its options checked, the indicator made and remembered. */
final class CustomIndicators {
    private static final Set<String> OPTIONS = Set.of("warmup", "overlay");

    private CustomIndicators() { }

    static CustomIndicator declare(ScriptSession session, Map<String, Object> options, String name, Closure<?> block) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("indicator needs a name: indicator('spread') { bar -> ... }");
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) throw new IllegalArgumentException("indicator '" + name + "' has no option '" + key + "'; it takes warmup: and overlay:");
        }
        if (session.custom.containsKey(name)) throw new IllegalArgumentException("indicator '" + name + "' is declared twice");
        if (block.getMaximumNumberOfParameters() > 2) {
            throw new IllegalArgumentException("indicator '" + name + "' takes { bar -> ... } or { prev, bar -> ... }");
        }
        int warmup = warmup(name, options.getOrDefault("warmup", 0));
        Object overlay = options.getOrDefault("overlay", false);
        if (!(overlay instanceof Boolean)) throw new IllegalArgumentException("indicator '" + name + "': overlay: is true or false, got " + overlay);
        CustomIndicator made = new CustomIndicator(session, name, block, warmup, declaringLine(session.scriptName));
        // inside timeframe { } it is computed on that timeframe's completed bars, each as the base bar completing it closes
        Indicator onBars = session.frame == null ? made : new AlignedIndicator(session.context.bars(), made, session.frame);
        session.custom.put(name, onBars);
        if ((Boolean) overlay) session.overlays.add(new Overlays.Overlay(name, onBars));
        return made;
    }

    private static int warmup(String name, Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0 && n.doubleValue() < Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new IllegalArgumentException("indicator '" + name + "': warmup: is a whole number of bars >= 0, got " + value);
    }

    /** The script line of the {@code indicator(...)} call being run (declarations run once, so the walk is cheap). */
    private static int declaringLine(String scriptName) {
        return StackWalker.getInstance().walk(frames -> frames.filter(f -> scriptName.equals(f.getFileName()) && f.getLineNumber() > 0)
                .findFirst().map(StackWalker.StackFrame::getLineNumber).orElse(0));
    }
}
