package io.tradeshell.shell.cli;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text wrapped between words only. Picocli breaks lines where a line-break iterator
 * allows, which includes after the dot of {@code data/aapl_daily_2013.csv}, so a path or an
 * example command came out in two pieces that could not be copied. Each section is laid out
 * unwrapped and then wrapped at spaces: a continuation line is indented under its text (an
 * option's description, an example's arguments), and a word longer than the line stays whole.
 */
public final class WordWrappedHelp {
    // an option row: its names, two or more spaces, then the description
    private static final Pattern COLUMNS = Pattern.compile("^(\\s*\\S.*?\\s{2,})\\S");
    private static final int UNWRAPPED = 10_000;

    private WordWrappedHelp() {}

    /** Wraps the description, parameter, option and footer sections of {@code cli} and all its subcommands. */
    public static void install(CommandLine cli) {
        var renderers = cli.getHelpSectionMap();
        renderers.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> wrapped(help, Help::description, false));
        renderers.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, help -> wrapped(help, Help::parameterList, true));
        renderers.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> wrapped(help, Help::optionList, true));
        renderers.put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> wrapped(help, Help::footer, false));
        cli.setHelpSectionMap(renderers);
        for (CommandLine sub : cli.getSubcommands().values()) install(sub);
    }

    private static String wrapped(Help help, Function<Help, String> section, boolean columns) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        int width = usage.width();
        usage.width(UNWRAPPED);
        try {
            return wrap(section.apply(help), width, columns);
        } finally {
            usage.width(width);
        }
    }

    /** {@code text} with every line longer than {@code width} broken at spaces. */
    static String wrap(String text, int width, boolean columns) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append('\n');
            wrapLine(out, lines[i].stripTrailing(), width, columns);
        }
        return out.toString();
    }

    private static void wrapLine(StringBuilder out, String line, int width, boolean columns) {
        int indent = continuationIndent(line, columns);
        String rest = line;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= indent) cut = rest.indexOf(' ', width); // one word wider than the line: keep it whole
            if (cut < 0) break;
            out.append(rest, 0, cut).append('\n');
            rest = " ".repeat(indent) + rest.substring(cut).stripLeading();
            if (rest.isBlank()) return;
        }
        out.append(rest);
    }

    /** Where a broken line goes on: under an option's description, or a little in from an indented example. */
    private static int continuationIndent(String line, boolean columns) {
        int leading = line.length() - line.stripLeading().length();
        if (columns) {
            Matcher m = COLUMNS.matcher(line);
            return m.find() ? m.end(1) + 2 : leading;
        }
        return leading == 0 ? 0 : leading + 4;
    }
}
