package io.tradeshell.shell.console.view;

import org.jline.utils.AttributedStyle;

/** The console's few styles, named for what they mark. */
public final class Styles {
    public static final AttributedStyle PLAIN = AttributedStyle.DEFAULT;
    public static final AttributedStyle HEADER = AttributedStyle.BOLD;
    public static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
    public static final AttributedStyle OPTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    public static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    public static final AttributedStyle WARNING = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    public static final AttributedStyle DIM = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);
    public static final AttributedStyle GAIN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    public static final AttributedStyle LOSS = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    public static final AttributedStyle NAME = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);

    private Styles() { }
}
