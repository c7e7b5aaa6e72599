package io.tradeshell.shell.console;

import java.util.ArrayList;
import java.util.List;

/** A command line's words: split at spaces, with quotes keeping spaces in and being removed. */
public final class CommandWords {
    private CommandWords() { }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /**
     * Whether a line whose first word names a command is that command rather than Groovy using
     * the word as a variable ({@code data = load(...)}, {@code runs += 1}).
     */
    public static boolean isCommandLine(String line, String first) {
        if (!line.startsWith(first)) return false;
        String rest = line.substring(first.length());
        if (rest.isEmpty()) return true;
        if (!Character.isWhitespace(rest.charAt(0))) return false;
        String r = rest.strip();
        if (r.isEmpty()) return true;
        if (r.startsWith("=") && !r.startsWith("==")) return false;
        return !(r.length() > 1 && "+-*/%&|^".indexOf(r.charAt(0)) >= 0 && r.charAt(1) == '=');
    }
}
