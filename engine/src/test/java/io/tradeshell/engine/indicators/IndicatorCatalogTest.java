package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.IndicatorCatalog.Entry;
import io.tradeshell.engine.indicators.IndicatorCatalog.Kind;
import org.junit.jupiter.api.Test;

class IndicatorCatalogTest {

    @Test
    void listsEveryIndicatorAStrategyCanName() {
        assertThat(IndicatorCatalog.all()).extracting(Entry::name).containsExactly(
                "sma", "ema", "wma", "rsi", "macd", "bollinger", "atr", "stddev", "highest", "lowest", "roc", "obv", "vwap", "previous",
                "stochastic", "williamsR", "cci", "mfi", "cmf", "aroon", "zscore", "adx", "psar", "supertrend", "ichimoku", "keltner",
                "donchian", "kama", "hma", "dema", "tema", "zlema");
        assertThat(IndicatorCatalog.all()).allSatisfy(e -> assertThat(e.description()).isNotBlank());
    }

    @Test
    void findsByNameIgnoringCaseWithDefaultsAndOutputs() {
        Entry macd = IndicatorCatalog.find("MACD").orElseThrow();

        assertThat(macd.params()).extracting(IndicatorCatalog.Param::name).containsExactly("input", "fast", "slow", "signal");
        assertThat(macd.params().get(2).defaultBars()).isEqualTo(26);
        assertThat(macd.outputs()).containsExactly("line", "signal", "histogram");
        assertThat(IndicatorCatalog.find("bollinger").orElseThrow().params().get(2).defaultNumber()).isEqualTo(2.0);
        assertThat(IndicatorCatalog.find("rsi").orElseThrow().signature()).isEqualTo("rsi(input=close, barCount=14)");
        assertThat(IndicatorCatalog.find("obv").orElseThrow().params()).isEmpty();
        assertThat(IndicatorCatalog.find("WILLIAMSR")).isPresent();
        assertThat(IndicatorCatalog.find("ulcerIndex")).isEmpty();
    }

    @Test
    void everyBarCountDefaultIsAPositiveWholeNumber() {
        IndicatorCatalog.all().stream().flatMap(e -> e.params().stream()).filter(p -> p.kind() == Kind.BARS)
                .forEach(p -> assertThat(p.defaultBars()).as(p.name()).isPositive());
    }
}
