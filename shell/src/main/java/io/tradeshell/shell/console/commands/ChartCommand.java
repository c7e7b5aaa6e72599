package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.console.Session;
import io.tradeshell.shell.console.chart.ChartKind;
import io.tradeshell.shell.console.chart.TerminalImages;
import io.tradeshell.shell.console.chart.Windows;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.runs.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.terminal.Terminal;

/** {@code chart [RUN] [price|equity|drawdown]}: a PNG file, shown in the terminal when it can show images. */
public final class ChartCommand extends ConsoleCommand {
    private static final List<String> FLAGS = List.of("--window", "--text");
    private final String sessionStamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));

    public ChartCommand(Session session) {
        super(session, new Help("chart", List.of(), List.of("chart [RUN] [price|equity|drawdown] [--window] [--text]"),
                "A run's price, equity or drawdown chart, as PNG and on screen.",
                List.of("The chart shows inline in terminals that display images (sixel, kitty, iTerm2), as text otherwise.",
                        "--window opens the PNG in the desktop's viewer when there is a display; --text forces the text chart.",
                        "Charts of 'run' go to the run's folder, those of backtest(...) to the console's charts folder."),
                List.of("chart", "chart 1 price", "chart bt drawdown", "chart 2 equity --window")));
    }

    @Override
    protected void run(List<String> args) throws Exception {
        SessionRun run = null;
        ChartKind kind = ChartKind.EQUITY;
        boolean window = false, text = false;
        for (String a : args) {
            if (a.equals("--window")) window = true;
            else if (a.equals("--text")) text = true;
            else if (ChartKind.find(a).isPresent()) kind = ChartKind.find(a).get();
            else if (a.startsWith("--")) throw usage("unknown option " + a);
            else if (run == null) run = session.run(a);
            else throw usage("'" + a + "' is neither a run nor price, equity or drawdown");
        }
        if (run == null) run = session.lastRun();
        Path file = file(run, kind);
        // a run's folder already holds the charts 'run' drew, overlays and all
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            session.charts().writePng(run, kind, file);
        }
        out().println(new org.jline.utils.AttributedStringBuilder().append(kind.key() + " chart of ", Styles.DIM)
                .append(run.label(), Styles.NAME).append("  ").append(ProjectHome.display(file)).toAttributedString());
        Terminal terminal = out().terminal().orElse(null);
        if (window) {
            if (!Windows.available()) throw new IllegalStateException("no display for a window here; the chart is in " + ProjectHome.display(file));
            Windows.open(file);
            return;
        }
        if (!text && terminal != null && TerminalImages.supported(terminal)) {
            TerminalImages.show(terminal, file);
            return;
        }
        int width = Math.max(40, Math.min(out().width() - 2, 120));
        out().println(session.charts().text(run, kind, width, 16));
    }

    private Path file(SessionRun run, ChartKind kind) {
        if (run.dir().isPresent()) return run.dir().get().resolve(kind.key() + ".png");
        return session.settings().chartDir().resolve(sessionStamp + "-run" + run.id() + "-" + kind.key() + ".png");
    }

    @Override
    public void complete(List<String> args, String partial, List<Candidate> out) {
        if (partial.startsWith("-")) {
            for (String f : FLAGS) out.add(candidate(f, f.equals("--window") ? "open in a window" : "text chart"));
            return;
        }
        for (ChartKind k : ChartKind.values()) out.add(candidate(k.key(), k.meaning()));
        if (args.isEmpty()) RunCommands.runRefs(session, out);
    }
}
