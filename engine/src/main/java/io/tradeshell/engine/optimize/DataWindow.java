package io.tradeshell.engine.optimize;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.DataInput;
import java.util.ArrayList;
import java.util.List;

/** Cuts loaded data to a time window: the bars whose open time is in {@code [from, to)}, as new series. */
final class DataWindow {
    private DataWindow() { }

    static List<DataInput> slice(List<DataInput> data, long from, long to) {
        List<DataInput> out = new ArrayList<>(data.size());
        for (DataInput d : data) out.add(new DataInput(slice(d.bars(), from, to), d.file(), d.sha256(), d.notes()));
        return out;
    }

    static BarSeries slice(BarSeries s, long from, long to) {
        int first = firstAtOrAfter(s, from), end = firstAtOrAfter(s, to);
        BarSeries out = new BarSeries(s.symbol(), s.period(), s.priceScale(), Math.max(16, end - first));
        for (int i = first; i < end; i++) out.appendFrom(s, i);
        return out;
    }

    /** The index of the first bar opening at or after {@code time}; size() if none. */
    static int firstAtOrAfter(BarSeries s, long time) {
        int lo = 0, hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.openTime(mid) < time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static int bars(List<DataInput> data) {
        int n = 0;
        for (DataInput d : data) n += d.bars().size();
        return n;
    }
}
