package io.tradeshell.shell.notebook;

import io.tradeshell.report.html.Html;
import java.util.ArrayList;
import java.util.List;
import org.jline.builtins.SyntaxHighlighter;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Cell code coloured by the console's own Groovy (and Java) syntax rules, as HTML lines. */
final class CodeColours {
    /** The rules the console colours typed lines with. */
    private static final String NANORC = "classpath:/io/tradeshell/shell/console/groovy.nanorc";
    // the bits of JLine's style word (AttributedStyle keeps their names to itself): bold, faint,
    // italic, an indexed foreground colour and where that colour's number sits
    private static final long BOLD = 1, FAINT = 2, ITALIC = 4, FOREGROUND_INDEXED = 256;
    private static final int COLOUR_SHIFT = 15;
    private static volatile SyntaxHighlighter rules;

    private CodeColours() { }

    /** Each line of the code as HTML, its words in spans whose classes name the rules' colours. */
    static List<String> html(String code) {
        String text = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        AttributedString coloured;
        try {
            coloured = highlighter().highlight(text);
        } catch (RuntimeException e) {
            // uncoloured code is still the code
            coloured = new AttributedString(text);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = coloured.length(), start = 0;
        while (start <= n) {
            if (start == n || coloured.charAt(start) == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                start++;
                continue;
            }
            String cls = classes(coloured.styleAt(start));
            int k = start + 1;
            while (k < n && coloured.charAt(k) != '\n' && classes(coloured.styleAt(k)).equals(cls)) k++;
            String piece = Html.escape(coloured.subSequence(start, k).toString());
            if (cls.isEmpty()) line.append(piece);
            else line.append("<span class=\"").append(cls).append("\">").append(piece).append("</span>");
            start = k;
        }
        return lines;
    }

    private static String classes(AttributedStyle s) {
        long style = s.getStyle();
        StringBuilder b = new StringBuilder();
        if ((style & BOLD) != 0) b.append("b ");
        if ((style & FAINT) != 0) b.append("f ");
        if ((style & ITALIC) != 0) b.append("i ");
        if ((style & FOREGROUND_INDEXED) != 0) {
            int colour = (int) ((style >>> COLOUR_SHIFT) & 0xFF);
            b.append(colour < 16 ? "c" + colour : "x" + colour).append(' ');
        }
        return b.toString().strip();
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
