package io.tradeshell.shell.console.commands;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.shell.console.Session;
import io.tradeshell.shell.console.runs.StrategyFiles;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import io.tradeshell.shell.runs.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.utils.AttributedStringBuilder;

/** {@code strategies}: the scripts in strategies/ with their parameters and defaults. */
public final class StrategiesCommand extends ConsoleCommand {
    public StrategiesCommand(Session session) {
        super(session, new Help("strategies", List.of(), List.of("strategies", "strategies SCRIPT"),
                "List the strategy scripts in strategies/ with their parameters and defaults.",
                List.of("With a SCRIPT (path or bare name), shows its title, purpose, parameters and source."),
                List.of("strategies", "strategies sma_crossover")));
    }

    @Override
    protected void run(List<String> args) throws Exception {
        if (!args.isEmpty()) {
            one(StrategyFiles.resolve(args.get(0)));
            return;
        }
        List<Path> scripts = StrategyFiles.all();
        if (scripts.isEmpty()) {
            out().println("no strategy scripts in " + ProjectHome.display(StrategyFiles.folder()), Styles.DIM);
            return;
        }
        Table t = Table.of("script", "title", "params (defaults)", "what it does");
        for (Path p : scripts) {
            String name = p.getFileName().toString().replaceFirst("\\.groovy$", "");
            try {
                CompiledScript c = session.service().compile(p);
                t.row(new org.jline.utils.AttributedString(name, Styles.NAME), c.title(), params(c), StrategyFiles.purpose(p));
            } catch (RuntimeException e) {
                t.row(name, new org.jline.utils.AttributedString("does not load: " + e.getMessage(), Styles.ERROR), "", "");
            }
        }
        out().println(t.render(out().width()));
        out().println("run one with 'run NAME [--param name=value]' or backtest('" + ProjectHome.display(scripts.get(0)) + "', data)", Styles.DIM);
    }

    private void one(Path script) throws Exception {
        if (!Files.exists(script)) throw new IllegalArgumentException("no strategy script " + script + " (see 'strategies')");
        CompiledScript c = session.service().compile(script);
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(c.title(), Styles.NAME).append("  ").append(ProjectHome.display(script), Styles.DIM).append('\n');
        String purpose = StrategyFiles.purpose(script);
        if (!purpose.isEmpty()) b.append("  ").append(purpose).append('\n');
        b.append("  params: ").append(c.defaults().isEmpty() ? "none" : params(c)).append('\n');
        b.append('\n');
        for (String line : Files.readAllLines(script)) b.append("  ").append(line, Styles.DIM).append('\n');
        b.setLength(b.length() - 1);
        out().println(b.toAttributedString());
    }

    static String params(CompiledScript c) {
        return c.defaults().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    @Override
    public void complete(List<String> args, String partial, List<Candidate> out) {
        if (!args.isEmpty()) return;
        for (String n : StrategyFiles.names()) out.add(candidate(n, "strategy"));
        if (partial.contains("/")) Completions.paths(partial, Completions.SCRIPTS, out);
    }
}
