package io.tradeshell.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** Everything a run directory holds that a report shows. */
public record RunReport(Path dir, JsonNode summary, EquityColumns equity, List<RecordedTrade> trades, List<RecordedFill> fills) {
    public RunReport {
        trades = List.copyOf(trades);
        fills = List.copyOf(fills);
    }
}
