package io.tradeshell.engine.order;

/** Where a parent order stands: its schedule still running, or why it ended. */
public enum ParentStatus {
    /** Children are still to be sent or still working. */
    WORKING,
    /** Every unit was sent and no child works any more (some may have been cut or rejected at the broker). */
    DONE,
    /** Cancelled by the strategy or the operator, its working children with it. */
    CANCELLED,
    /** A child was refused before reaching the broker (the risk check), which ends the schedule. */
    REJECTED;

    public boolean isWorking() { return this == WORKING; }
}
