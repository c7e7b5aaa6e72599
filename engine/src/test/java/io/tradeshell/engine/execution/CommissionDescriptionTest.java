package io.tradeshell.engine.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** summary.json writes a commission's description as it iterates: the same keys in the same order every run. */
class CommissionDescriptionTest {
    @Test
    void keysComeInTheOrderTheyAreWritten() {
        assertEquals(List.of("model", "rate"), List.copyOf(new CommissionModel.PercentOfNotional(0.001).describe().keySet()));
        assertEquals(List.of("model", "perShare", "minimum"), List.copyOf(new CommissionModel.PerShare(0.005, 1).describe().keySet()));
        assertEquals(List.of("model", "fee"), List.copyOf(new CommissionModel.PerOrder(1.5).describe().keySet()));
        assertEquals(List.of("percent", 0.001), List.copyOf(new CommissionModel.PercentOfNotional(0.001).describe().values()));
    }
}
