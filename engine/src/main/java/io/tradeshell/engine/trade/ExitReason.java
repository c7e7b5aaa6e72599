package io.tradeshell.engine.trade;

import java.util.Optional;

/**
 * Why a position ended, read from the tag of the order that closed it. A trader reading a
 * trade list wants to tell the strategy's own exits from the stops, the risk layer and the
 * operator at a glance.
 */
public enum ExitReason {
    /** The strategy decided: an exit rule, or an order from its own block. */
    SIGNAL("signal"),
    STOP_LOSS("stopLoss"),
    TAKE_PROFIT("takeProfit"),
    TRAILING_STOP("trailingStop"),
    /** A portfolio rebalance moved the position to its target. */
    REBALANCE("rebalance"),
    /** The risk layer halted trading and flattened. */
    RISK("risk"),
    /** Still open when the data ended: marked to the last close, never a closed trade. */
    END_OF_DATA("endOfData"),
    /** The operator flattened or pulled the kill switch. */
    OPERATOR("operator"),
    /** The journal held a position its broker no longer did, and the user took the broker's word for it. */
    ADJUSTED("adjusted");

    /** Order tags the engine itself gives the orders it places for these reasons. */
    public static final String REBALANCE_TAG = "rebalance";
    public static final String RISK_HALT_TAG = "riskHalt";
    public static final String OPERATOR_FLATTEN_TAG = "operatorFlatten";
    public static final String OPERATOR_KILL_TAG = "operatorKill";
    /** The children of a parent order the operator started from the console. */
    public static final String OPERATOR_ALGO_TAG = "operatorAlgo";
    /**
     * The tag of what an account took over from its broker at start-up (a position, booked as a
     * fill at the broker's average entry price; a working order, tagged {@code adopted:CLIENT_ID}):
     * not a decision of the run, so it has no transaction cost.
     */
    public static final String ADOPTED_TAG = "adopted";

    /**
     * The tag of the close an account books when its journal holds a position the broker does
     * not and the user adopts the broker's state: a correction of the books at the position's
     * own entry price, so it makes no profit or loss and has no transaction cost.
     */
    public static final String ADJUSTED_TAG = "adjusted";

    /** Whether an order with this tag was adopted from the broker rather than placed by the run. */
    public static boolean isAdopted(String tag) {
        return tag != null && (tag.equals(ADOPTED_TAG) || tag.startsWith(ADOPTED_TAG + ":"));
    }

    /** Whether an order with this tag books the broker's state (adopted, or adjusted to it) rather than a decision of the run. */
    public static boolean isBrokerBooking(String tag) {
        return isAdopted(tag) || ADJUSTED_TAG.equals(tag);
    }

    private final String word;

    ExitReason(String word) {
        this.word = word;
    }

    /** The word in {@code trades.jsonl}, reports and tables: {@code stopLoss}, {@code endOfData}. */
    public String word() {
        return word;
    }

    /** The reason an order with this tag closes a position; anything the strategy tagged is a signal. */
    public static ExitReason ofTag(String tag) {
        if (tag == null) return SIGNAL;
        return switch (tag) {
            case "stopLoss" -> STOP_LOSS;
            case "takeProfit" -> TAKE_PROFIT;
            case "trailingStop" -> TRAILING_STOP;
            case REBALANCE_TAG -> REBALANCE;
            case RISK_HALT_TAG -> RISK;
            case OPERATOR_FLATTEN_TAG, OPERATOR_KILL_TAG, OPERATOR_ALGO_TAG -> OPERATOR;
            case ADJUSTED_TAG -> ADJUSTED;
            default -> SIGNAL;
        };
    }

    /** The reason named by {@link #word()}, for readers of the output files. */
    public static Optional<ExitReason> ofWord(String word) {
        for (ExitReason r : values()) if (r.word.equals(word)) return Optional.of(r);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return word;
    }
}
