package io.tradeshell.shell.console;

import io.tradeshell.shell.console.view.Styles;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.builtins.SyntaxHighlighter;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.shell.CommandDispatcher;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Colours the line being typed: a command's name and options, or Groovy (and Java) syntax
 * from a nanorc file shipped with the console. The syntax rules load on first use.
 */
public final class ConsoleHighlighter implements Highlighter {
    private static final String NANORC = "classpath:/io/tradeshell/shell/console/groovy.nanorc";
    private final CommandDispatcher dispatcher;
    private volatile SyntaxHighlighter groovy;
    private boolean failed;

    public ConsoleHighlighter(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        String trimmed = buffer.stripLeading();
        List<String> words = CommandWords.split(trimmed);
        if (!words.isEmpty() && dispatcher.findCommand(words.get(0)) != null && CommandWords.isCommandLine(trimmed, words.get(0))
                && !trimmed.contains(";")) {
            return command(buffer);
        }
        if (buffer.startsWith("/java") || buffer.startsWith("/groovy")) {
            int end = buffer.indexOf(' ');
            String head = end < 0 ? buffer : buffer.substring(0, end);
            return new AttributedStringBuilder().append(head, Styles.COMMAND).append(code(end < 0 ? "" : buffer.substring(end)))
                    .toAttributedString();
        }
        return code(buffer);
    }

    private static AttributedString command(String buffer) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        boolean first = true;
        int i = 0, n = buffer.length();
        while (i < n) {
            int start = i;
            if (Character.isWhitespace(buffer.charAt(i))) {
                while (i < n && Character.isWhitespace(buffer.charAt(i))) i++;
                b.append(buffer, start, i);
                continue;
            }
            while (i < n && !Character.isWhitespace(buffer.charAt(i))) i++;
            String word = buffer.substring(start, i);
            if (first) b.append(word, Styles.COMMAND);
            else if (word.startsWith("-")) b.append(word, Styles.OPTION);
            else b.append(word);
            first = false;
        }
        return b.toAttributedString();
    }

    private AttributedString code(String text) {
        SyntaxHighlighter h = syntax();
        if (h == null) return new AttributedString(text);
        try {
            return h.highlight(text);
        } catch (RuntimeException e) {
            return new AttributedString(text);
        }
    }

    private SyntaxHighlighter syntax() {
        if (groovy != null || failed) return groovy;
        synchronized (this) {
            if (groovy == null && !failed) {
                try {
                    groovy = SyntaxHighlighter.build(NANORC);
                } catch (RuntimeException e) {
                    failed = true;
                }
            }
        }
        return groovy;
    }

    /** Loads the syntax rules now (off the prompt's path), so the first keystroke does not wait. */
    public void warmUp() {
        syntax();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) { }

    @Override
    public void setErrorIndex(int errorIndex) { }
}
