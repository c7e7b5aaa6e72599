package io.tradeshell.shell.console.commands;

import io.tradeshell.engine.indicators.IndicatorCatalog;
import io.tradeshell.engine.indicators.library.IndicatorLibrary;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.indicators.IndicatorListing;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jline.reader.Candidate;
import org.jline.shell.Command;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** {@code help [COMMAND|groovy|java|keys]}. */
public final class HelpCommand extends ConsoleCommand {
    private static final List<String> TOPICS = List.of("groovy", "java", "keys", "indicators", "algos");
    private final Function<String, Optional<Command>> commands;
    private final java.util.function.Supplier<List<Command>> all;

    public HelpCommand(Output output, Function<String, Optional<Command>> commands, java.util.function.Supplier<List<Command>> all) {
        super(output, new Help("help", List.of(), List.of("help [COMMAND | groovy | java | keys | indicators | algos]"),
                "The commands, or one command's usage and examples.",
                List.of(), List.of("help", "help run", "help groovy", "help indicators")));
        this.commands = commands;
        this.all = all;
    }

    @Override
    protected void run(List<String> args) {
        if (args.isEmpty()) {
            out().println(overview());
            return;
        }
        String topic = args.get(0);
        switch (topic) {
            case "groovy" -> out().println(groovy());
            case "java" -> out().println(java());
            case "keys" -> out().println(keys());
            case "indicators" -> out().print(IndicatorListing.text(IndicatorLibrary.all()));
            case "algos" -> out().println(algos());
            default -> {
                Command c = commands.apply(topic).orElseThrow(() -> new IllegalArgumentException("no command '" + topic
                        + "'; 'help' lists them"));
                if (c instanceof ConsoleCommand cc) out().println(cc.helpText());
                else out().println("  " + c.name() + ": " + c.description());
            }
        }
    }

    /** Execution algos and the costs every run measures. */
    static String algos() {
        return String.join("\n",
                "Execution algos, inside onBar/onTick (children are plain market orders through the risk check):",
                "  buy 1000, algo: twap('30m', slices: 10)   equal slices, the first now, one every 3 minutes",
                "  sell 500, algo: vwap('1h', lookback: 20)  one child per bar, weighted by the volume of its time of day",
                "  buy 2000, algo: pov(0.1, max: 300)        10% of the volume traded since the decision, 300 at most a child",
                "  def p = buy 100, algo: twap('1h')  ...  cancel(p)   cancels the parent and its working children; algoOrders lists them",
                "In a running paper session, from here: paper algo NAME buy|sell QTY SYMBOL twap:30m:10|vwap:1h:20|pov:0.1,",
                "  paper algos NAME lists the parents, paper cancel-algo NAME ID cancels one with its working children.",
                "Every run writes tca.jsonl (arrival price, interval VWAP, average fill, slippage in bps, shortfall as",
                "delay + trading + opportunity + fees) and a 'tca' section in summary.json; parity compares the modes.",
                "run ... --slippage-from RUN_OR_ACCOUNT assumes the median slippage a run or paper account measured.");
    }

    private static String names(Command c) {
        return c.aliases().isEmpty() ? c.name() : c.name() + "/" + String.join("/", c.aliases());
    }

    private AttributedString overview() {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append("Commands", Styles.HEADER).append(" ('help COMMAND' for usage and examples)\n");
        int width = 0;
        List<Command> list = all.get();
        for (Command c : list) width = Math.max(width, names(c).length());
        for (Command c : list) {
            b.append("  ").append(String.format("%-" + width + "s", names(c)), Styles.COMMAND).append("  ").append(c.description()).append('\n');
        }
        b.append('\n').append("Groovy", Styles.HEADER).append(": any other line; what one line assigns the next reads ('help groovy')\n");
        for (String e : List.of("aapl = load('data/aapl_daily_2013.csv')", "r = rsi(aapl.close, 14)", "r.last()",
                "bt = backtest('strategies/sma_crossover.groovy', aapl, fast: 5)", "bt.metrics.sharpe")) {
            b.append("  ").append(e, Styles.DIM).append('\n');
        }
        b.append('\n').append("Java", Styles.HEADER).append(": /java SNIPPET, or /java to switch and /groovy back ('help java')\n");
        b.append("Keys", Styles.HEADER).append(": TAB completes, Ctrl-R searches, Ctrl-C stops a run ('help keys')\n");
        b.append("Algos", Styles.HEADER).append(": buy 1000, algo: twap('30m', slices: 10), vwap('1h'), pov(0.1); costs in tca.jsonl ('help algos')\n");
        b.append("Indicators", Styles.HEADER).append(": the native words and ta4j's whole library ('help indicators')");
        return b.toAttributedString();
    }

    private static AttributedString groovy() {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append("Session words", Styles.HEADER).append('\n');
        line(b, "load(FILE)", "load(FILE, bar: '15m', symbol: 'BTC', lenient: true, name: 'btc') -> data");
        line(b, "sectors = loadAll('data/sectors/*.json')", "every file of a folder or glob, each named after its symbol");
        line(b, "backtest(SCRIPT, data..., param: value)", "a run kept in memory; cash:, commission:, slippage:, fill: too");
        line(b, "table(a, b, ...)", "indicators side by side; table(close: aapl.close, rsi: r) names the columns");
        line(b, "table([[a: 1, b: 2], ...])", "rows of figures a snippet built, as a table");
        line(b, "optimize(SCRIPT, data, fast: 5..50, slow: [20, 50])", "a sweep: constraint:, objective:, search:, samples:, top: too");
        line(b, "walkforward(SCRIPT, data, fast: ..., train: '6m', test: '1m')", "optimise in sample, trade out of sample");
        line(b, "parity(SCRIPT, data, latencyMs: 60000, rejectProb: 0.1)", "backtest, live and paper compared; p.runs, p.paperDifferences");
        line(b, "chart(bt)  chart(bt, 'price')  chart(bt1, bt2)", "a run's chart, or runs' equity compared (chart(a: bt1, b: bt2))");
        line(b, "chart(sweep)  chart(sweep, 'fast', 'slow')  chart(wf)", "a sweep's heatmap or line; a walk-forward's equity");
        line(b, "plot(aapl, sma(aapl, 20))  plot(r1: x, r2: y)", "price with indicators over it; lines over time (title:, ylabel:)");
        b.append("Loaded data", Styles.HEADER).append('\n');
        line(b, "aapl.close .open .high .low .volume", "columns as indicators");
        line(b, "aapl.size()  aapl.head(n)  aapl.tail(n)", "bars");
        line(b, "aapl.describe()", "rows, range, gaps, return statistics");
        b.append("Indicators", Styles.HEADER).append(" (input: a column, another indicator, or data for its close)\n");
        for (IndicatorCatalog.Entry e : IndicatorCatalog.all()) line(b, e.signature(), e.description());
        line(b, "atr(aapl, 14)  obv(aapl)  adx(aapl, 14)  keltner(aapl, 20, 2)", "the bar-based ones take the data first");
        line(b, "ta(aapl, 'ulcerIndex', aapl.close, 14)", "any ta4j indicator by name ('help indicators' lists them all)");
        b.append("Indicator values", Styles.HEADER).append('\n');
        line(b, "r.last()  r[0]  r[1]  r.value(i)", "newest, bars ago, by index");
        line(b, "fast - slow,  atr * 2,  close / sma(close, 20)", "arithmetic makes new indicators");
        b.append("In strategy scripts", Styles.HEADER).append('\n');
        line(b, "close('XLK')  bars('XLK')  sma(close('SPY'), 50)", "another symbol's last bar closed by each bar's close");
        line(b, "close.on('1w')  timeframe('1w') { sma(close, 20) }", "a higher timeframe, complete periods only");
        line(b, "indicator('range') { bar -> bar.high - bar.low }", "your own, once per bar as it closes: bar.close, bar.prev, x.value, x[1]");
        line(b, "timeframe('1w') { indicator('wk') { ... } }  indicator('wk', sym)", "your own on weekly bars; read in the portfolio section");
        b.append("Rules", Styles.HEADER).append('\n');
        line(b, "crossedOver(a, b) crossedUnder over under rising(a, n) falling", "b may be a number; & | ~ combine");
        b.append("Runs", Styles.HEADER).append('\n');
        line(b, "bt.metrics.sharpe  bt.trades  bt.equity  bt.params", "a run's results");
        b.append("Sweeps", Styles.HEADER).append('\n');
        line(b, "sweep.best  sweep.top(5)  sweep.ranked  sweep.size()", "rows: it.fast, it.sharpe, it.trades ...");
        line(b, "sweep.filter { it.trades >= 5 }  sweep.by('calmar')", "fewer rows, or ranked by another metric");
        line(b, "sweep.save('runs/x')  wf.save('runs/y')", "the files the optimize and walkforward commands write");
        b.append("Lines", Styles.HEADER).append('\n');
        line(b, "def x = ...  /  x = ...", "both keep x for later lines");
        line(b, "def f(a) { ... }", "defines f for later lines");
        b.setLength(b.length() - 1);
        return b.toAttributedString();
    }

    private static AttributedString java() {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append("Java snippets", Styles.HEADER).append(" run with JShell in this JVM, the engine on the class path.\n");
        line(b, "/java SNIPPET", "one snippet, e.g. /java var s = sma(aapl.getClose(), 20);");
        line(b, "/java  then  /groovy", "switch every line to Java, and back");
        b.append("Loaded data, Groovy variables holding data, runs or indicators, and runs as run1, run2... are Java\n");
        b.append("variables of the same names. The indicator words and load(FILE), backtest(SCRIPT, data[, params]) are imported.\n");
        b.append("  /java double last = rsi(aapl, 14).last();", Styles.DIM).append('\n');
        b.append("  /java var bt = backtest(\"strategies/sma_crossover.groovy\", aapl, Map.of(\"fast\", 5));", Styles.DIM);
        return b.toAttributedString();
    }

    private static AttributedString keys() {
        AttributedStringBuilder b = new AttributedStringBuilder();
        line(b, "TAB", "complete commands, options, files, data, runs, strategies and params, Groovy names");
        line(b, "Up / Down, Ctrl-R", "history (kept across sessions), incremental search");
        line(b, "Right arrow", "accept the grey suggestion from history");
        line(b, "Enter with a bracket open", "continue on the next line");
        line(b, "Ctrl-C", "stop a run or a loop; on an empty prompt, nothing");
        line(b, "Ctrl-D", "leave");
        b.setLength(b.length() - 1);
        return b.toAttributedString();
    }

    /** A term and what it means: on one line when both fit in 78 columns, else the meaning indented below. */
    private static void line(AttributedStringBuilder b, String left, String right) {
        b.append("  ").append(left, Styles.COMMAND);
        if (left.length() + right.length() + 4 <= 78) b.append("  ");
        else b.append("\n      ");
        b.append(right, Styles.DIM).append('\n');
    }

    @Override
    public void complete(List<String> args, String partial, List<Candidate> out) {
        if (!args.isEmpty()) return;
        for (Command c : all.get()) out.add(candidate(c.name(), c.description()));
        for (String t : TOPICS) out.add(candidate(t, "topic"));
    }
}
