package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.present.View;
import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.runs.StrategyFiles;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** {@code strategies}: the scripts in strategies/ with their parameters and defaults. */
public final class StrategiesCommand extends ConsoleCommand {
    private final RunService service;

    public StrategiesCommand(RunService service, Output output) {
        super(output, new Help("strategies", List.of(), List.of("strategies", "strategies SCRIPT"),
                "The strategy scripts in strategies/, their params and defaults.",
                List.of("With a SCRIPT (path or bare name), shows its title, purpose, parameters and source."),
                List.of("strategies", "strategies sma_crossover")));
        this.service = service;
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
        AttributedStringBuilder narrow = new AttributedStringBuilder();
        for (Path p : scripts) {
            String name = p.getFileName().toString().replaceFirst("\\.groovy$", "");
            String title, params, purpose = StrategyFiles.purpose(p);
            try {
                CompiledScript c = service.compile(p);
                title = c.title();
                params = params(c);
            } catch (RuntimeException e) {
                title = "does not load: " + e.getMessage();
                params = "";
            }
            t.row(new AttributedString(name, Styles.NAME), title, params, purpose);
            narrow.append(name, Styles.NAME).append("  ").append(title).append('\n');
            if (!params.isEmpty()) narrow.append("  params  ").append(params, Styles.DIM).append('\n');
            if (!purpose.isEmpty()) narrow.append("  ").append(purpose, Styles.DIM).append('\n');
        }
        // a table while the descriptions keep some room, a list on narrow terminals
        int width = out().width();
        if (t.width() - maxLength(scripts) <= width - 24) out().println(View.of(t.block(width)));
        else out().print(narrow.toAttributedString());
        out().println("run one: 'run NAME --param name=value', or backtest('NAME', data) in Groovy", Styles.DIM);
    }

    private static int maxLength(List<Path> scripts) {
        int max = 0;
        for (Path p : scripts) max = Math.max(max, StrategyFiles.purpose(p).length());
        return max;
    }

    private void one(Path script) throws Exception {
        if (!Files.exists(script)) throw new IllegalArgumentException("no strategy script " + script + " (see 'strategies')");
        CompiledScript c = service.compile(script);
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
