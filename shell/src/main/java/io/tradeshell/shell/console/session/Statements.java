package io.tradeshell.shell.console.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Where console input breaks into statements. It reads just enough Groovy to tell whether
 * brackets, strings or comments are still open (so input continues on the next line) and
 * where a top-level {@code ;} separates two statements.
 */
public final class Statements {
    private Statements() { }

    /** A statement and the line of its input it starts on (1-based). */
    public record Statement(String text, int line) { }

    /** Whether {@code text} leaves a bracket, string or block comment open. */
    public static boolean isOpen(String text) {
        return scan(text, null) >= 0;
    }

    /** What {@code text} leaves open, in words: {@code the '(' opened at line 2 is never closed}; empty when nothing is. */
    public static Optional<String> unclosed(String text) {
        int at = scan(text, null);
        if (at < 0) return Optional.empty();
        char opener = text.charAt(at);
        String what = opener == '/' ? "comment" : opener == '\'' || opener == '"' ? "string" : "'" + opener + "'";
        int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        return Optional.of("the " + what + " opened at line " + line + " is never closed");
    }

    /** Whether what {@code text} leaves open is a bracket (not a string or a comment, where blank lines are content). */
    public static boolean bracketOpen(String text) {
        int at = scan(text, null);
        return at >= 0 && "([{".indexOf(text.charAt(at)) >= 0;
    }

    /** The statements of one complete input, split at top-level semicolons; blanks are dropped. */
    public static List<String> split(String text) {
        List<Integer> cuts = new ArrayList<>();
        scan(text, cuts);
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            add(out, text.substring(from, cut));
            from = cut + 1;
        }
        add(out, text.substring(from));
        return out;
    }

    /**
     * Joins lines into statements: a line continues the previous one while it left something
     * open; each complete input is then split at top-level semicolons. Comment-only lines vanish.
     */
    public static List<Statement> fromLines(List<String> lines) {
        List<Statement> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (int k = 0; k < lines.size(); k++) {
            if (pending.isEmpty()) start = k + 1;
            else pending.append('\n');
            pending.append(lines.get(k));
            if (isOpen(pending.toString())) continue;
            for (String s : split(pending.toString())) out.add(new Statement(s, start));
            pending.setLength(0);
        }
        if (!pending.isEmpty()) {
            for (String s : split(pending.toString())) out.add(new Statement(s, start));
        }
        return out;
    }

    private static void add(List<String> out, String statement) {
        String t = statement.strip();
        if (t.isEmpty() || isComment(t)) return;
        out.add(t);
    }

    private static boolean isComment(String t) {
        if (t.startsWith("//") && !t.contains("\n")) return true;
        return t.startsWith("#") && !t.contains("\n");
    }

    /** Finds top-level semicolons; returns where the innermost bracket, string or comment left open starts, or -1. */
    private static int scan(String s, List<Integer> cuts) {
        Deque<Integer> open = new ArrayDeque<>();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int nl = s.indexOf('\n', i);
                if (nl < 0) break;
                i = nl;
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) return i;
                i = end + 1;
                continue;
            }
            if (c == '\'' || c == '"') {
                boolean triple = i + 2 < n && s.charAt(i + 1) == c && s.charAt(i + 2) == c;
                int end = closing(s, triple ? i + 3 : i + 1, c, triple);
                if (end < 0) return i;
                i = end;
                continue;
            }
            switch (c) {
                case '(', '[', '{' -> open.push(i);
                case ')', ']', '}' -> open.poll();
                case ';' -> {
                    if (open.isEmpty() && cuts != null) cuts.add(i);
                }
                default -> { }
            }
        }
        return open.isEmpty() ? -1 : open.peek();
    }

    /** The index of the quote that closes a string opened before {@code from}, or -1. */
    private static int closing(String s, int from, char quote, boolean triple) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c != quote) {
                if (c == '\n' && !triple) return i; // a one-line string cannot span lines: let the compiler say so
                continue;
            }
            if (!triple) return i;
            if (i + 2 < n && s.charAt(i + 1) == quote && s.charAt(i + 2) == quote) return i + 2;
        }
        return -1;
    }
}
