package io.tradeshell.shell.console.data;

import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.shell.console.data.DataDescription.Gap;
import io.tradeshell.shell.console.data.DataDescription.Returns;
import io.tradeshell.shell.console.view.Numbers;
import io.tradeshell.shell.console.view.Styles;
import java.time.Duration;
import java.util.Comparator;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** A loaded history's description as label/value lines. */
public final class DescriptionView {
    private DescriptionView() { }

    public static AttributedString render(DataDescription d) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(d.symbol(), Styles.NAME).append("  ").append(d.file(), Styles.DIM).append('\n');
        long p = d.periodMillis();
        line(b, "bars", String.format("%,d of %s", d.bars(), BarPeriods.format(Duration.ofMillis(p))));
        if (d.bars() == 0) return b.toAttributedString();
        line(b, "from", IsoTime.readable(d.first(), p) + " to " + IsoTime.readable(d.last(), p));
        if (d.gaps().isEmpty()) {
            line(b, "gaps", p >= 86_400_000L ? "none (weekends aside)" : "none");
        } else {
            Gap widest = d.gaps().stream().max(Comparator.comparingLong(Gap::missing)).orElseThrow();
            StringBuilder after = new StringBuilder();
            for (int k = 0; k < Math.min(4, d.gaps().size()); k++) after.append(k == 0 ? "" : ", ").append(IsoTime.readable(d.gaps().get(k).before(), p));
            if (d.gaps().size() > 4) after.append(", …");
            line(b, "gaps", String.format("%,d, %,d bar(s) missing (after %s); widest %,d bar(s) after %s", d.gaps().size(),
                    d.missingBars(), after, widest.missing(), IsoTime.readable(widest.before(), p)));
        }
        line(b, "range", Numbers.value(d.lowest()) + " .. " + Numbers.value(d.highest()));
        line(b, "close", Numbers.value(d.firstClose()) + " -> " + Numbers.value(d.lastClose())
                + "  (" + Numbers.percent(d.totalReturn()) + ")");
        Returns r = d.returns();
        if (r.count() > 0) {
            line(b, "returns", String.format("%,d bar-to-bar close returns", r.count()));
            line(b, "  mean", Numbers.percent(r.mean()) + " per bar");
            line(b, "  stdev", Numbers.percent(r.stdev()) + " per bar, " + Numbers.percent(r.annualised()) + " annualised");
            line(b, "  worst", Numbers.percent(r.min()) + " on " + IsoTime.readable(r.minTime(), p));
            line(b, "  best", Numbers.percent(r.max()) + " on " + IsoTime.readable(r.maxTime(), p));
            line(b, "  up bars", Numbers.percent(r.upShare()));
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) == '\n') b.setLength(b.length() - 1);
        return b.toAttributedString();
    }

    private static void line(AttributedStringBuilder b, String label, String value) {
        b.append("  ").append(String.format("%-10s", label), Styles.DIM).append(value).append('\n');
    }
}
