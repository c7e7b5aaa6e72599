package io.tradeshell.engine.run;

import io.tradeshell.engine.broker.Broker;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.broker.BuyingPower;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.ParentOrderRequest;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.clock.SimulatedClock;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.TradeClosed;
import io.tradeshell.engine.execution.algo.AlgoDesk;
import io.tradeshell.engine.learning.ModelOwner;
import io.tradeshell.engine.learning.ModelReport;
import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.metrics.MetricsCalculator;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.trade.ExitReason;
import io.tradeshell.engine.portfolio.Portfolio;
import io.tradeshell.engine.risk.AccountView;
import io.tradeshell.engine.risk.RiskCheckedBroker;
import io.tradeshell.engine.risk.RiskManager;
import io.tradeshell.engine.risk.TradingState;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.PortfolioStrategy;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.tca.CostBook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The one event loop of every mode. For each bar of a symbol, in this order:
 * <ol>
 *   <li>the broker matches the symbol's working orders against the new bar (an order decided
 *       at the previous close fills at this bar's open at the earliest); strategies reacting
 *       to these fills see only the bars closed before it;</li>
 *   <li>the bar is appended to the series the strategy reads, and the account is marked to its close;</li>
 *   <li>once every bar closing at this time is in (the feed delivers them together), the risk
 *       layer looks at equity (a drawdown halt flattens everything);</li>
 *   <li>the strategies of those symbols run, in slot order, and may place orders; a strategy
 *       reading another symbol sees that symbol's bars closed at or before this time, all of them;</li>
 *   <li>trailing stops move; the portfolio section (if any) runs over the whole universe, then one
 *       equity point is recorded for the close time.</li>
 * </ol>
 * Ticks, where the feed has them, are matched by the broker and marked on the account as they
 * come. The mode is decided only by the feed, the clock's pacing and the recorders plugged in.
 */
public final class TradingLoop implements FeedSink {
    private final RunSpec spec;
    private final String mode;
    private final Feed feed;
    private final SimulatedClock clock;
    private final BarSeries[] visible;
    /** The feed when it replays loaded series, whose bars the visible series then show from its columns. */
    private final HistoricalBarFeed history;
    private final Portfolio portfolio;
    private final Broker broker;
    private final RiskManager risk;
    private final SymbolTrader[] traders;
    private final Strategy[] strategies;
    /** Whether each strategy's {@link Strategy#onBar} does anything (see {@link Strategy#actsOnBars}). */
    private final boolean[] acting;
    /** Whether any strategy's {@link Strategy#onBar} does anything: a portfolio section alone leaves a close's pass over the symbols almost empty. */
    private final boolean anyActing;
    /** The strategy's portfolio section, called once per bar time ({@link PortfolioStrategy#NONE} without one). */
    private final PortfolioStrategy universe;
    private final RunRecorder recorder;
    private final InMemoryRecorder memory;
    private final EventListener events;
    private final int[] currentBar;
    private final long[] lastPriceTime;
    /** The open time of each symbol's bar whose open event came (so its close matches only the rest). */
    private final long[] openedAt;
    private final double[] firstClose;
    private final boolean ticks;
    /** Slots whose bar closed at the current close time, waiting for the rest of that time's bars. */
    private final int[] closing;
    /** Whether each symbol's trailing stop stands (its trader keeps the flag), so a close asks only those to move it. */
    private final boolean[] trailing;
    private int closingCount;
    private final long finestPeriod;
    /** The run's time before the newest one it has reached. */
    private long timeBeforeNow = Long.MIN_VALUE;
    private long bars;
    private BooleanSupplier stopRequested = () -> false;
    private int checkStopEvery = 4096;
    private ProgressListener progress = ProgressListener.NONE;
    private WallClock wall = WallClock.SYSTEM;
    /** Works the parent orders (execution algos) of every symbol. */
    private final AlgoDesk desk;
    /** Transaction-cost analysis of every order, from the events and the market the run saw. */
    private final CostBook costs;
    /** Set by a kill switch that had to interrupt a strategy: its state is half a bar old, so it runs no more. */
    private boolean strategiesOff;

    /** Told how far a run has got, for progress bars and status lines. */
    public interface ProgressListener {
        ProgressListener NONE = (bars, time) -> { };

        void onProgress(long barsDone, long feedTime);
    }

    public TradingLoop(RunSpec spec, String mode, Feed feed, RunRecorder recorder, ExitPlan defaultExits) {
        this(spec, mode, feed, recorder, defaultExits, null);
    }

    /**
     * @param portfolio an account to continue (a paper session), or null for a fresh one with the spec's cash
     */
    public TradingLoop(RunSpec spec, String mode, Feed feed, RunRecorder recorder, ExitPlan defaultExits, Portfolio portfolio) {
        this(spec, mode, feed, recorder, defaultExits, portfolio, simulatedBroker(spec));
    }

    /** The simulated broker of the spec's execution settings, checking fills against the buying power of its leverage. */
    public static BrokerFactory simulatedBroker(RunSpec spec) {
        double leverage = spec.effectiveRisk().maxLeverage();
        return BrokerFactory.simulated(spec.execution(), new BuyingPower(leverage > 0 ? leverage : 1, spec.lotSize()));
    }

    /**
     * @param portfolio an account to continue (a paper session), or null for a fresh one with the spec's cash
     * @param brokers   the broker the run's orders go to, given the loop's clock, fills and events
     */
    public TradingLoop(RunSpec spec, String mode, Feed feed, RunRecorder recorder, ExitPlan defaultExits, Portfolio portfolio,
                       BrokerFactory brokers) {
        this.spec = spec;
        this.mode = mode;
        this.feed = feed;
        this.recorder = recorder;
        List<String> symbols = feed.symbols();
        int n = symbols.size();
        this.clock = new SimulatedClock(Long.MIN_VALUE);
        this.costs = new CostBook(symbols);
        this.memory = new InMemoryRecorder(expectedPoints(spec));
        this.events = e -> {
            costs.on(e);
            memory.on(e);
            recorder.on(e);
            if (e instanceof TradingEvent.TradingStateChanged s) tradingStateChanged(s);
        };
        this.portfolio = portfolio != null ? portfolio : new Portfolio(spec.cash(), symbols);
        this.risk = new RiskManager(spec.effectiveRisk(), events);
        this.ticks = feed instanceof TickAware t && t.deliversTicks();
        this.desk = new AlgoDesk(events, clock::now, spec.lotSize(), ticks);
        this.broker = brokers.open(new BrokerFactory.Wiring(clock, symbols, this::onFill, events, this.portfolio));
        this.history = feed instanceof HistoricalBarFeed h ? h : null;
        this.visible = new BarSeries[n];
        this.traders = new SymbolTrader[n];
        this.strategies = new Strategy[n];
        this.currentBar = new int[n];
        this.lastPriceTime = new long[n];
        Arrays.fill(lastPriceTime, Long.MIN_VALUE);
        this.openedAt = new long[n];
        Arrays.fill(openedAt, Long.MIN_VALUE);
        this.firstClose = new double[n];
        Arrays.fill(firstClose, Double.NaN);
        this.closing = new int[n];
        this.trailing = new boolean[n];
        long finest = Long.MAX_VALUE;
        for (int k = 0; k < n; k++) finest = Math.min(finest, feed.periodMillis(k));
        this.finestPeriod = n == 0 ? 0 : finest;
        AccountView account = new LoopAccount();
        for (int k = 0; k < n; k++) {
            visible[k] = history != null ? history.revealing(k)
                    : new BarSeries(symbols.get(k), Duration.ofMillis(feed.periodMillis(k)), feed.priceScale(k), expectedBars(spec, symbols.get(k)));
            if (feed instanceof WarmUp w) {
                BarSeries before = w.warmUp(k);
                for (int i = 0; i < before.size(); i++) visible[k].appendFrom(before, i);
            }
            traders[k] = new SymbolTrader(k, visible[k], this.portfolio, broker, new RiskCheckedBroker(broker, risk, account, events), risk,
                    account, spec.lotSize(), defaultExits);
            traders[k].algoDesk(desk);
            traders[k].trailingFlags(trailing);
            if (!ticks) costs.barsFrom(k, visible[k]); // every bar the cost book hears is appended to this series
            if (spec.indicatorCache().isPresent()) {
                String symbol = symbols.get(k);
                var cache = spec.indicatorCache().get();
                int slot = k;
                spec.traded().stream().filter(d -> d.symbol().equals(symbol)).findFirst()
                        .ifPresent(d -> traders[slot].shareIndicators(cache, d.bars()));
            }
        }
        var timeframes = spec.timeframes();
        List<String> universe = List.copyOf(symbols); // one copy every trader shares
        for (SymbolTrader t : traders) {
            t.seeUniverse(universe, visible);
            t.timeframesFrom(timeframes.getOrDefault(t.symbol(), List.of()).stream().map(DataInput::bars).toList());
        }
        this.acting = new boolean[n];
        for (int k = 0; k < n; k++) {
            strategies[k] = spec.strategy().create(traders[k]);
            acting[k] = strategies[k].actsOnBars();
        }
        boolean any = false;
        for (boolean a : acting) any |= a;
        this.anyActing = any;
        this.universe = spec.strategy().createPortfolio(new UniverseTrader(symbols, visible, traders, strategies, this.portfolio, broker,
                spec.execution(), spec.lotSize(), clock::now));
    }

    /**
     * Whoever announced it (the risk check, an operator, a broker's adapter halting because the
     * broker is out of reach), the account's trading state is the one announced last; trading
     * set active again lets the broker try again.
     */
    private void tradingStateChanged(TradingEvent.TradingStateChanged s) {
        if (this.risk != null) this.risk.follow(s);
        if (this.broker != null && TradingState.ACTIVE.name().equals(s.state())) this.broker.tradingResumed();
    }

    /** Room for the symbol's whole history when the spec holds it, so a long run never regrows the series it shows. */
    private static int expectedBars(RunSpec spec, String symbol) {
        for (DataInput d : spec.data()) if (d.symbol().equals(symbol)) return Math.max(1024, d.bars().size());
        return 1024;
    }

    /** One equity point per bar time: at least as many as the longest input has bars. */
    private static int expectedPoints(RunSpec spec) {
        int most = 1024;
        for (DataInput d : spec.data()) most = Math.max(most, d.bars().size());
        return most;
    }

    /** A feed that delivers trade ticks, so the broker fills on ticks rather than on bars. */
    public interface TickAware {
        boolean deliversTicks();
    }

    /** A live feed that comes with history: bars closed before its first event, shown to the strategies, never traded on. */
    public interface WarmUp {
        BarSeries warmUp(int slot);
    }

    public TradingLoop onStopRequest(BooleanSupplier stop) {
        this.stopRequested = stop;
        return this;
    }

    public TradingLoop onProgress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Looks at the stop request (and reports progress) every {@code events} feed events: a
     * backtest checks rarely to stay fast, a live session after every event.
     */
    public TradingLoop checkStopEvery(int events) {
        if (events < 1) throw new IllegalArgumentException("check interval must be at least one event");
        this.checkStopEvery = events;
        return this;
    }

    /** The clock that stamps when the run started and finished. */
    public TradingLoop wallClock(WallClock clock) {
        this.wall = clock;
        return this;
    }

    public String mode() { return mode; }

    public Feed feed() { return feed; }

    /** The run clock's time: the time of the last feed event, epoch millis. */
    public long now() { return clock.now(); }

    /** Fills made so far in this run. */
    public int fillCount() { return memory.fills().size(); }

    public Broker broker() { return broker; }

    public Portfolio portfolio() { return portfolio; }

    public RiskManager risk() { return risk; }

    /** The parent orders (execution algos) of the run. */
    public AlgoDesk algoDesk() { return desk; }

    /** The strategy instances, one per symbol in feed order (for charts and tools after a run). */
    public List<Strategy> strategies() { return List.of(strategies); }

    /** The bars each strategy saw, one series per symbol in feed order. */
    public List<BarSeries> visibleSeries() { return List.of(visible); }

    /** Runs the feed to its end (or until a stop is requested) and returns the result. */
    public RunResult run() {
        Instant started = wall.instant();
        boolean stopped = false;
        long checkEvery = checkStopEvery, counter = 0;
        while (feed.next(this)) {
            if (++counter == checkEvery) {
                counter = 0;
                progress.onProgress(bars, clock.now());
                if (stopRequested.getAsBoolean()) {
                    stopped = true;
                    break;
                }
            }
        }
        if (closingCount > 0) closeBarTime(clock.now()); // stopped between two bars of one time
        progress.onProgress(bars, clock.now());
        RunResult result = result(started, stopped);
        recorder.finish(result);
        return result;
    }

    @Override
    public void onBar(int slot, long openTime, double open, double high, double low, double close, double volume) {
        long closeTime = barClosed(slot, openTime, open, high, low, close, volume);
        if (feed.peekBarTime() != closeTime) closeBarTime(closeTime);
    }

    /**
     * Every bar of one close time at once, from a replay laid out in time order: each goes
     * through {@link #onBar}'s steps in slot order, then the time closes. One call per bar time
     * rather than per bar, so a large universe's quiet symbols cost a pass over arrays.
     */
    void onBarsOfOneTime(ReplayLayout layout, int from, int to) {
        long closeTime = Long.MIN_VALUE;
        int[] slots = layout.slot;
        long[] time = layout.time;
        double[] open = layout.open, high = layout.high, low = layout.low, close = layout.close, volume = layout.volume;
        if (!ticks && broker.onQuietBars(slots, from, to, time[from], close)) closeTime = quietBarsClosed(layout, from, to);
        else for (int e = from; e < to; e++) closeTime = barClosed(slots[e], time[e], open[e], high[e], low[e], close[e], volume[e]);
        if (feed.peekBarTime() != closeTime) closeBarTime(closeTime);
    }

    /**
     * {@link #barClosed}'s steps for bars of one moment that no order can fill (the broker has
     * just taken them as quiet), step by step over all of them rather than bar by bar: with
     * nothing filling, no step of one symbol sees another's, so the order does not matter, and
     * a few tight passes cost far less than a dozen calls per bar. Every bar of a layout opens at
     * the same time with the same period, and none had an open event. Returns the close time.
     */
    private long quietBarsClosed(ReplayLayout layout, int from, int to) {
        int[] slots = layout.slot;
        long openTime = layout.time[from], closeTime = openTime + visible[slots[from]].periodMillis();
        if (closeTime > clock.now()) timeBeforeNow = clock.now();
        costs.onBars(slots, from, to, layout.open, layout.high, layout.low, layout.close, layout.volume);
        for (int e = from; e < to; e++) {
            int slot = slots[e];
            BarSeries series = visible[slot];
            int index = series.size();
            currentBar[slot] = index;
            if (history == null || history.deliveredIndex(slot) != index || !series.reveal()) {
                series.append(openTime, layout.open[e], layout.high[e], layout.low[e], layout.close[e], layout.volume[e]);
            }
        }
        clock.advanceTo(closeTime);
        portfolio.markAll(slots, from, to, layout.close);
        double[] close = layout.close;
        for (int e = from; e < to; e++) {
            int slot = slots[e];
            lastPriceTime[slot] = closeTime;
            if (Double.isNaN(firstClose[slot])) firstClose[slot] = close[e];
            closing[closingCount++] = slot;
        }
        bars += to - from;
        return closeTime;
    }

    /** A bar's steps up to its close: fills at its open, the bar shown, the account marked; returns its close time. */
    private long barClosed(int slot, long openTime, double open, double high, double low, double close, double volume) {
        if (openTime + visible[slot].periodMillis() > clock.now()) timeBeforeNow = clock.now();
        BarSeries series = visible[slot];
        int index = series.size();
        currentBar[slot] = index;
        clock.advanceTo(openTime);
        if (!ticks) {
            costs.onBar(slot, open, high, low, close, volume);
            if (openedAt[slot] == openTime) restOfOpenedBar(slot, openTime, series.periodMillis(), open, high, low, volume);
            else broker.onBar(slot, openTime, open, high, low, volume);
        }
        // replayed history is shown from its own columns rather than copied bar by bar
        if (history == null || history.deliveredIndex(slot) != index || !series.reveal()) series.append(openTime, open, high, low, close, volume);
        long closeTime = openTime + series.periodMillis();
        clock.advanceTo(closeTime);
        portfolio.mark(slot, close);
        broker.onClose(slot, close);
        lastPriceTime[slot] = closeTime;
        if (Double.isNaN(firstClose[slot])) firstClose[slot] = close;
        bars++;
        closing[closingCount++] = slot;
        return closeTime;
    }

    /** The stops and limits a bar whose open came apart reached, booked at the last moment before its close, whatever the order of this time's bars. */
    private void restOfOpenedBar(int slot, long openTime, long period, double open, double high, double low, double volume) {
        long closeTime = openTime + period;
        long before = clock.now() < closeTime ? clock.now() : timeBeforeNow;
        broker.onBarRest(slot, openTime, Math.max(openTime, before), open, high, low, volume);
    }

    /**
     * A bar opens while other symbols' bars go on closing: what its open executes fills now, at
     * its time, so every later close (equity, sizing, risk) sees the position; the account marks
     * the symbol at the open, the newest price known.
     */
    @Override
    public void onOpen(int slot, long openTime, double open, double volume) {
        if (openTime > clock.now()) timeBeforeNow = clock.now();
        clock.advanceTo(openTime);
        currentBar[slot] = visible[slot].size();
        openedAt[slot] = openTime;
        if (ticks) return;
        broker.onOpen(slot, openTime, open, volume);
        portfolio.mark(slot, open);
        lastPriceTime[slot] = openTime;
    }

    /**
     * Every bar closing at {@code closeTime} is in: the strategies run, in slot order, so a
     * strategy reading another symbol sees that symbol's bar of this time whatever their slots.
     */
    private void closeBarTime(long closeTime) {
        broker.settleWaitingBuys();
        if (risk.watchesEquity() && risk.afterBar(closeTime, portfolio.equity())) haltAndFlatten(ExitReason.RISK_HALT_TAG);
        if (risk.insolvent(closeTime, portfolio.equity())) haltAndFlatten(ExitReason.RISK_HALT_TAG);
        int count = closingCount;
        closingCount = 0; // before the strategies run: one stopped by the kill switch must not leave this time's bars queued
        if (!anyActing && !desk.isWorking()) {
            // no strategy of a symbol runs and no parent order works: a trailing stop moving starts none, so only stops move
            for (int k = 0; k < count; k++) {
                int slot = closing[k];
                if (trailing[slot]) traders[slot].afterBar(currentBar[slot]);
            }
        } else {
            for (int k = 0; k < count; k++) {
                int slot = closing[k];
                if (!strategiesOff && acting[slot]) strategies[slot].onBar(currentBar[slot]);
                if (trailing[slot]) traders[slot].afterBar(currentBar[slot]);
                if (desk.isWorking()) desk.barClosed(visible[slot].symbol(), visible[slot].openTime(currentBar[slot]), visible[slot].volume(currentBar[slot]));
            }
        }
        long next = feed.peekBarTime();
        if (!strategiesOff) universe.onBarTime(closeTime - finestPeriod, closeTime, next == Long.MAX_VALUE ? next : next - finestPeriod);
        // one point per distinct close time, stamped as a bar of the run's shortest period:
        // a single symbol's points carry their bars' own times
        recordEquity(closeTime - finestPeriod);
    }

    @Override
    public void onTick(int slot, long time, double price, double amount) {
        clock.advanceTo(time);
        currentBar[slot] = visible[slot].size();
        costs.onTrade(slot, price, amount);
        broker.onTick(slot, time, price, amount);
        portfolio.mark(slot, price);
        broker.onClose(slot, price);
        lastPriceTime[slot] = time;
        if (!strategiesOff) strategies[slot].onTick(time, price, amount);
        desk.traded(visible[slot].symbol(), amount);
    }

    private void onFill(int slot, Fill fill) {
        portfolio.apply(slot, fill, currentBar[slot], trade -> events.on(new TradeClosed(fill.time(), trade)));
        traders[slot].onFill(fill);
        desk.filled(fill);
    }

    /** Flattens everything after a halt; the tag says whether the risk layer or the operator halted. */
    private void haltAndFlatten(String tag) {
        for (SymbolTrader t : traders) t.flatten(tag, "cancelled: trading halted");
    }

    private void recordEquity(long time) {
        double equity = portfolio.equity();
        double exposure = equity > 0 ? portfolio.grossExposure() / equity : 0;
        double share = spec.cash() / visible.length, benchmark = 0;
        for (int k = 0; k < visible.length; k++) {
            benchmark += Double.isNaN(firstClose[k]) ? share : share * portfolio.lastPrice(k) / firstClose[k];
        }
        memory.onEquity(time, equity, portfolio.cash(), exposure, benchmark);
        recorder.onEquity(time, equity, portfolio.cash(), exposure, benchmark);
    }

    /** Operator's kill switch: halt trading, cancel every order and flatten every position. */
    public void killSwitch(String reason) {
        risk.set(clock.now(), TradingState.HALTED, reason);
        haltAndFlatten(ExitReason.OPERATOR_KILL_TAG);
    }

    /**
     * The kill switch for a strategy that was interrupted in the middle of a bar (an onBar
     * that would not return): as {@link #killSwitch(String)}, and the strategies are switched
     * off for the rest of the run, since their state is half a bar old. The feed goes on, so
     * the flattening orders fill at the next price.
     */
    public void killSwitchInterrupting(String reason) {
        strategiesOff = true;
        events.on(new TradingEvent.Note(clock.now(), "strategies switched off: " + reason));
        killSwitch(reason);
    }

    /** Operator's flatten: cancel every order and close every position at market; trading goes on. */
    public void flattenAll(String reason) {
        for (SymbolTrader t : traders) t.flatten(ExitReason.OPERATOR_FLATTEN_TAG, "cancelled: " + reason);
    }

    /**
     * Operator's parent order: worked by the run's desk like one a strategy starts, its children
     * through the symbol's risk check.
     *
     * @throws IllegalArgumentException if the run does not trade the symbol
     */
    public ParentOrderSnapshot startAlgo(ParentOrderRequest request) {
        for (SymbolTrader t : traders) if (t.symbol().equals(request.symbol())) return t.submitParent(request);
        throw new IllegalArgumentException("this session does not trade " + request.symbol() + " (it trades " + String.join(", ", feed.symbols()) + ")");
    }

    /** Operator's cancel of one working order; false if it is not working. */
    public boolean cancelOrder(long orderId, String reason) {
        return broker.cancel(orderId, reason);
    }

    /** Operator's pause: no new exposure (exits and protective orders still work) until resumed. */
    public boolean pauseTrading(String reason) {
        if (risk.state() != TradingState.ACTIVE) return false;
        risk.set(clock.now(), TradingState.REDUCING, reason);
        return true;
    }

    /** Operator's resume after a pause, a daily stop or a halt. */
    public boolean resumeTrading(String reason) {
        if (risk.state() == TradingState.ACTIVE) return false;
        risk.set(clock.now(), TradingState.ACTIVE, reason);
        return true;
    }

    /** The account as it stands, for status lines and status files. */
    public LiveStatus status() {
        List<String> symbols = feed.symbols();
        List<LiveStatus.Quote> quotes = new ArrayList<>(symbols.size());
        for (int k = 0; k < symbols.size(); k++) {
            quotes.add(new LiveStatus.Quote(symbols.get(k), portfolio.lastPrice(k), portfolio.position(k)));
        }
        return new LiveStatus(clock.now(), feed.position(), bars, portfolio.cash(), portfolio.equity(), portfolio.initialCash(),
                portfolio.realizedPnl(), quotes, portfolio.openPositions(), broker.openOrders(), memory.fills().size(), risk.state());
    }

    private RunResult result(Instant started, boolean stopped) {
        EquityCurve curve = memory.curve();
        int warmup = 0;
        for (Strategy s : strategies) warmup = Math.max(warmup, s.warmupBars());
        double bh = 0;
        int counted = 0;
        for (int k = 0; k < visible.length; k++) {
            if (visible[k].isEmpty() || Double.isNaN(firstClose[k])) continue;
            // from the first bar the run traded on, not a live session's warm-up history
            bh += visible[k].close(visible[k].lastIndex()) / firstClose[k] - 1;
            counted++;
        }
        bh = counted == 0 ? Double.NaN : bh / counted;
        RunMetrics metrics = curve.equity().length == 0 ? null
                : MetricsCalculator.compute(curve, memory.trades(), spec.cash(), portfolio.commissions(), bh, dataEnd());
        RunResult result = new RunResult(spec.strategy().name(), mode, spec, curve, memory.benchmark(), List.copyOf(memory.trades()),
                List.copyOf(memory.fills()), memory.orders(), portfolio.openPositions(), warmup, bars, metrics,
                Assumptions.describe(spec, warmup, mode, broker.venue()), started, wall.instant(), stopped,
                new RunResult.AccountChecks(broker.ordersReducedForCash(), broker.ordersRejectedForCash()), costs.costs(clock.now()),
                modelReports());
        return result.shortOfWarmup().map(w -> withAssumption(result, "SHORT DATA: " + w + ".")).orElse(result);
    }

    /** The summary says it too, beside the run's other assumptions. */
    private static RunResult withAssumption(RunResult r, String line) {
        List<String> assumptions = new ArrayList<>(r.assumptions());
        assumptions.add(line);
        return new RunResult(r.name(), r.mode(), r.spec(), r.curve(), r.benchmark(), r.trades(), r.fills(), r.orders(), r.openPositions(),
                r.warmupBars(), r.bars(), r.metrics(), List.copyOf(assumptions), r.startedAt(), r.finishedAt(), r.stoppedEarly(), r.accountChecks(), r.costs(), r.models());
    }

    /** Every strategy's walk-forward models, audited over the bars the run saw. */
    private List<ModelReport> modelReports() {
        List<ModelReport> out = new ArrayList<>();
        for (Strategy s : strategies) {
            if (s instanceof ModelOwner owner) owner.models().forEach(m -> out.add(m.report()));
        }
        return out;
    }

    /** The close of the last bar the run saw, of any symbol: where the data it covered ends. */
    private long dataEnd() {
        long end = Long.MIN_VALUE;
        for (BarSeries v : visible) if (!v.isEmpty()) end = Math.max(end, v.closeTime(v.lastIndex()));
        return end;
    }

    private final class LoopAccount implements AccountView {
        private final List<String> symbols = new ArrayList<>(feed.symbols());

        public long now() { return clock.now(); }
        public double equity() { return portfolio.equity(); }
        public double grossExposure() { return portfolio.grossExposure(); }

        public double position(String symbol) {
            int k = symbols.indexOf(symbol);
            return k < 0 ? 0 : portfolio.position(k);
        }

        public double lastPrice(String symbol) {
            int k = symbols.indexOf(symbol);
            return k < 0 ? Double.NaN : portfolio.lastPrice(k);
        }

        public long lastPriceTime(String symbol) {
            int k = symbols.indexOf(symbol);
            return k < 0 ? Long.MIN_VALUE : lastPriceTime[k];
        }
    }

    /** For tests and tools: every event this run emitted so far goes through here. */
    EventListener events() { return events; }

    static boolean isOrderEvent(TradingEvent e) { return e instanceof TradingEvent.OrderEvent; }
}
