package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorsCommandTest {

    @Test
    void listsNativeWordsAndTa4jIndicatorsWithTheirDefaults() {
        CliTestSupport.Outcome o = CliTestSupport.run("indicators");

        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("Native words", "ta4j indicators")
                .contains("  adx(barCount=14, adxBarCount=14) -> adx, plusDi, minusDi\n")
                .contains("  keltner(barCount=20, k=2.0, atrBars=10) -> upper, middle, lower\n")
                .contains("  ta('chandelierExitLong', barCount=22, k=3)\n")
                .contains("  ta('ulcerIndex', indicator=close, barCount)\n")
                .doesNotContain("ichimokuChikouSpan");
    }

    @Test
    void aFilterKeepsMatchingNames() {
        CliTestSupport.Outcome o = CliTestSupport.run("indicators", "STOCH");

        assertThat(o.out()).contains("stochastic(kBars=14, dBars=3)", "ta('stochasticRsi'").doesNotContain("ulcerIndex", "adx(");
    }

    @Test
    void jsonIsAnArrayOfObjectsWithNameParamsOutputsAndNative() throws Exception {
        CliTestSupport.Outcome o = CliTestSupport.run("indicators", "--json");

        JsonNode array = new ObjectMapper().readTree(o.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isGreaterThan(180);
        List<String> natives = new ArrayList<>();
        for (JsonNode n : array) {
            assertThat(n.has("name") && n.has("params") && n.has("outputs") && n.has("native")).as(n.toString()).isTrue();
            if (n.get("native").asBoolean()) natives.add(n.get("name").asText());
        }
        assertThat(natives).contains("sma", "stochastic", "adx", "ichimoku", "zscore");
        JsonNode chandelier = null;
        for (JsonNode n : array) if (n.get("name").asText().equals("chandelierExitLong")) chandelier = n;
        assertThat(chandelier).isNotNull();
        assertThat(chandelier.get("native").asBoolean()).isFalse();
        assertThat(chandelier.get("params").get(0).get("name").asText()).isEqualTo("barCount");
        assertThat(chandelier.get("params").get(0).get("default").asText()).isEqualTo("22");
        assertThat(chandelier.get("params").get(1).get("type").asText()).isEqualTo("double");
    }
}
