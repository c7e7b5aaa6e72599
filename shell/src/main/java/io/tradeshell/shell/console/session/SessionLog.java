package io.tradeshell.shell.console.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the user did that worked, in order, so that {@code save FILE} can turn an exploration
 * into a notebook. Only statements typed at the top level are kept (a {@code source}d file or a
 * notebook run is kept as the one line that ran it), and only those that change or show
 * something: help, listings of the session and {@code save} itself are left out.
 */
public final class SessionLog {
    private static final Set<String> NOT_KEPT = Set.of("help", "vars", "trace", "save", "exit", "quit");

    /** One statement and the cell language it ran in. */
    public record Entry(Language language, String code) { }

    private final List<Entry> entries = new ArrayList<>();

    /** Keeps a statement that succeeded; {@code command} is the console command it named, or null for a snippet. */
    public void kept(String statement, String command, Language language) {
        if (command != null && NOT_KEPT.contains(command)) return;
        if (statement.equals("/java") || statement.equals("/groovy")) return;
        if (statement.startsWith("/java")) entries.add(new Entry(Language.JAVA, statement.substring(5).strip()));
        else if (statement.startsWith("/groovy")) entries.add(new Entry(Language.GROOVY, statement.substring(7).strip()));
        // console commands run in groovy cells, whatever the language of the moment
        else entries.add(new Entry(command != null ? Language.GROOVY : language, statement));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * The statements as a notebook: a heading, then one fenced cell per statement, so that the
     * report shows each one's output under it.
     */
    public String toNotebook(LocalDate date) {
        StringBuilder md = new StringBuilder("# Console session, ").append(date).append("\n\n")
                .append("Saved from the console with `save`: the statements that succeeded, in the order they ran.\n");
        for (Entry e : entries) {
            String fence = fenceFor(e.code());
            md.append('\n').append(fence).append(e.language() == Language.JAVA ? "java" : "groovy").append('\n')
                    .append(e.code()).append('\n').append(fence).append('\n');
        }
        return md.toString();
    }

    /** Three backticks, or more when the code holds a run of them. */
    private static String fenceFor(String code) {
        int longest = 0, run = 0;
        for (int i = 0; i < code.length(); i++) {
            run = code.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
