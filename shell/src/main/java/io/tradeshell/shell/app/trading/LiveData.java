package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.LoadedSeries;
import io.tradeshell.engine.data.LoadedTicks;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.data.TickSeries;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.Feed;
import io.tradeshell.engine.run.HistoricalBarFeed;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TickReplayFeed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data of a live run or paper session: each file's bars (trades aggregated, as a backtest
 * sees them) and, for trade files, the trades themselves, which the live feed replays one by one.
 *
 * @param files absolute paths of the files, in symbol order
 */
public record LiveData(List<DataInput> inputs, List<TickSeries> ticks, List<Path> files, Duration tickBar) {

    /** Loads {@code [SYMBOL=]FILE} specs (folders and globs too); bar files and trade files cannot be mixed in one feed. */
    public static LiveData load(List<String> specs, boolean lenient, Optional<Duration> bar, PrintWriter err) {
        List<DataInput> inputs = new ArrayList<>();
        List<TickSeries> ticks = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (DataSpecs.Spec spec : DataSpecs.expand(specs)) {
            Path file = ProjectHome.resolve(spec.file().toString());
            LoadOptions options = new LoadOptions(lenient, bar, spec.symbol().or(() -> Optional.of(LoadOptions.symbolFromFileName(spec.file()))));
            LoadedSeries loaded = MarketData.load(file, options);
            DataSpecs.reportSkipped(loaded, err);
            inputs.add(new DataInput(loaded.series(), ProjectHome.display(file), loaded.sha256(), loaded.notes()));
            files.add(file.toAbsolutePath().normalize());
            if (loaded.kind() == LoadedSeries.Kind.TICKS) {
                LoadedTicks t = MarketData.loadTicks(file, options);
                ticks.add(t.ticks());
            }
        }
        DataSpecs.warnIfApart(inputs, err);
        if (!ticks.isEmpty() && ticks.size() != inputs.size()) {
            throw new IllegalArgumentException("a live feed replays either bar files or trade files, not both in one run");
        }
        return new LiveData(inputs, ticks, files, bar.orElse(MarketData.DEFAULT_TRADE_BAR));
    }

    /** Loads the data an account was started with, refusing files that changed since. */
    public static LiveData load(SessionConfig config, PrintWriter err) {
        List<String> specs = new ArrayList<>();
        for (SessionConfig.DataRef d : config.data()) specs.add(d.symbol() + "=" + d.file());
        LiveData data = load(specs, config.lenient(), config.bar().map(io.tradeshell.engine.data.BarPeriods::parse), err);
        for (int k = 0; k < config.data().size(); k++) {
            SessionConfig.DataRef ref = config.data().get(k);
            String now = data.inputs().get(k).sha256();
            if (!now.equals(ref.sha256())) {
                throw new IllegalArgumentException(ref.file() + " has changed since paper account " + config.name()
                        + " started (its SHA-256 was " + ref.sha256() + ", it is " + now + "); the account can only go on with the data it traded");
            }
        }
        return data;
    }

    public boolean isTicks() {
        return !ticks.isEmpty();
    }

    /** The feed, unpaced: trades one by one for trade files, else the bars. */
    public Feed feed() {
        if (isTicks()) return new TickReplayFeed(ticks, tickBar);
        // a symbol given in files of several periods trades the shortest; the others are its timeframes
        return new HistoricalBarFeed(RunSpec.traded(inputs).stream().map(DataInput::bars).toList());
    }

    /** The data references an account keeps. */
    public List<SessionConfig.DataRef> refs() {
        List<SessionConfig.DataRef> out = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) out.add(new SessionConfig.DataRef(inputs.get(k).symbol(), files.get(k).toString(), inputs.get(k).sha256()));
        return out;
    }
}
