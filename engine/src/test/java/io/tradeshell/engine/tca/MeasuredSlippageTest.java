package io.tradeshell.engine.tca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.execution.Slippage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --slippage-from}: the median start slippage of the filled orders of a run's tca.jsonl. */
class MeasuredSlippageTest {
    private static String line(double filledQty, Object startSlippageBps) {
        return "{\"filledQty\":" + filledQty + ",\"startSlippageBps\":" + startSlippageBps + "}\n";
    }

    @Test
    void theMedianOfTheFilledOrdersIsAssumedAndUnfilledOnesAreLeftOut(@TempDir Path run) throws Exception {
        // filled: 2, 11, 7, 4 -> sorted 2 4 7 11 -> median (4 + 7) / 2 = 5.5; the unfilled 100 does not count
        Files.writeString(run.resolve("tca.jsonl"), line(10, 2) + line(5, 11) + line(0, 100) + line(1, 7) + "\n" + line(3, 4) + line(2, "null"));
        Slippage s = MeasuredSlippage.from(run);
        assertThat(s.bps()).isEqualTo(5.5);
        assertThat(s.source()).startsWith("the median of the slippage measured on 4 filled orders in " + run.resolve("tca.jsonl") + " (5.5 bps)");
    }

    @Test
    void aMedianImprovementIsTakenAsNoSlippage(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("tca.jsonl"), line(1, -3) + line(1, -1) + line(1, 2));
        Slippage s = MeasuredSlippage.from(run.resolve("tca.jsonl"));
        assertThat(s.bps()).isZero();
        assertThat(s.source()).contains("(-1.0 bps, an improvement taken as 0)");
    }

    @Test
    void badInputNamesTheFileAndLine(@TempDir Path run) throws Exception {
        assertThatThrownBy(() -> MeasuredSlippage.from(run)).hasMessageStartingWith(run.resolve("tca.jsonl") + ": no such file");
        Files.writeString(run.resolve("tca.jsonl"), line(1, 2) + "not json\n");
        assertThatThrownBy(() -> MeasuredSlippage.from(run)).hasMessageStartingWith(run.resolve("tca.jsonl") + ":2: not a line of tca.jsonl");
        Files.writeString(run.resolve("tca.jsonl"), line(0, 2));
        assertThatThrownBy(() -> MeasuredSlippage.from(run)).hasMessage(run.resolve("tca.jsonl") + ": no order filled there, so it measured no slippage");
    }
}
