package io.tradeshell.engine.strategy;

import java.util.Map;

/** Makes a fresh strategy instance per symbol per run; a compiled script is one of these. */
public interface StrategyFactory {
    /** The strategy's title. */
    String name();

    /** The parameters in effect for this factory, defaults merged with overrides. */
    Map<String, Object> params();

    /** Risk limits the strategy declares for itself; a run's own limits override them one by one. */
    default io.tradeshell.engine.risk.RiskLimits riskLimits() {
        return io.tradeshell.engine.risk.RiskLimits.none();
    }

    /**
     * Whether the strategy runs with full access to the machine (a script compiled outside the
     * sandbox); a run says so in its assumptions, since then nothing guarantees it saw only the past.
     */
    default boolean trusted() {
        return false;
    }

    /** A new instance trading {@code context}'s symbol. */
    Strategy create(TradingContext context);

    /** Whether the strategy has a portfolio section ({@link #createPortfolio} gives more than {@link PortfolioStrategy#NONE}). */
    default boolean hasPortfolio() {
        return false;
    }

    /** The strategy's portfolio section for one run, or {@link PortfolioStrategy#NONE} when it has none. */
    default PortfolioStrategy createPortfolio(PortfolioContext context) {
        return PortfolioStrategy.NONE;
    }
}
