package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.present.View;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.data.BarRange;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.data.BarTable;
import io.tradeshell.shell.console.data.DescriptionView;
import io.tradeshell.shell.console.view.Numbers;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import io.tradeshell.shell.app.trading.DataSpecs;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;

/** {@code data load|list|show|describe}: market data in the session. */
public final class DataConsoleCommand extends ConsoleCommand {
    private static final List<String> ACTIONS = List.of("load", "list", "show", "describe");

    private final Workspace workspace;

    public DataConsoleCommand(Workspace workspace, Output output) {
        super(output, new Help("data", List.of(),
                List.of("data load FILE|FOLDER|GLOB [as NAME] [--symbol SYMBOL] [--bar PERIOD] [--lenient]", "data list",
                        "data show NAME [ROWS]", "data describe NAME"),
                "Load market data, list it, show its bars, describe it.",
                List.of("load reads bar CSV, JSON bars or trade-tick CSV (ticks become bars of --bar, default 1m);",
                        "the data is then a Groovy variable of its name: aapl.close, aapl.size(), aapl.describe().",
                        "show prints the first and last bars (or the first ROWS, or the last -ROWS);",
                        "describe gives rows, date range, gaps (weekends aside for daily bars) and return statistics."),
                List.of("data load data/aapl_daily_2013.csv", "data load data/btcusd_bitstamp_trades_2013-11-25.csv as btc --bar 15m",
                        "data list", "data show aapl", "data show aapl -3", "data describe aapl")));
        this.workspace = workspace;
    }

    @Override
    protected void run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("list")) {
            list();
            return;
        }
        String action = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (action) {
            case "load" -> load(rest);
            case "show" -> show(rest);
            case "describe" -> describeData(rest);
            default -> throw usage("unknown action '" + action + "'");
        }
    }

    private void load(List<String> args) {
        if (args.isEmpty()) throw usage("data load needs a FILE");
        LoadOptions options = LoadOptions.defaults();
        Optional<String> name = Optional.empty();
        String file = null;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            switch (a) {
                case "as" -> name = Optional.of(value(args, ++k, "as"));
                case "--symbol" -> options = options.withSymbol(value(args, ++k, a));
                case "--bar" -> options = options.withBarPeriod(BarPeriods.parse(value(args, ++k, a)));
                case "--lenient" -> options = options.withLenient(true);
                default -> {
                    if (a.startsWith("--")) throw usage("unknown option " + a);
                    if (file != null) throw usage("one FILE at a time");
                    file = a;
                }
            }
        }
        if (file == null) throw usage("data load needs a FILE");
        name.ifPresent(DataConsoleCommand::checkName);
        List<DataSpecs.Spec> files = DataSpecs.expand(List.of(file));
        if (files.size() > 1 && (name.isPresent() || options.symbol().isPresent())) {
            throw usage(file + " names " + files.size() + " files: each takes its symbol's name (leave out as and --symbol)");
        }
        for (DataSpecs.Spec spec : files) loadOne(spec.file().toString(), options, name);
    }

    private void loadOne(String file, LoadOptions options, Optional<String> name) {
        long t0 = System.nanoTime();
        Dataset d = workspace.load(ProjectHome.resolve(file), options, name);
        out().println(new org.jline.utils.AttributedStringBuilder().append(d.name(), Styles.NAME).append(" = ").append(d.toString())
                .append(String.format("  [%.0f ms]", (System.nanoTime() - t0) / 1e6), Styles.DIM).toAttributedString());
    }

    private static void checkName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("'" + name + "' cannot be a name: use letters, digits and _, starting with a letter");
        }
    }

    private static String value(List<String> args, int k, String option) {
        if (k >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(k);
    }

    private void list() {
        List<String> names = workspace.datasetNames();
        if (names.isEmpty()) {
            out().println("no data loaded yet: try 'data load data/aapl_daily_2013.csv'", Styles.DIM);
            return;
        }
        Table t = Table.of("name", "symbol", "bars", "period", "from", "to", "file").right(2);
        for (String n : names) {
            Dataset d = workspace.dataset(n).orElseThrow();
            var s = d.bars();
            String from = s.isEmpty() ? "" : IsoTime.readable(s.openTime(0), s.periodMillis());
            String to = s.isEmpty() ? "" : IsoTime.readable(s.openTime(s.lastIndex()), s.periodMillis());
            t.row(n, d.symbol(), Numbers.quantity(s.size()), BarPeriods.format(s.period()), from, to, ProjectHome.display(d.file()));
        }
        out().println(View.of(t.block(out().width())));
    }

    private void show(List<String> args) {
        Dataset d = dataset(args, "show");
        if (args.size() >= 2) {
            int rows;
            try {
                rows = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                throw usage("ROWS must be a whole number, got '" + args.get(1) + "'");
            }
            BarRange r = rows >= 0 ? d.head(rows) : d.tail(-rows);
            out().println(BarTable.render(r));
            return;
        }
        out().println(d.toString(), Styles.NAME);
        out().println(BarTable.headAndTail(d.bars(), 5));
    }

    private void describeData(List<String> args) {
        out().println(DescriptionView.render(dataset(args, "describe").describe()));
    }

    private Dataset dataset(List<String> args, String action) {
        if (args.isEmpty()) {
            List<String> names = workspace.datasetNames();
            if (names.size() == 1) return workspace.dataset(names.get(0)).orElseThrow();
            throw usage("data " + action + " needs a NAME" + (names.isEmpty() ? " (nothing loaded yet)" : " (loaded: " + String.join(", ", names) + ")"));
        }
        String name = args.get(0);
        return workspace.dataset(name).orElseThrow(() -> new IllegalArgumentException("no data named '" + name + "'"
                + (workspace.datasetNames().isEmpty() ? ": nothing loaded yet" : "; loaded: " + String.join(", ", workspace.datasetNames()))));
    }

    @Override
    public void complete(List<String> args, String partial, List<Candidate> out) {
        if (args.isEmpty()) {
            for (String a : ACTIONS) out.add(candidate(a, switch (a) {
                case "load" -> "read a data file";
                case "list" -> "the data loaded";
                case "show" -> "first and last bars";
                default -> "rows, range, gaps, returns";
            }));
            return;
        }
        String action = args.get(0);
        if (action.equals("load")) {
            String previous = args.get(args.size() - 1);
            if (previous.equals("--bar")) {
                for (String p : List.of("30s", "1m", "5m", "15m", "1h", "4h", "1d")) out.add(candidate(p, "bar period"));
            } else if (previous.equals("as") || previous.equals("--symbol")) {
                return;
            } else if (partial.startsWith("-")) {
                for (String o : List.of("--symbol", "--bar", "--lenient")) out.add(candidate(o, null));
            } else {
                Completions.paths(partial, Completions.DATA_FILES, out);
                if (args.size() > 1) out.add(candidate("as", "name it"));
            }
        } else if ((action.equals("show") || action.equals("describe")) && args.size() == 1) {
            for (String n : new ArrayList<>(workspace.datasetNames())) out.add(candidate(n, workspace.dataset(n).map(Dataset::toString).orElse(null)));
        }
    }
}
