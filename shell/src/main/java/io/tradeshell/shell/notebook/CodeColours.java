package io.tradeshell.shell.notebook;

import java.util.List;
import org.jline.builtins.SyntaxHighlighter;

/** Cell code coloured by the console's own Groovy (and Java) syntax rules, as styled lines. */
final class CodeColours {
    /** The rules the console colours typed lines with. */
    private static final String NANORC = "classpath:/io/tradeshell/shell/console/groovy.nanorc";
    private static volatile SyntaxHighlighter rules;

    private CodeColours() { }

    static List<AnsiText.Line> lines(String code) {
        String text = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        try {
            return AnsiText.lines(highlighter().highlight(text).toAnsi());
        } catch (RuntimeException e) {
            // uncoloured code is still the code
            return AnsiText.lines(text);
        }
    }

    private static SyntaxHighlighter highlighter() {
        SyntaxHighlighter h = rules;
        if (h == null) {
            synchronized (CodeColours.class) {
                if (rules == null) rules = SyntaxHighlighter.build(NANORC);
                h = rules;
            }
        }
        return h;
    }
}
