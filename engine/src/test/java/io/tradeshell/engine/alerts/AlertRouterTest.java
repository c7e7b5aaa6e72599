package io.tradeshell.engine.alerts;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.events.TradingEvent.Note;
import io.tradeshell.engine.events.TradingEvent.RiskDenied;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import io.tradeshell.engine.model.Side;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AlertRouterTest {
    private static final long T0 = Instant.parse("2013-01-02T15:00:00Z").toEpochMilli();
    private static final String HALTED = "trading is halted: only orders that reduce a position are allowed";
    private static final String NL = System.lineSeparator();

    private final StringWriter console = new StringWriter();

    private AlertRouter router(AlertChannel... channels) {
        return new AlertRouter("paper", List.of(channels), new PrintWriter(console));
    }

    private static RiskDenied denyBuy(long time, double qty, String reason) {
        return new RiskDenied(time, OrderRequest.market("AAPL", Side.BUY, qty, "buyWhen"), reason);
    }

    @Test
    void aDeniedOrderIsAWarningNamingTheOrderAndTheReason() {
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(rec);
        r.on(denyBuy(T0, 100, HALTED));
        r.on(new RiskDenied(T0 + 1, OrderRequest.limit("MSFT", Side.SELL, 2.5, 101.25, TimeInForce.DAY, "exit"),
                "order notional 253.13 exceeds the limit 200.00"));
        r.on(new RiskDenied(T0 + 2, OrderRequest.stopLimit("SPY", Side.SELL, 10, 95, 94.5, TimeInForce.GTC, ""), "stale data"));
        r.close();
        assertThat(rec.received).containsExactly(
                new Alert(T0, AlertLevel.WARN, "Order denied: BUY AAPL", "BUY 100 AAPL MARKET (buyWhen): " + HALTED, "paper"),
                new Alert(T0 + 1, AlertLevel.WARN, "Order denied: SELL MSFT",
                        "SELL 2.5 MSFT LIMIT 101.25 (exit): order notional 253.13 exceeds the limit 200.00", "paper"),
                new Alert(T0 + 2, AlertLevel.WARN, "Order denied: SELL SPY", "SELL 10 SPY STOP_LIMIT 95 LIMIT 94.5: stale data", "paper"));
    }

    @Test
    void stateChangesMapHaltedToCriticalReducingToWarnActiveToInfo() {
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(rec);
        r.on(new TradingStateChanged(T0, "REDUCING", "daily loss 3.10% exceeds the 3.00% limit"));
        r.on(new TradingStateChanged(T0 + 1000, "HALTED", "drawdown 10.50% from the peak 1000.00 exceeds the 10.00% limit"));
        r.on(new TradingStateChanged(T0 + 2000, "ACTIVE", "operator resumed"));
        r.close();
        assertThat(rec.received).containsExactly(
                new Alert(T0, AlertLevel.WARN, "Trading reduced to closing positions only", "daily loss 3.10% exceeds the 3.00% limit", "paper"),
                new Alert(T0 + 1000, AlertLevel.CRITICAL, "Trading halted", "drawdown 10.50% from the peak 1000.00 exceeds the 10.00% limit", "paper"),
                new Alert(T0 + 2000, AlertLevel.INFO, "Trading active", "operator resumed", "paper"));
    }

    @Test
    void otherEventsRaiseNoAlert() {
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(rec);
        r.on(new Note(T0, "hello"));
        r.close();
        assertThat(rec.received).isEmpty();
        assertThat(r.stats()).isEqualTo(new AlertRouter.Stats(0, 0, 0, 0));
    }

    @Test
    void repeatsWithinAMinuteOfRunTimeAreHeldBackAndCountedInTheNextOne() {
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(rec);
        r.on(denyBuy(T0, 100, HALTED));
        r.on(new TradingStateChanged(T0 + 1_000, "REDUCING", "daily loss"));
        r.on(denyBuy(T0 + 5_000, 100, "stale data"));   // another reason: not a repeat
        r.on(denyBuy(T0 + 10_000, 90, HALTED));         // a repeat, whatever the quantity
        r.on(denyBuy(T0 + 30_000, 80, HALTED));
        r.on(denyBuy(T0 + 59_999, 70, HALTED));
        r.on(denyBuy(T0 + 60_000, 60, HALTED));         // a full minute after the first: let through
        r.on(denyBuy(T0 + 61_000, 50, HALTED));         // within a minute of that one
        r.close();
        assertThat(rec.received).extracting(Alert::time, Alert::message).containsExactly(
                tuple(T0, "BUY 100 AAPL MARKET (buyWhen): " + HALTED),
                tuple(T0 + 1_000, "daily loss"),
                tuple(T0 + 5_000, "BUY 100 AAPL MARKET (buyWhen): stale data"),
                tuple(T0 + 60_000, "BUY 60 AAPL MARKET (buyWhen): " + HALTED
                        + " (3 identical alerts suppressed since 2013-01-02T15:00:00Z)"),
                // at close, the last one held back is let through
                tuple(T0 + 61_000, "BUY 50 AAPL MARKET (buyWhen): " + HALTED));
        assertThat(r.stats()).isEqualTo(new AlertRouter.Stats(5, 3, 0, 0));
    }

    @Test
    void aHaltIsOneAlertNotOneMorePerEntryItRefuses() {
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(rec);
        r.on(new TradingStateChanged(T0, "HALTED", "drawdown 10.50% from the peak 1000.00 exceeds the 10.00% limit"));
        for (int day = 1; day <= 8; day++) r.on(denyBuy(T0 + day * 86_400_000L, 10, HALTED));
        r.on(denyBuy(T0 + 9 * 86_400_000L, 10, "stale data"));   // not the halt's doing: still an alert
        r.on(new TradingStateChanged(T0 + 10 * 86_400_000L, "ACTIVE", "operator resumed"));
        r.on(denyBuy(T0 + 11 * 86_400_000L, 10, HALTED));
        r.close();
        assertThat(rec.received).extracting(Alert::title).containsExactly(
                "Trading halted", "Order denied: BUY AAPL", "Trading active", "Order denied: BUY AAPL");
        assertThat(r.stats()).isEqualTo(new AlertRouter.Stats(4, 8, 0, 0));
    }

    @Test
    void heldBackRepeatsAreLetThroughAtCloseWithTheCountOfTheOthers() {
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(rec);
        r.on(denyBuy(T0, 1, HALTED));
        r.on(denyBuy(T0 + 1_000, 2, HALTED));
        r.on(denyBuy(T0 + 2_000, 3, HALTED));
        r.close();
        assertThat(rec.received).extracting(Alert::message).containsExactly(
                "BUY 1 AAPL MARKET (buyWhen): " + HALTED,
                "BUY 3 AAPL MARKET (buyWhen): " + HALTED + " (1 identical alert suppressed since 2013-01-02T15:00:00Z)");
        assertThat(r.stats()).isEqualTo(new AlertRouter.Stats(2, 1, 0, 0));
    }

    @Test
    void aThrowingChannelIsReportedAndTheOthersStillGetEveryAlert() {
        AlertChannel broken = new AlertChannel() {
            @Override public void send(Alert alert) { throw new IllegalStateException("disk on fire"); }
            @Override public String name() { return "broken"; }
        };
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(broken, rec);
        r.on(denyBuy(T0, 1, HALTED));
        r.on(new TradingStateChanged(T0, "HALTED", "drawdown"));
        assertThat(r.close(Duration.ofSeconds(5))).isTrue();
        assertThat(rec.received).hasSize(2);
        assertThat(console.toString()).isEqualTo(
                "alert channel broken failed: java.lang.IllegalStateException: disk on fire" + NL
                        + "alert channel broken failed: java.lang.IllegalStateException: disk on fire" + NL);
        assertThat(r.stats()).isEqualTo(new AlertRouter.Stats(2, 0, 0, 2));
    }

    @Test
    void aSlowChannelNeverBlocksTheTradingLoopAndCloseDeliversEverything() {
        RecordingChannel slow = new RecordingChannel(1);
        AlertRouter r = router(slow);
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {   // a guard against a hang, not a speed figure
            r.on(denyBuy(T0, 1, "a"));
            r.on(denyBuy(T0, 1, "b"));
            r.on(denyBuy(T0, 1, "c"));
        });
        assertThat(slow.received).isEmpty();
        slow.release();
        assertThat(r.close(Duration.ofSeconds(5))).isTrue();
        assertThat(slow.received).extracting(Alert::message).containsExactly(
                "BUY 1 AAPL MARKET (buyWhen): a", "BUY 1 AAPL MARKET (buyWhen): b", "BUY 1 AAPL MARKET (buyWhen): c");
        assertThat(slow.closed).isTrue();
    }

    @Test
    void aFullQueueDropsAlertsAndSaysHowMany() throws Exception {
        RecordingChannel slow = new RecordingChannel(1);
        AlertRouter r = new AlertRouter("paper", List.of(slow), new PrintWriter(console), 2, Duration.ofMinutes(1));
        r.on(denyBuy(T0, 1, "a"));
        assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();   // "a" is being sent, the queue is empty
        r.on(denyBuy(T0, 1, "b"));
        r.on(denyBuy(T0, 1, "c"));
        r.on(denyBuy(T0, 1, "d"));   // no room
        slow.release();
        assertThat(r.close(Duration.ofSeconds(5))).isTrue();
        assertThat(slow.received).extracting(Alert::message).containsExactly(
                "BUY 1 AAPL MARKET (buyWhen): a", "BUY 1 AAPL MARKET (buyWhen): b", "BUY 1 AAPL MARKET (buyWhen): c");
        assertThat(r.stats()).isEqualTo(new AlertRouter.Stats(3, 0, 1, 0));
        assertThat(console.toString()).isEqualTo(
                "alerts: queue full, dropping alerts (the total is reported at the end)" + NL
                        + "alerts: 1 alert was dropped because the queue was full" + NL);
    }

    @Test
    void closeGivesUpAfterItsTimeoutAndSaysWhatWasLeft() throws Exception {
        RecordingChannel stuck = new RecordingChannel(1);
        AlertRouter r = router(stuck);
        try {
            r.on(denyBuy(T0, 1, "a"));
            assertThat(stuck.started.await(5, TimeUnit.SECONDS)).isTrue();
            r.on(denyBuy(T0, 1, "b"));
            assertThat(r.close(Duration.ofMillis(200))).isFalse();
            assertThat(console.toString()).isEqualTo(
                    "alerts: gave up after 200 ms with 1 alert still queued and one possibly being sent" + NL);
            assertThat(stuck.closed).isFalse();   // still in use by the sending thread
        } finally {
            stuck.release();
        }
    }

    @Test
    void alertsAfterCloseAreShownOnTheConsoleNotLost() {
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(rec);
        r.close();
        r.on(new TradingStateChanged(T0, "HALTED", "drawdown"));
        assertThat(rec.received).isEmpty();
        assertThat(console.toString()).isEqualTo(
                "alerts: closed, not sent: ALERT CRITICAL 2013-01-02 15:00 [paper] Trading halted: drawdown" + NL);
    }

    @Test
    void sendPassesAnAlertThroughWithoutRepeatLimiting() {
        RecordingChannel rec = new RecordingChannel();
        AlertRouter r = router(rec);
        Alert a = new Alert(T0, AlertLevel.INFO, "Session started", "paper account demo", "paper");
        r.send(a);
        r.send(a);
        r.close();
        assertThat(rec.received).containsExactly(a, a);
    }

    @Test
    void theLocalChannelsGetEveryAlertAtOnceWhileARemoteOneIsStuck() throws Exception {
        List<Alert> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        AlertChannel log = new AlertChannel() {
            @Override public void send(Alert alert) { logged.add(alert); }
            @Override public boolean local() { return true; }
            @Override public String name() { return "log"; }
        };
        RecordingChannel stuck = new RecordingChannel(1);
        RecordingChannel other = new RecordingChannel();
        AlertRouter r = router(stuck, log, other);
        try {
            for (String why : List.of("a", "b", "c", "d")) r.on(denyBuy(T0, 1, why));
            // written on the caller's thread: no waiting for the stuck channel, nor for close
            assertThat(logged).extracting(Alert::message).containsExactly(
                    "BUY 1 AAPL MARKET (buyWhen): a", "BUY 1 AAPL MARKET (buyWhen): b", "BUY 1 AAPL MARKET (buyWhen): c", "BUY 1 AAPL MARKET (buyWhen): d");
            assertThat(stuck.started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(r.close(Duration.ofSeconds(2))).isFalse();   // the stuck one is given up on; the other channel had time for all four
            assertThat(other.received).hasSize(4);
            assertThat(logged).hasSize(4);
            assertThat(console.toString()).startsWith("alerts: gave up after 2000 ms with 3 alerts still queued");
        } finally {
            stuck.release();
        }
    }
}
