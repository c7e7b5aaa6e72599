package io.tradeshell.shell.cli;

import io.tradeshell.brokers.Credentials;
import io.tradeshell.engine.data.BarCsvWriter;
import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.BrokerConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradeshell data}: market data from brokers, written in the project's own CSV. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Market data from brokers.",
        subcommands = DataCommand.Fetch.class)
public final class DataCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Download a symbol's bar history from a broker into a CSV file (timestamp,open,high,low,close,volume).",
            footer = {"", "Examples:", "  tradeshell data fetch alpaca AAPL --from 2024-01-01 --to 2024-12-31 --bar 1d --out data/aapl.csv",
                    "  tradeshell data fetch alpaca BTC/USD --from 2024-01-01 --to 2024-02-01 --bar 1h --out data/btc.csv",
                    "  tradeshell data fetch oanda EUR_USD --from 2024-01-01 --to 2024-12-31 --bar 1d --out data/eurusd.csv",
                    "", "Credentials: APCA_API_KEY_ID and APCA_API_SECRET_KEY (Alpaca), OANDA_API_TOKEN and OANDA_ACCOUNT_ID (OANDA),",
                    "from the environment or --credentials FILE (NAME=value lines, readable by you alone)."})
    static final class Fetch implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "BROKER", description = "alpaca or oanda.") String broker;
        @Parameters(index = "1", paramLabel = "SYMBOL", description = "AAPL, BTC/USD (Alpaca) or EUR_USD (OANDA).") String symbol;
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (UTC), e.g. 2024-01-01.") LocalDate from;
        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day (UTC), included.") LocalDate to;
        @Option(names = "--bar", defaultValue = "1d", paramLabel = "PERIOD", description = "Bar period: 1m, 5m, 1h, 1d ... (default 1d).") String bar;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.") Path out;
        @Option(names = "--credentials", paramLabel = "FILE", description = "A private file of NAME=value lines (the environment wins).") Path credentials;

        @Override
        public Integer call() throws Exception {
            if (to.isBefore(from)) throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            Duration period = BarPeriods.parse(bar);
            Credentials c = Credentials.from(System.getenv(), Optional.ofNullable(credentials));
            Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant(), end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            BarSeries series = BrokerConnections.history(broker, c).bars(symbol, start, end, period);
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            BarCsvWriter.write(series, out);
            spec.commandLine().getOut().printf("wrote %,d bars of %s from %s to %s%n", series.size(), symbol, broker, out);
            return ExitCode.OK;
        }
    }
}
