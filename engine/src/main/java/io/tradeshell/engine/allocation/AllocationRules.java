package io.tradeshell.engine.allocation;

import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.Slippage;

/**
 * How targets become orders: the run's lots and costs, the portfolio's policy.
 *
 * @param lotSize    quantities are whole multiples of this (0: any fraction)
 * @param commission the broker's commission, estimated at the decision price
 * @param slippage   the broker's slippage, estimated against each order
 */
public record AllocationRules(double lotSize, CommissionModel commission, Slippage slippage, RebalancePolicy policy) {
    public AllocationRules {
        if (!(lotSize >= 0)) throw new IllegalArgumentException("lot size must be >= 0, was " + lotSize);
    }

    double tolerance() { return policy.tolerance(); }
    double cashBuffer() { return policy.cashBuffer(); }
    double maxLeverage() { return policy.maxLeverage(); }

    /** Rounds a signed quantity toward zero to whole lots. */
    double wholeLots(double qty) {
        if (!(lotSize > 0)) return qty;
        double lots = Math.floor(Math.abs(qty) / lotSize + 1e-9);
        return Math.copySign(lots * lotSize, qty);
    }
}
