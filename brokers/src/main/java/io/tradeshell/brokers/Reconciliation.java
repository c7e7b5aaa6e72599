package io.tradeshell.brokers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Before any trading: the broker's positions and open orders against what the journal says the
 * account holds. Every difference is listed; the user then adopts the broker's state or stops.
 *
 * @param journalPositions  signed quantity per symbol, from the journal
 * @param journalOrders     client order ids the journal holds as working
 * @param brokerPositions   signed quantity per symbol, at the broker
 * @param brokerOrders      client order ids working at the broker
 */
public record Reconciliation(Map<String, Double> journalPositions, Set<String> journalOrders,
                             Map<String, Double> brokerPositions, Set<String> brokerOrders) {

    /** One difference, said as a trader would. */
    public record Discrepancy(String what) {
        @Override
        public String toString() { return what; }
    }

    public List<Discrepancy> discrepancies() {
        List<Discrepancy> out = new ArrayList<>();
        Set<String> symbols = new TreeSet<>(journalPositions.keySet());
        symbols.addAll(brokerPositions.keySet());
        for (String s : symbols) {
            double mine = journalPositions.getOrDefault(s, 0.0), theirs = brokerPositions.getOrDefault(s, 0.0);
            if (Math.abs(mine - theirs) > 1e-9) {
                out.add(new Discrepancy("position " + s + ": the journal holds " + qty(mine) + ", the broker " + qty(theirs)
                        + (mine == 0 ? " (a position the journal does not know)" : theirs == 0 ? " (missing at the broker)" : "")));
            }
        }
        for (String id : new TreeSet<>(journalOrders)) {
            if (!brokerOrders.contains(id)) out.add(new Discrepancy("order " + id + " is working in the journal but not at the broker"));
        }
        for (String id : new TreeSet<>(brokerOrders)) {
            if (!journalOrders.contains(id)) out.add(new Discrepancy("order " + id + " is working at the broker but not in the journal"));
        }
        return out;
    }

    /**
     * Whether a resumed session can go on without the user's word: every difference is one the
     * session books itself as it catches up, a working order of the journal that filled or
     * ended at the broker meanwhile, and the position of a symbol with such an order.
     *
     * @param symbolsWithWorkingOrders the symbols of the orders the journal holds as working
     */
    public boolean onlyCatchUp(Set<String> symbolsWithWorkingOrders) {
        Set<String> symbols = new TreeSet<>(journalPositions.keySet());
        symbols.addAll(brokerPositions.keySet());
        for (String s : symbols) {
            double mine = journalPositions.getOrDefault(s, 0.0), theirs = brokerPositions.getOrDefault(s, 0.0);
            if (Math.abs(mine - theirs) > 1e-9 && !symbolsWithWorkingOrders.contains(s)) return false;
        }
        return journalOrders.containsAll(brokerOrders);
    }

    /** Whether the journal holds a position in a symbol where the broker holds none. */
    public boolean journalHoldsWhatTheBrokerDoesNot() {
        for (Map.Entry<String, Double> e : journalPositions.entrySet()) {
            if (Math.abs(e.getValue()) > 1e-9 && Math.abs(brokerPositions.getOrDefault(e.getKey(), 0.0)) <= 1e-9) return true;
        }
        return false;
    }

    public boolean agrees() {
        return discrepancies().isEmpty();
    }

    /** The report printed before trading: one line per difference. */
    public String report(String broker) {
        List<Discrepancy> d = discrepancies();
        if (d.isEmpty()) return broker + " agrees with the journal: " + brokerPositions.size() + " position(s), " + brokerOrders.size() + " open order(s)";
        StringBuilder b = new StringBuilder(broker + " differs from the journal in " + d.size() + " place(s):");
        for (Discrepancy x : d) b.append("\n  ").append(x);
        return b.toString();
    }

    private static String qty(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
