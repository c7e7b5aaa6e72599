package io.tradeshell.shell.cli;

import io.tradeshell.brokers.Credentials;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.alpaca.AlpacaLiveFeed;
import io.tradeshell.brokers.alpaca.AlpacaRest;
import io.tradeshell.brokers.oanda.OandaLiveFeed;
import io.tradeshell.brokers.oanda.OandaRest;
import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.shell.app.trading.BrokerConnections;
import io.tradeshell.shell.app.trading.LiveFeed;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code --feed alpaca|oanda --symbols LIST}: live prices from a broker's market data instead of {@code --data} files. */
final class FeedOptions {
    @Option(names = "--feed", paramLabel = "SOURCE", description = "Trade on live prices instead of --data files: alpaca (minute bars from Alpaca's market data stream; IEX for stocks, or crypto pairs) or oanda (OANDA's pricing stream, bars of --bar, default 1m). Needs --symbols.")
    String feed;

    @Option(names = "--symbols", split = ",", paramLabel = "LIST", description = "The symbols of a live --feed: AAPL,MSFT or BTC/USD at Alpaca; EUR_USD,USD_JPY at OANDA.")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--warm-up", paramLabel = "BARS", defaultValue = "200",
            description = "With --feed: the bars of history before the start that the strategy sees first, so its indicators are warm (default 200; 0 for none). Only bars closed before the start.")
    int warmUp = 200;

    boolean given() {
        return feed != null;
    }

    /** Refuses {@code --speed} beside {@code --feed}: live prices come at the market's pace. */
    void refuseSpeed(ParseResult parsed) {
        if (feed != null && parsed.hasMatchedOption("--speed")) {
            throw new IllegalArgumentException("--speed does not apply to --feed " + feed + ": live prices come at the market's pace");
        }
    }

    /**
     * The live feed that {@code --feed} asks for, connected, with the history before now that
     * {@code --warm-up} asks for; each trouble of its stream is one line on {@code out}.
     */
    LiveFeed open(Credentials credentials, Optional<Duration> bar, PrintWriter out) {
        if (warmUp < 0) throw new IllegalArgumentException("--warm-up must be 0 or more bars, was " + warmUp);
        Instant start = Instant.now(); // before the stream's first bar: the history ends where the live bars begin
        LiveFeed live = connect(credentials, bar, out);
        try {
            return live.warmedUp(BrokerConnections.history(feed, credentials), warmUp, start, line -> {
                out.println(line);
                out.flush();
            });
        } catch (io.tradeshell.brokers.BrokerHttpException | io.tradeshell.brokers.BrokerUnreachableException e) {
            live.close();
            throw new IllegalArgumentException("warm-up history from " + feed + ": " + e.getMessage() + " (--warm-up 0 starts without it)", e);
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
    }

    private LiveFeed connect(Credentials credentials, Optional<Duration> bar, PrintWriter out) {
        if (symbols.isEmpty()) throw new IllegalArgumentException("--feed " + feed + " needs --symbols, e.g. --symbols " + ("oanda".equals(feed) ? "EUR_USD" : "AAPL"));
        return connect(feed, symbols, credentials, bar, out);
    }

    /** The live feed of {@code source} for {@code symbols}, connected, without history (a resumed account has its own). */
    static LiveFeed connect(String feed, List<String> symbols, Credentials credentials, Optional<Duration> bar, PrintWriter out) {
        Consumer<String> trouble = line -> {
            synchronized (out) {
                out.println("feed: " + line);
                out.flush();
            }
        };
        return switch (String.valueOf(feed)) {
            case "oanda" -> {
                OandaRest rest = OandaRest.from(credentials, RestCalls.Pause.REAL, BrokerConnections.UNREACHABLE_LIMIT);
                Duration period = bar.orElse(Duration.ofMinutes(1));
                OandaLiveFeed f = new OandaLiveFeed(symbols, period).connect(rest, trouble);
                yield new LiveFeed("oanda", f, period, f);
            }
            case "alpaca" -> {
                if (bar.isPresent() && !bar.get().equals(Duration.ofMinutes(1))) {
                    throw new IllegalArgumentException("--feed alpaca streams minute bars: --bar " + BarPeriods.format(bar.get()) + " does not apply");
                }
                AlpacaRest rest = AlpacaRest.from(credentials, RestCalls.Pause.REAL, BrokerConnections.UNREACHABLE_LIMIT);
                AlpacaLiveFeed f = rest.liveFeed(symbols, false).onTrouble(trouble).connect();
                yield new LiveFeed("alpaca", f, Duration.ofMinutes(1), f);
            }
            default -> throw new IllegalArgumentException("unknown feed '" + feed + "': use --feed alpaca or --feed oanda");
        };
    }
}
