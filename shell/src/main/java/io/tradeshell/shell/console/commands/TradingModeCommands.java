package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.runs.StrategyFiles;
import io.tradeshell.shell.app.trading.LiveOptions;
import io.tradeshell.shell.app.trading.PaperDesk;
import io.tradeshell.shell.app.trading.PaperSessions;
import io.tradeshell.shell.app.trading.ParityCheck;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.engine.paper.AccountFiles;
import io.tradeshell.engine.paper.AlgoOrder;
import io.tradeshell.engine.paper.PaperAccounts;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.shell.app.trading.AlgoOrders;
import io.tradeshell.engine.paper.PaperHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.reader.Candidate;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The simulated-live and paper modes from the console: {@code paper ...} and {@code parity ...}. */
public final class TradingModeCommands {
    private TradingModeCommands() { }

    /**
     * {@code paper start} runs the session in the background so the console stays free; every
     * other {@code paper} subcommand is the headless one, which works on sessions of any process.
     */
    public static final class Paper extends ConsoleCommand {
        @CommandLine.Command(name = "start")
        static final class StartLine {
            @Parameters(index = "0", paramLabel = "NAME") String name;
            @Parameters(index = "1", paramLabel = "SCRIPT") String script;
            @Mixin LiveOptions live = new LiveOptions();
            @Mixin RunOptions options = new RunOptions();
        }

        private final RunService service;
        private final ConsoleSettings settings;

        public Paper(RunService service, ConsoleSettings settings, Output output) {
            super(output, new Help("paper", List.of(),
                    List.of("paper start NAME SCRIPT [--data FILE] [--bar 1m] [--speed 1x|10x|60x|max] [run options]",
                            "paper status|orders|positions NAME [--json]", "paper algos NAME [--all]", "paper cancel NAME ID | flatten|kill|pause|resume|stop NAME",
                            "paper algo NAME buy|sell QTY SYMBOL twap:30m[:10]|vwap:1h[:20]|pov:0.1[:MAX]", "paper cancel-algo NAME ID",
                            "paper list"),
                    "Paper-broker accounts: start a session in the background, operate it (or one running in another process).",
                    List.of("Accounts live under the console's home (~/.tradeshell/paper/NAME, or --home DIR).",
                            "'paper start' returns at once; the session runs until its feed ends or 'paper stop NAME'.",
                            "'paper resume NAME' continues a stopped or crashed account in the background; 'tradeshell paper --help' has every option.",
                            "'paper algo' starts a parent order in the running session, worked like a strategy's (children through the risk check);",
                            "'paper algos NAME' follows it, 'paper cancel-algo NAME ID' cancels it with its working children ('help algos')."),
                    List.of("paper start demo sma_crossover --speed 60x", "paper status demo", "paper orders demo",
                            "paper algo demo buy 1000 AAPL twap:30m:10", "paper cancel-algo demo 1",
                            "paper flatten demo", "paper stop demo", "paper list")));
            this.service = service;
            this.settings = settings;
        }

        @Override
        protected void run(List<String> args) {
            if (args.isEmpty()) throw usage("paper needs a subcommand");
            Path home = settings.home();
            PaperSessions sessions = new PaperSessions(service, new PaperHome(home));
            switch (args.get(0)) {
                case "start" -> start(sessions, args.subList(1, args.size()));
                case "resume" -> {
                    if (args.size() < 2) throw usage("paper resume needs an account name");
                    var background = sessions.resume(args.get(1), Optional.empty(), false, out().out(), true);
                    if (!settings.interactive()) {
                        out().println("paper " + args.get(1) + " finished: " + background.await().result());
                        return;
                    }
                    out().println("paper " + args.get(1) + " resumed in the background; 'paper status " + args.get(1) + "' shows it");
                }
                default -> operate(new PaperDesk(service, new PaperHome(home)), args);
            }
        }

        /** The operator's commands, on accounts of this console or of any other process. */
        private void operate(PaperDesk desk, List<String> args) {
            String verb = args.get(0);
            if (verb.equals("--help")) {
                out().println(helpText());
                return;
            }
            if (verb.equals("list")) {
                out().print(desk.list());
                return;
            }
            if (args.size() < 2 || args.get(1).startsWith("-")) throw usage("paper " + verb + " needs an account name");
            String name = args.get(1);
            List<String> rest = args.subList(2, args.size());
            switch (verb) {
                case "status" -> out().println(desk.status(name, only(rest, "--json")));
                case "orders" -> {
                    only(rest);
                    out().print(desk.orders(name));
                }
                case "positions" -> {
                    only(rest);
                    out().print(desk.positions(name));
                }
                case "algos" -> out().print(desk.algos(name, only(rest, "--all")));
                case "cancel" -> {
                    if (rest.size() != 1) throw usage("paper cancel needs an account name and an order id (see 'paper orders " + name + "')");
                    sent(desk.send(PaperDesk.Control.CANCEL, name, orderId(rest.get(0))), name);
                }
                case "flatten", "kill", "pause", "stop" -> {
                    only(rest);
                    sent(desk.send(PaperDesk.Control.valueOf(verb.toUpperCase(Locale.ROOT)), name, 0), name);
                }
                case "algo" -> {
                    if (rest.size() != 4) throw usage("paper algo needs an account name, buy or sell, a quantity, a symbol and an algo");
                    sent(desk.algo(name, new AlgoOrder(rest.get(2), AlgoOrder.side(rest.get(0)), quantity(rest.get(1)), rest.get(3))), name);
                }
                case "cancel-algo" -> {
                    if (rest.size() != 1) throw usage("paper cancel-algo needs an account name and an algo id (see 'paper algos " + name + "')");
                    sent(desk.send(PaperDesk.Control.CANCEL_ALGO, name, orderId(rest.get(0))), name);
                }
                default -> throw usage("unknown paper subcommand '" + verb + "'");
            }
        }

        /** Whether {@code flag} was given; anything else after the name is a mistake. */
        private boolean only(List<String> rest, String... flags) {
            for (String a : rest) {
                if (!List.of(flags).contains(a)) throw usage("unexpected '" + a + "'");
            }
            return flags.length > 0 && rest.contains(flags[0]);
        }

        private static long orderId(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("an order id is a number (see 'paper orders'), got '" + text + "'");
            }
        }

        private static double quantity(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a quantity is a number, got '" + text + "'");
            }
        }

        /** TAB: the subcommands, then account names, then for {@code algo} the side, the account's symbols and the algo forms. */
        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            PaperHome home = new PaperHome(settings.home());
            if (args.isEmpty()) {
                SUBCOMMANDS.forEach((word, meaning) -> out.add(candidate(word, meaning)));
                return;
            }
            String verb = args.get(0);
            if (args.size() == 1 && !verb.equals("list")) {
                home.list().forEach(a -> out.add(candidate(a.name(), "paper account")));
                return;
            }
            if (verb.equals("cancel-algo") && args.size() == 2) {
                accountFiles(home, args.get(1)).ifPresent(f -> AlgoOrders.of(f, false).forEach(p -> out.add(candidate(p.path("parentId").asText(),
                        p.path("side").asText() + " " + p.path("qty").asText() + " " + p.path("symbol").asText() + " " + p.path("algo").asText()))));
            }
            if (!verb.equals("algo")) return;
            switch (args.size()) {
                case 2 -> {
                    out.add(candidate("buy", "the parent order buys"));
                    out.add(candidate("sell", "the parent order sells"));
                }
                case 4 -> accountFiles(home, args.get(1)).ifPresent(f -> SessionConfig.read(f.session()).data()
                        .forEach(d -> out.add(candidate(d.symbol(), "traded by " + args.get(1)))));
                case 5 -> {
                    out.add(candidate("twap:30m:10", "time-weighted: 10 equal slices over 30 minutes"));
                    out.add(candidate("vwap:1h:20", "volume-weighted over an hour, profile of the last 20 days"));
                    out.add(candidate("pov:0.1", "10% of the volume traded since the start"));
                }
                default -> { }
            }
        }

        private static final java.util.Map<String, String> SUBCOMMANDS = new java.util.LinkedHashMap<>();

        static {
            SUBCOMMANDS.put("start", "start a session in the background");
            SUBCOMMANDS.put("resume", "continue a stopped account, or trade again after a pause");
            SUBCOMMANDS.put("status", "state, cash, equity, positions, orders");
            SUBCOMMANDS.put("orders", "working orders");
            SUBCOMMANDS.put("positions", "open positions");
            SUBCOMMANDS.put("algos", "parent orders still working");
            SUBCOMMANDS.put("algo", "start a TWAP, VWAP or participation parent order");
            SUBCOMMANDS.put("cancel-algo", "cancel a parent order and its children");
            SUBCOMMANDS.put("cancel", "cancel one working order");
            SUBCOMMANDS.put("flatten", "cancel every order, close every position");
            SUBCOMMANDS.put("kill", "kill switch: halt, cancel, flatten");
            SUBCOMMANDS.put("pause", "no new exposure until resumed");
            SUBCOMMANDS.put("stop", "end the session cleanly");
            SUBCOMMANDS.put("list", "every paper account");
        }

        private static Optional<AccountFiles> accountFiles(PaperHome home, String name) {
            try {
                return Optional.of(home.existing(name));
            } catch (RuntimeException e) {
                return Optional.empty(); // a name still being typed, or a broken account: nothing to offer
            }
        }

        private void sent(PaperAccounts.Sent sent, String name) {
            if (!sent.ok()) throw new IllegalArgumentException(sent.describe(name));
            out().println(sent.describe(name));
        }

        private void start(PaperSessions sessions, List<String> args) {
            StartLine line = new StartLine();
            CommandLine cli = new CommandLine(line);
            try {
                cli.parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw usage(e.getMessage());
            }
            Path script = StrategyFiles.resolve(line.script);
            if (!Files.exists(script)) throw new IllegalArgumentException("no strategy script '" + line.script + "' (see 'strategies')");
            RunSettings run = line.options.settings();
            var background = sessions.withAlerts(line.live.alertsFile())
                    .start(line.name, script, run, line.live.speed(), out().out(), true);
            if (!settings.interactive()) {
                // a batch (-c or piped) console ends with its last command: see the session through first
                var outcome = background.await();
                out().println("paper " + line.name + " finished: " + outcome.result());
                return;
            }
            out().println("paper " + line.name + " started in the background on " + String.join(", ", run.dataOrDefault(
                    io.tradeshell.shell.app.trading.ProjectHome.get())) + "; 'paper status " + line.name + "' shows it, 'paper stop "
                    + line.name + "' ends it");
        }
    }

    /** {@code parity SCRIPT --data FILE}: the script as backtest, live and paper, trades diffed with causes. */
    public static final class Parity extends ConsoleCommand {
        /** The command line of a parity check, read by the same picocli options as {@code tradeshell parity}. */
        @CommandLine.Command(name = "parity")
        static final class Line {
            @Parameters(index = "0", paramLabel = "SCRIPT") String script;
            @Mixin RunOptions options = new RunOptions();
        }

        private final RunService service;

        public Parity(RunService service, Output output) {
            super(output, new Help("parity", List.of(), List.of("parity SCRIPT [--data FILE] [--latency-ms N] [--volume-share F] [--reject-prob P]"),
                    "Run a script as a backtest, a simulated live run and a paper session, and explain every difference.",
                    List.of("With the paper realism settings off the three agree trade for trade; with them on, each difference is labelled."),
                    List.of("parity sma_crossover", "parity macd_trend --data data/ethusd_5m_2023-03-13.json --latency-ms 60000")));
            this.service = service;
        }

        @Override
        protected void run(List<String> args) {
            if (args.isEmpty()) throw usage("parity needs a script");
            Line line = new Line();
            try {
                new CommandLine(line).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw usage(e.getMessage());
            }
            var report = new ParityCheck(service).run(StrategyFiles.resolve(line.script), line.options.settings(),
                    Optional.ofNullable(line.options.out), out().err());
            out().print(ParityCheck.render(report));
        }
    }
}
