package io.tradeshell.shell.console.view;

import io.tradeshell.shell.present.Tone;
import org.jline.utils.AttributedStyle;

/** The console's few styles, named for what they mark: each a {@link Tone}'s, so reports show the same meaning. */
public final class Styles {
    public static final AttributedStyle PLAIN = Tone.PLAIN.style();
    public static final AttributedStyle HEADER = Tone.HEADER.style();
    public static final AttributedStyle COMMAND = Tone.COMMAND.style();
    public static final AttributedStyle OPTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    public static final AttributedStyle ERROR = Tone.ERROR.style();
    public static final AttributedStyle WARNING = Tone.WARNING.style();
    public static final AttributedStyle DIM = Tone.MUTED.style();
    public static final AttributedStyle GAIN = Tone.GAIN.style();
    public static final AttributedStyle LOSS = Tone.LOSS.style();
    public static final AttributedStyle NAME = Tone.NAME.style();

    private Styles() { }
}
