package io.tradeshell.shell.console;

import io.tradeshell.shell.console.session.Statements;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's parser for console lines: Enter continues the input on a new line while a bracket,
 * string or comment is open, and completion treats Groovy punctuation as word breaks so that
 * {@code rsi(aapl.cl} completes {@code aapl.cl}. Those breaks are not shell metacharacters, so a
 * completion that contains one ({@code fast=}, {@code sharpe()}) goes in as it is, without backslashes.
 */
public final class ConsoleParser extends DefaultParser {
    private static final String GROOVY_BREAKS = "(),=+*<>!&|;[]{}?:%^~";
    /** Shown in the continuation prompt (the pattern's %M) after an empty line inside an open bracket. */
    private static final String STUCK_HINT = "Enter again ends it, Ctrl-C cancels ";
    private static final Pattern ESCAPED_BREAK = Pattern.compile("\\\\([" + Pattern.quote(GROOVY_BREAKS) + "])");

    public ConsoleParser() {
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        boolean accepting = context == ParseContext.ACCEPT_LINE;
        if ((accepting || context == ParseContext.SECONDARY_PROMPT) && Statements.isOpen(line)) {
            boolean bracket = Statements.bracketOpen(line);
            if (!(accepting && bracket && blankLinesAtEnd(line) >= 2)) {
                throw new EOFError(-1, cursor, "input continues", bracket && blankLinesAtEnd(line) == 1 ? STUCK_HINT : "");
            }
        }
        ParsedLine parsed = super.parse(line, cursor, context);
        return parsed instanceof CompletingParsedLine completing ? new Unescaped(completing) : parsed;
    }

    private static int blankLinesAtEnd(String text) {
        String[] lines = text.split("\n", -1);
        int blank = 0;
        for (int k = lines.length - 1; k > 0 && lines[k].isBlank(); k--) blank++;
        return blank;
    }

    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
        char c = buffer.charAt(pos);
        return Character.isWhitespace(c) || GROOVY_BREAKS.indexOf(c) >= 0;
    }

    /** JLine's parsed line, except that a completion keeps the Groovy punctuation JLine would escape as a word break. */
    private record Unescaped(CompletingParsedLine parsed) implements CompletingParsedLine {
        @Override public CharSequence escape(CharSequence candidate, boolean complete) {
            return ESCAPED_BREAK.matcher(parsed.escape(candidate, complete)).replaceAll("$1");
        }
        @Override public int rawWordCursor() { return parsed.rawWordCursor(); }
        @Override public int rawWordLength() { return parsed.rawWordLength(); }
        @Override public String word() { return parsed.word(); }
        @Override public int wordCursor() { return parsed.wordCursor(); }
        @Override public int wordIndex() { return parsed.wordIndex(); }
        @Override public List<String> words() { return parsed.words(); }
        @Override public String line() { return parsed.line(); }
        @Override public int cursor() { return parsed.cursor(); }
    }
}
