package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.portfolio.OpenPosition;
import io.tradeshell.engine.trade.PositionSide;
import io.tradeshell.engine.risk.TradingState;
import io.tradeshell.engine.run.LiveStatus;
import io.tradeshell.shell.app.trading.StatusLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLineTest {
    @Test
    void theStatusLineShowsFeedTimeLastPricePositionEquityPnlAndOpenOrders() {
        var position = new OpenPosition("AAPL", PositionSide.LONG, 10, Instant.EPOCH, 500, 512.5, 125);
        var s = new LiveStatus(Instant.parse("2013-03-04T00:00:00Z").toEpochMilli(), 42, 42, 95_000, 100_125, 100_000, 0,
                List.of(new LiveStatus.Quote("AAPL", 512.5, 10)), List.of(position), List.of(), 1, TradingState.REDUCING);
        StringWriter out = new StringWriter();
        StatusLine line = new StatusLine(new PrintWriter(out), true, "live ");
        // before the session's bars are known, to the second; then as the run header writes times: a date for daily bars
        assertThat(line.render(s)).startsWith("live 2013-03-04 00:00:00  AAPL");
        line.times().use(86_400_000L);
        assertThat(line.render(s)).isEqualTo("live 2013-03-04  AAPL 512.50 pos 10  equity 100,125.00  P&L +125.00  orders 0  REDUCING");
        line.onStatus(s);
        line.clear();
        assertThat(out.toString()).startsWith("\rlive 2013-03-04  AAPL").endsWith("\r");
    }

    @Test
    void anAlertFromAnotherThreadGoesOnItsOwnLineAboveTheStatusLineNotGluedOntoIt() throws Exception {
        var s = new LiveStatus(Instant.parse("2013-03-04T00:00:00Z").toEpochMilli(), 42, 42, 95_000, 100_125, 100_000, 0,
                List.of(new LiveStatus.Quote("AAPL", 512.5, 10)), List.of(), List.of(), 1, TradingState.HALTED);
        StringWriter screen = new StringWriter();
        PrintWriter terminal = new PrintWriter(screen);
        StatusLine line = new StatusLine(terminal, true, "paper demo ");
        line.onStatus(s);
        Thread alerts = new Thread(() -> line.above(terminal).println("ALERT CRITICAL 2013-03-04T00:00:00Z [paper demo] Trading halted: kill switch"));
        alerts.start();
        alerts.join();
        String status = line.render(s);
        assertThat(screen.toString()).isEqualTo("\r" + status + "\r" + " ".repeat(status.length()) + "\r"
                + "ALERT CRITICAL 2013-03-04T00:00:00Z [paper demo] Trading halted: kill switch" + System.lineSeparator());
    }

    @Test
    void offTheTerminalItPrintsNothing() {
        StringWriter out = new StringWriter();
        StatusLine line = new StatusLine(new PrintWriter(out), false, "live ");
        line.onStatus(new LiveStatus(Long.MIN_VALUE, 0, 0, 1, 1, 1, 0, List.of(), List.of(), List.of(), 0, TradingState.ACTIVE));
        line.finish();
        assertThat(out.toString()).isEmpty();
    }
}
