package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthAndBenchTest {
    @Test
    void synthWritesTheAskedNumberOfBarsAndIsDeterministic(@TempDir Path dir) throws Exception {
        assertThat(run("synth", "--bars", "500", "--seed", "7", "--out", dir.resolve("a.csv").toString()).exitCode()).isEqualTo(0);
        assertThat(run("synth", "--bars", "500", "--seed", "7", "--out", dir.resolve("b.csv").toString()).exitCode()).isEqualTo(0);
        assertThat(Files.readAllLines(dir.resolve("a.csv"))).hasSize(501).isEqualTo(Files.readAllLines(dir.resolve("b.csv")));
    }

    @Test
    void benchJsonHasTheThreeWaysAndTheyAgreeOnTrades() throws Exception {
        var r = run("bench", "--bars", "20000", "--rounds", "1", "--symbols", "30", "--days", "400", "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        var json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("bars").asInt()).isEqualTo(20000);
        for (String k : new String[] {"scripted", "ta4j", "primitive"}) assertThat(json.get(k).get("barsPerSecond").asDouble()).isPositive();
        // the engine and the primitive loop decide crossings exactly, so they agree trade for trade
        assertThat(json.get("scripted").get("trades").asInt()).isEqualTo(json.get("primitive").get("trades").asInt());
        // the portfolio case: the engine's rotation and the plain loop make the same fills
        var p = json.get("portfolio");
        assertThat(p.get("symbols").asInt()).isEqualTo(30);
        assertThat(p.get("engine").get("barsPerSecond").asDouble()).isPositive();
        assertThat(p.get("engine").get("fills").asInt()).isPositive().isEqualTo(p.get("plain").get("fills").asInt());
    }
}
