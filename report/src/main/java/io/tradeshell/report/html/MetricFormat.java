package io.tradeshell.report.html;

import io.tradeshell.engine.time.IsoTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How report values read: fractions as percentages, money with 2 decimals, missing values as "n/a". */
public final class MetricFormat {
    /** Metrics in the order the report lists them, with their labels. */
    static final Map<String, String> LABELS = orderedLabels();

    private static final Set<String> FRACTIONS = Set.of(
            "totalReturn", "cagr", "volatility", "maxDrawdown", "winRate", "exposure", "buyAndHoldReturn");
    private static final Set<String> MONEY = Set.of("finalEquity", "avgWin", "avgLoss", "expectancy", "commissions");
    private static final Set<String> COUNTS = Set.of("trades", "maxDrawdownDuration");

    /** The profit factor of a run that won and never lost (summary.json: null with {@code "profitFactorInfinite": true}). */
    public static final String INFINITE_PROFIT_FACTOR = "∞ (no losing trades)";

    private MetricFormat() {}

    private static Map<String, String> orderedLabels() {
        List<String[]> pairs = List.of(
                new String[] {"finalEquity", "Final equity"}, new String[] {"totalReturn", "Total return"},
                new String[] {"buyAndHoldReturn", "Buy-and-hold return"}, new String[] {"cagr", "CAGR"},
                new String[] {"volatility", "Volatility (annualised)"}, new String[] {"sharpe", "Sharpe ratio"},
                new String[] {"sortino", "Sortino ratio"}, new String[] {"maxDrawdown", "Max drawdown"},
                new String[] {"maxDrawdownDuration", "Max drawdown duration (bars)"}, new String[] {"calmar", "Calmar ratio"},
                new String[] {"trades", "Trades"}, new String[] {"winRate", "Win rate"},
                new String[] {"profitFactor", "Profit factor"}, new String[] {"avgWin", "Average win"},
                new String[] {"avgLoss", "Average loss"}, new String[] {"expectancy", "Expectancy per trade"},
                new String[] {"exposure", "Exposure (time in market)"}, new String[] {"commissions", "Commissions"});
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String[] p : pairs) m.put(p[0], p[1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The label of a metric: the known name, or its camelCase key spelled out ("avgHoldTime" -> "Avg hold time"). */
    public static String label(String key) {
        String known = LABELS.get(key);
        if (known != null) return known;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (i == 0) out.append(Character.toUpperCase(c));
            else if (Character.isUpperCase(c)) out.append(' ').append(Character.toLowerCase(c));
            else out.append(c);
        }
        return out.toString();
    }

    /** A metric value as the report shows it. */
    public static String metric(String key, JsonNode value) {
        if (isMissing(value)) return "n/a";
        if (!value.isNumber()) return value.asText();
        double v = value.doubleValue();
        if (FRACTIONS.contains(key)) return percent(v);
        if (MONEY.contains(key)) return money(v);
        if (COUNTS.contains(key)) return whole(v);
        return plain(v);
    }

    /** 0.1234 -> "12.34%". */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) return "n/a";
        return String.format(Locale.US, "%,.2f%%", fraction * 100);
    }

    /** 1234.5 -> "1,234.50". */
    public static String money(double v) {
        if (!Double.isFinite(v)) return "n/a";
        return String.format(Locale.US, "%,.2f", v);
    }

    /** Two decimals for ratios, no decimals for whole numbers. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "n/a" : (v > 0 ? "∞" : "-∞");
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return whole(v);
        return String.format(Locale.US, "%,.2f", v);
    }

    /** A count or a quantity: no decimals when whole, else up to 4. */
    public static String quantity(double v) {
        if (!Double.isFinite(v)) return "n/a";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return whole(v);
        return String.format(Locale.US, "%,.4f", v).replaceAll("0+$", "");
    }

    private static String whole(double v) {
        return String.format(Locale.US, "%,d", Math.round(v));
    }

    /** An ISO instant as "2013-01-02" when at midnight UTC, else "2013-01-02 14:30:00". */
    public static String time(Instant t) {
        long ms = t.toEpochMilli();
        return IsoTime.readable(ms, ms % IsoTime.DAY == 0 ? IsoTime.DAY : 1000);
    }

    /** Same as {@link #time(Instant)} for an ISO text; other text is returned as is. */
    public static String time(String iso) {
        try {
            return time(Instant.ofEpochMilli(IsoTime.parse(iso)));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static boolean isMissing(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().equals("NaN"));
    }
}
