package io.tradeshell.engine.optimize;

import io.tradeshell.engine.run.RunSpec;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A parameter sweep to run: the run settings and data shared by every combination, the
 * strategy to bind each combination to, the space, constraint and search, and where to write.
 * Start from {@link #of} and change what differs with the {@code with} methods.
 *
 * @param base      data, costs, fills, cash, risk and lot size of every run (its strategy is replaced per combination)
 * @param threads   backtests run at once; 1 runs them one after another on the calling thread
 * @param out       the directory for the sweep's files; empty keeps the sweep in memory only
 * @param resume    continue the sweep already in {@code out}, skipping the combinations it holds
 * @param minTrades below this many trades, the best result carries a warning
 * @param top       rows in the ranked table of {@code best.json}
 */
public record OptimizeRequest(RunSpec base, StrategyBinder strategy, ParamSpace space, Constraint constraint,
                              Objective objective, Search search, int threads, Optional<Path> out, boolean resume,
                              int minTrades, int top) {
    public static final int DEFAULT_MIN_TRADES = 30;
    public static final int DEFAULT_TOP = 10;

    public OptimizeRequest {
        Objects.requireNonNull(base);
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(space);
        Objects.requireNonNull(constraint);
        Objects.requireNonNull(objective);
        Objects.requireNonNull(search);
        Objects.requireNonNull(out);
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        if (minTrades < 0) throw new IllegalArgumentException("--min-trades must be >= 0, got " + minTrades);
        if (top < 1) throw new IllegalArgumentException("--top must be at least 1, got " + top);
        if (resume && out.isEmpty()) throw new IllegalArgumentException("--resume needs --out DIR, the sweep to continue");
    }

    /** A grid sweep by Sharpe ratio on every core, in memory only. */
    public static OptimizeRequest of(RunSpec base, StrategyBinder strategy, ParamSpace space) {
        return new OptimizeRequest(base, strategy, space, Constraint.NONE, Objective.SHARPE, Search.GRID,
                Runtime.getRuntime().availableProcessors(), Optional.empty(), false, DEFAULT_MIN_TRADES, DEFAULT_TOP);
    }

    public OptimizeRequest withBase(RunSpec b) { return new OptimizeRequest(b, strategy, space, constraint, objective, search, threads, out, resume, minTrades, top); }
    public OptimizeRequest withConstraint(Constraint c) { return new OptimizeRequest(base, strategy, space, c, objective, search, threads, out, resume, minTrades, top); }
    public OptimizeRequest withObjective(Objective o) { return new OptimizeRequest(base, strategy, space, constraint, o, search, threads, out, resume, minTrades, top); }
    public OptimizeRequest withSearch(Search s) { return new OptimizeRequest(base, strategy, space, constraint, objective, s, threads, out, resume, minTrades, top); }
    public OptimizeRequest withThreads(int n) { return new OptimizeRequest(base, strategy, space, constraint, objective, search, n, out, resume, minTrades, top); }
    public OptimizeRequest withOut(Path dir) { return new OptimizeRequest(base, strategy, space, constraint, objective, search, threads, Optional.ofNullable(dir), resume, minTrades, top); }
    public OptimizeRequest withResume(boolean r) { return new OptimizeRequest(base, strategy, space, constraint, objective, search, threads, out, r, minTrades, top); }
    public OptimizeRequest withMinTrades(int n) { return new OptimizeRequest(base, strategy, space, constraint, objective, search, threads, out, resume, n, top); }
    public OptimizeRequest withTop(int n) { return new OptimizeRequest(base, strategy, space, constraint, objective, search, threads, out, resume, minTrades, n); }
}
