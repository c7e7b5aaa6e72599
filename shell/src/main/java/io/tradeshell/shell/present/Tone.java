package io.tradeshell.shell.present;

import org.jline.utils.AttributedStyle;

/**
 * What a piece of output means, which each renderer shows its own way: the console by colour
 * and weight, a report by a CSS class.
 */
public enum Tone {
    PLAIN(AttributedStyle.DEFAULT, ""),
    HEADER(AttributedStyle.BOLD, "b"),
    MUTED(AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK), "c8"),
    GAIN(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), "c2"),
    LOSS(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "c1"),
    NAME(AttributedStyle.BOLD.foreground(AttributedStyle.BLUE), "b c4"),
    COMMAND(AttributedStyle.BOLD.foreground(AttributedStyle.CYAN), "b c6"),
    WARNING(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "c3"),
    ERROR(AttributedStyle.BOLD.foreground(AttributedStyle.RED), "b c1");

    private final AttributedStyle style;
    private final String css;

    Tone(AttributedStyle style, String css) {
        this.style = style;
        this.css = css;
    }

    /** How the console shows it. */
    public AttributedStyle style() { return style; }

    /** The report's CSS classes for it, empty for plain text. */
    public String css() { return css; }

    /** The tone a console style stands for; a style no tone has reads as plain. */
    public static Tone of(AttributedStyle style) {
        for (Tone t : values()) if (t.style.equals(style)) return t;
        return PLAIN;
    }
}
