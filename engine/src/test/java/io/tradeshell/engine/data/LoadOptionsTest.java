package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultSymbolIsTheUpperCasedFileNameUpToTheFirstUnderscoreOrDot() {
        assertThat(LoadOptions.symbolFromFileName(Path.of("data/aapl_daily_2013.csv"))).isEqualTo("AAPL");
        assertThat(LoadOptions.symbolFromFileName(Path.of("btcusd_bitstamp_trades_2013-11-25.csv"))).isEqualTo("BTCUSD");
        assertThat(LoadOptions.symbolFromFileName(Path.of("ethusd_5m_2023-03-13.json"))).isEqualTo("ETHUSD");
        assertThat(LoadOptions.symbolFromFileName(Path.of("spy.csv"))).isEqualTo("SPY");
        assertThat(LoadOptions.symbolFromFileName(Path.of("msft"))).isEqualTo("MSFT");
        assertThat(LoadOptions.symbolFromFileName(Path.of("data/sectors/xlre_daily_2019-2026.json"))).isEqualTo("XLRE");
        assertThat(LoadOptions.symbolFromFileName(Path.of("spy.1d.csv"))).isEqualTo("SPY");
    }

    @Test
    void defaultsAreStrictWithNoPeriodOrSymbol() {
        assertThat(LoadOptions.defaults()).isEqualTo(new LoadOptions(false, Optional.empty(), Optional.empty()));
        assertThat(LoadOptions.defaults().withSymbol("X").symbolFor(Path.of("aapl.csv"))).isEqualTo("X");
    }
}
