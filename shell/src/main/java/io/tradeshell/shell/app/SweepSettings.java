package io.tradeshell.shell.app;

import io.tradeshell.engine.optimize.Constraint;
import io.tradeshell.engine.optimize.Objective;
import io.tradeshell.engine.optimize.Search;

/**
 * How a parameter sweep ranks and draws its combinations, whichever front end asked.
 *
 * @param threads   backtests run at once
 * @param resume    continue the sweep already in the output folder
 * @param minTrades warn when the best result rests on fewer trades
 * @param top       rows in the ranked table
 */
public record SweepSettings(Objective objective, Search search, Constraint constraint, int threads, boolean resume, int minTrades, int top) { }
