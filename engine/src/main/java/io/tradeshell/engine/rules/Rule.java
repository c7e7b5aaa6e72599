package io.tradeshell.engine.rules;

/**
 * A condition evaluated at a bar's close. Rules are built once when a strategy loads and then
 * tested once per bar in plain Java, so the per-bar cost is a few array reads.
 */
public interface Rule {
    /** Whether the rule holds at bar {@code index}, using only bars up to it. */
    boolean test(int index);

    /** Leading bars during which the rule's indicators are still warming up. */
    int unstableBars();

    default Rule and(Rule other) { return Rules.and(this, other); }

    default Rule or(Rule other) { return Rules.or(this, other); }

    default Rule negate() { return Rules.not(this); }
}
