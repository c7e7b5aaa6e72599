package io.tradeshell.dsl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * Finds the line where a bracket that is never closed was opened. Groovy's parser notices a
 * missing {@code )} only where the text runs out of sense, often lines later; the author wants
 * the line of the {@code (}. Strings and comments are skipped, so brackets inside them do not count.
 */
final class UnclosedBrackets {
    private record Open(char bracket, int line) { }

    private UnclosedBrackets() { }

    /** The line (from 1) of the innermost opener of {@code closer}'s kind left open at the end of the text. */
    static OptionalInt lineOfOpener(String source, char closer) {
        char opener = switch (closer) {
            case ')' -> '(';
            case ']' -> '[';
            case '}' -> '{';
            default -> throw new IllegalArgumentException("not a closing bracket: " + closer);
        };
        Deque<Open> open = new ArrayDeque<>();
        int line = 1;
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
            } else if (source.startsWith("//", i)) {
                while (i + 1 < n && source.charAt(i + 1) != '\n') i++;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 1;
                line += newlines(source, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {
                String quote = source.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int end = closingQuote(source, i + quote.length(), quote);
                line += newlines(source, i, end);
                i = end;
            } else if (c == '(' || c == '[' || c == '{') {
                open.push(new Open(c, line));
            } else if (c == ')' || c == ']' || c == '}') {
                char match = c == ')' ? '(' : c == ']' ? '[' : '{';
                // a stray closer closes the nearest opener of its kind, if there is one
                if (open.stream().anyMatch(o -> o.bracket() == match)) {
                    while (open.pop().bracket() != match) { }
                }
            }
        }
        return open.stream().filter(o -> o.bracket() == opener).mapToInt(Open::line).findFirst();
    }

    /** The index of the last character of the closing quote, or the end of the text. */
    private static int closingQuote(String s, int from, String quote) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (s.startsWith(quote, i)) return i + quote.length() - 1;
            else if (c == '\n' && quote.length() == 1) return i - 1;   // a one-line string ends with its line
        }
        return s.length() - 1;
    }

    private static int newlines(String s, int from, int to) {
        int count = 0;
        for (int i = from; i <= Math.min(to, s.length() - 1); i++) if (s.charAt(i) == '\n') count++;
        return count;
    }
}
