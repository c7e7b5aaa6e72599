package io.tradeshell.engine.execution;

/** When a market order decided at a bar's close is filled. */
public enum FillTiming {
    /** At the open of the next bar the broker sees: the realistic default. */
    NEXT_OPEN("next-open"),
    /** At the close of the deciding bar: optimistic, since the close is only known once it is past. */
    CLOSE("close");

    private final String label;

    FillTiming(String label) { this.label = label; }

    public String label() { return label; }

    public static FillTiming parse(String text) {
        for (FillTiming t : values()) if (t.label.equalsIgnoreCase(text)) return t;
        throw new IllegalArgumentException("unknown fill timing '" + text + "' (use next-open or close)");
    }
}
