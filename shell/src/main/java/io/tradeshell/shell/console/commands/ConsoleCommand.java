package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.view.Styles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.shell.Command;
import org.jline.shell.CommandDescription;
import org.jline.shell.CommandSession;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * A console command: a JLine shell {@link Command} with its help (usage, what it does,
 * examples) and the completion of its arguments.
 */
public abstract class ConsoleCommand implements Command {
    private final Output output;
    private final Help help;

    /**
     * What {@code help COMMAND} shows.
     *
     * @param usage    one line per form, such as {@code data load FILE [as NAME]}
     * @param summary  one line: what the command does
     * @param details  further lines, may be empty
     * @param examples lines to copy
     */
    public record Help(String name, List<String> aliases, List<String> usage, String summary, List<String> details, List<String> examples) {
        public Help {
            aliases = List.copyOf(aliases);
            usage = List.copyOf(usage);
            details = List.copyOf(details);
            examples = List.copyOf(examples);
        }
    }

    protected ConsoleCommand(Output output, Help help) {
        this.output = output;
        this.help = help;
    }

    @Override
    public final String name() { return help.name(); }

    @Override
    public final List<String> aliases() { return help.aliases(); }

    @Override
    public final String description() { return help.summary(); }

    public final Help help() { return help; }

    @Override
    public CommandDescription describe(List<String> args) {
        List<AttributedString> lines = new ArrayList<>();
        for (String u : help.usage()) lines.add(new AttributedString(u));
        lines.add(new AttributedString(help.summary()));
        return CommandDescription.builder().mainDescription(lines).command(true).valid(true).build();
    }

    @Override
    public final Object execute(CommandSession jline, String[] args) throws Exception {
        run(Arrays.asList(args));
        return null;
    }

    /** Runs the command with its arguments (quotes already removed). */
    protected abstract void run(List<String> args) throws Exception;

    /**
     * Adds completion candidates for the argument being typed.
     *
     * @param args    the arguments before the one being typed
     * @param partial what has been typed of it so far
     */
    public void complete(List<String> args, String partial, List<Candidate> out) { }

    protected Output out() { return output; }

    /** Help text: usage, summary, details and examples. */
    public AttributedString helpText() {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (String u : help.usage()) b.append("  ").append(u, Styles.COMMAND).append('\n');
        b.append('\n').append("  ").append(help.summary()).append('\n');
        for (String d : help.details()) b.append("  ").append(d).append('\n');
        if (!help.aliases().isEmpty()) b.append("  also: ").append(String.join(", ", help.aliases())).append('\n');
        if (!help.examples().isEmpty()) {
            b.append('\n').append("  Examples:", Styles.HEADER).append('\n');
            for (String e : help.examples()) b.append("    ").append(e, Styles.DIM).append('\n');
        }
        b.setLength(b.length() - 1);
        return b.toAttributedString();
    }

    /** Fails with the command's usage when the arguments do not fit. */
    protected IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: " + String.join(" | ", help.usage()) + " (see 'help " + name() + "')");
    }

    protected static Candidate candidate(String value, String description) {
        return new Candidate(value, value, null, description, null, null, true);
    }
}
