package io.tradeshell.shell.console;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's parser for console lines: Enter continues the input on a new line while a bracket,
 * string or comment is open, and completion treats Groovy punctuation as word breaks so that
 * {@code rsi(aapl.cl} completes {@code aapl.cl}.
 */
public final class ConsoleParser extends DefaultParser {
    private static final String GROOVY_BREAKS = "(),=+*<>!&|;[]{}?:%^~";

    public ConsoleParser() {
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && Statements.isOpen(line)) {
            throw new EOFError(-1, cursor, "input continues", "");
        }
        return super.parse(line, cursor, context);
    }

    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
        char c = buffer.charAt(pos);
        return Character.isWhitespace(c) || GROOVY_BREAKS.indexOf(c) >= 0;
    }
}
