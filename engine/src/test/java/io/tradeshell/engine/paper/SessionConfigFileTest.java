package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Speed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An account's session.json read back as it was written, and a hand-edited one's mistakes named by line and key. */
class SessionConfigFileTest {
    @TempDir
    Path dir;

    private static SessionConfig config() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("fast", 5L);
        params.put("ratio", 0.5);
        params.put("long", true);
        params.put("mode", "x");
        return new SessionConfig("demo", "strategies/sma.groovy", params,
                List.of(new SessionConfig.DataRef("AAPL", "data/aapl.csv", "ab12"), new SessionConfig.DataRef("MSFT", "data/msft.csv", "cd34")),
                Optional.of("1m"), true, Speed.parse("60x"), 50_000, 10,
                new ExecutionSettings(FillTiming.parse("close"), new CommissionModel.PerShare(0.005, 1), new Slippage(3), 250, 0.1, 0.02, 7),
                new RiskLimits(0.25, 2, 10_000, Set.of("AAPL", "MSFT"), 60_000, 1_000, Double.NaN), 5, Double.NaN, "2026-12-06T05:00:00Z");
    }

    @Test
    void whatIsWrittenIsReadBackTheSame() {
        Path f = dir.resolve("session.json");
        SessionConfig c = config();
        c.write(f);
        SessionConfig back = SessionConfig.read(f);
        assertThat(back.toJson()).isEqualTo(c.toJson());
        assertThat(back.params()).isEqualTo(c.params());
        assertThat(back.execution()).isEqualTo(c.execution());
        assertThat(back.risk().allowedSymbols()).isEqualTo(c.risk().allowedSymbols());
    }

    @Test
    void aHandEditedFilesMistakeIsNamedByLineAndKey() throws Exception {
        Path f = dir.resolve("session.json");
        config().write(f);
        String pretty = config().toJson().toPrettyString();
        List<String> lines = pretty.lines().toList();
        int cashLine = lineOf(lines, "\"cash\"");
        Files.writeString(f, pretty.replace("\"cash\" : 50000.0", "\"cash\" : \"lots\""));
        assertThatThrownBy(() -> SessionConfig.read(f)).hasMessage(f + ":" + cashLine + ": cash must be a number, was \"lots\"");
        int lotLine = lineOf(lines, "\"lot\"");
        Files.writeString(f, pretty.replace("\"lot\" : 10.0", "\"lto\" : 10.0"));
        assertThatThrownBy(() -> SessionConfig.read(f)).hasMessageStartingWith(f + ":" + lotLine + ": unknown key \"lto\" (known: name, script,");
        int modelLine = lineOf(lines, "\"model\"");
        Files.writeString(f, pretty.replace("\"per-share\"", "\"per-shares\""));
        assertThatThrownBy(() -> SessionConfig.read(f)).hasMessageStartingWith(f + ":").hasMessageContaining(
                ": execution.commission.model must be percent, per-share or per-order, was \"per-shares\"");
        assertThat(modelLine).isPositive();
        Files.writeString(f, pretty.replace("\"script\" : \"strategies/sma.groovy\",", ""));
        assertThatThrownBy(() -> SessionConfig.read(f)).hasMessageStartingWith(f + ":").hasMessageEndingWith(": script is missing");
    }

    private static int lineOf(List<String> lines, String key) {
        for (int k = 0; k < lines.size(); k++) if (lines.get(k).contains(key)) return k + 1;
        throw new AssertionError(key);
    }
}
