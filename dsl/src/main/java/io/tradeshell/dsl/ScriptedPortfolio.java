package io.tradeshell.dsl;

import groovy.lang.Closure;
import io.tradeshell.engine.strategy.PortfolioContext;
import io.tradeshell.engine.strategy.PortfolioStrategy;
import java.time.Instant;
import java.util.List;

/**
 * A script's {@code portfolio { }} section for one run: at each bar time its schedule picks, the
 * block runs over the universe, and the targets it set go to the allocator.
 */
final class ScriptedPortfolio implements PortfolioStrategy {
    private final BarBudget budget;
    private final String scriptName;
    private final PortfolioPlan plan;
    private final PortfolioContext ctx;
    private final PortfolioScope scope;
    private final Closure<?> block;
    private final List<String> knownNames;
    private long previousOpen = Long.MIN_VALUE;

    ScriptedPortfolio(String scriptName, PortfolioPlan plan, PortfolioContext ctx, PortfolioScope scope, Closure<?> block, List<String> knownNames,
                      BarBudget budget) {
        this.budget = budget;
        this.scriptName = scriptName;
        this.plan = plan;
        this.ctx = ctx;
        this.scope = scope;
        this.block = block;
        this.knownNames = knownNames;
    }

    @Override
    public void onBarTime(long open, long close, long nextOpen) {
        boolean due = plan.schedule().isDue(previousOpen, open, nextOpen);
        previousOpen = open;
        if (!due) return;
        scope.startRun(open);
        try {
            budget.call(block::call);
        } catch (IndexOutOfBoundsException future) {
            // The section runs after bars have closed, so this is a read past the newest one: say so as the engine does.
            IllegalStateException e = new IllegalStateException(future.getMessage() + ": a portfolio section reads only closed bars");
            e.setStackTrace(future.getStackTrace());
            throw ScriptErrors.runtimeError(scriptName, e, knownNames, "in portfolio at bar time " + Instant.ofEpochMilli(open));
        } catch (Throwable t) {
            throw ScriptErrors.runtimeError(scriptName, t, knownNames, "in portfolio at bar time " + Instant.ofEpochMilli(open));
        }
        if (scope.targets != null) ctx.rebalance(scope.targets, plan.policy());
    }
}
