package io.tradeshell.brokers;

import io.tradeshell.engine.paper.AccountStatus.OrderView;
import io.tradeshell.engine.paper.JournalAccount;
import io.tradeshell.engine.portfolio.OpenPosition;
import io.tradeshell.engine.trade.ExitReason;
import io.tradeshell.engine.trade.PositionSide;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * What a journal says the account holds, in the terms a broker is compared in: signed positions
 * per symbol and the client order ids of the working orders (an order adopted from the broker
 * keeps the broker's own id, {@code adopted:ID} in its tag).
 *
 * @param symbolsWithWorkingOrders the symbols of those orders: a position there may have moved meanwhile
 * @param entryPrices              each position's average entry price, where the journal books a close of its own
 */
public record JournalHoldings(Map<String, Double> positions, Set<String> workingOrders, Set<String> symbolsWithWorkingOrders,
                              Map<String, Double> entryPrices) {
    /** A new account's: nothing. */
    public static final JournalHoldings NONE = new JournalHoldings(Map.of(), Set.of(), Set.of(), Map.of());

    public JournalHoldings {
        positions = Map.copyOf(positions);
        entryPrices = Map.copyOf(entryPrices);
        workingOrders = Set.copyOf(workingOrders);
        symbolsWithWorkingOrders = Set.copyOf(symbolsWithWorkingOrders);
    }

    /** The holdings of {@code account}; {@code clientOrderId} gives the id each of its own orders went to the broker with. */
    public static JournalHoldings of(JournalAccount account, LongFunction<String> clientOrderId) {
        Map<String, Double> positions = new HashMap<>(), prices = new HashMap<>();
        for (OpenPosition p : account.portfolio().openPositions()) {
            positions.put(p.symbol(), p.side() == PositionSide.LONG ? p.qty() : -p.qty());
            prices.put(p.symbol(), p.entryPrice());
        }
        Set<String> working = new HashSet<>(), symbols = new HashSet<>();
        for (OrderView o : account.openOrders()) {
            working.add(ExitReason.isAdopted(o.tag()) && o.tag().contains(":") ? o.tag().substring(o.tag().indexOf(':') + 1) : clientOrderId.apply(o.id()));
            symbols.add(o.symbol());
        }
        return new JournalHoldings(positions, working, symbols, prices);
    }
}
