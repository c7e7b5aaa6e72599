package io.tradeshell.engine.run;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.events.TradingEvent.RiskDenied;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.risk.TradingState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.tradeshell.engine.run.Runs.DAY;
import static io.tradeshell.engine.run.Runs.FREE;
import static io.tradeshell.engine.run.Runs.START;
import static io.tradeshell.engine.run.Runs.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskInTheLoopTest {
    private static final double EPS = 1e-9;

    @Test
    void aDrawdownHaltFlattensAtTheNextOpenAndRefusesNewEntries() {
        var f = Runs.factory("all in", ctx -> Runs.each(i -> {
            if (i == 1 || i == 4) ctx.submit(OrderRequest.market("X", Side.BUY, 100, "entry"));
        }));
        Runs.Tape tape = new Runs.Tape();
        RunResult r = Backtest.run(Runs.spec(f, FREE, 10_000, RiskLimits.none().withMaxDrawdown(0.10), Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 94, 95),     // 100 at 100; equity 9500, 5% down
                bar(95, 96, 88, 89),       // equity 8900, 11% under the 10000 peak: halted, flatten decided
                bar(88, 89, 87, 88),       // sold at the open, 88; the new entry is refused
                bar(88, 89, 87, 88))), tape);
        assertThat(tape.of(TradingStateChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo("HALTED");
            assertThat(e.time()).isEqualTo(START + 4 * DAY);
        });
        assertThat(r.fills()).extracting(Fill::tag, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry", 100.0), org.assertj.core.groups.Tuple.tuple("riskHalt", 88.0));
        assertThat(tape.of(RiskDenied.class)).singleElement().satisfies(d -> assertThat(d.reason()).startsWith("trading is halted"));
        // 10000 - 10000 + 8800
        assertThat(r.metrics().finalEquity()).isCloseTo(8_800, within(EPS));
    }

    @Test
    void aLosingDayOfDailyBarsStopsEntriesUntilTheNextDay() {
        List<String> sent = new ArrayList<>();
        var f = Runs.factory("add daily", ctx -> Runs.each(i -> {
            if (i >= 1 && i <= 3) {
                var o = ctx.submit(OrderRequest.market("X", Side.BUY, i == 1 ? 50 : 1, "entry"));
                sent.add(i + ":" + o.status());
            }
        }));
        Runs.Tape tape = new Runs.Tape();
        RunSpec spec = Runs.spec(f, FREE, 10_000, RiskLimits.none().withDailyLossLimit(0.02), Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 93, 94),     // 50 at 100; equity 10000 - 300 = 9700, 3% under yesterday's 10000
                bar(94, 95, 93, 94),       // a new day: active again
                bar(94, 95, 93, 94)));
        TradingLoop loop = Backtest.loop(spec, tape);
        loop.run();
        assertThat(sent).containsExactly("1:ACCEPTED", "2:REJECTED", "3:ACCEPTED");
        assertThat(tape.of(TradingStateChanged.class)).extracting(TradingStateChanged::state).containsExactly("REDUCING", "ACTIVE");
        assertThat(tape.of(RiskDenied.class)).singleElement().satisfies(d -> assertThat(d.reason()).contains("daily loss limit"));
        assertThat(loop.risk().state()).isEqualTo(TradingState.ACTIVE);
    }
}
