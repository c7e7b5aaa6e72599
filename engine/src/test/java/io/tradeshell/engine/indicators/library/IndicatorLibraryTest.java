package io.tradeshell.engine.indicators.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.IndicatorCatalog;
import io.tradeshell.engine.indicators.library.IndicatorLibrary.Listing;
import org.junit.jupiter.api.Test;

class IndicatorLibraryTest {

    @Test
    void listsEveryNativeWordThenEveryTa4jEntryEachWithARealTa4jClass() throws Exception {
        assertThat(IndicatorLibrary.all()).filteredOn(Listing::isNative).hasSize(IndicatorCatalog.all().size());
        assertThat(IndicatorLibrary.all()).filteredOn(l -> !l.isNative()).hasSize(Ta4jCatalog.get().entries().size());
        for (Listing l : IndicatorLibrary.all()) assertThat(Class.forName(l.ta4jClass())).as(l.name()).isNotNull();
    }

    @Test
    void showsHowAScriptWritesEachOne() {
        assertThat(find("adx").call()).isEqualTo("adx(barCount=14, adxBarCount=14)");
        assertThat(find("adx").outputs()).containsExactly("adx", "plusDi", "minusDi");
        assertThat(IndicatorLibrary.all()).filteredOn(l -> l.name().equals("chandelierExitLong")).singleElement()
                .extracting(Listing::call).isEqualTo("ta('chandelierExitLong', barCount=22, k=3)");
    }

    private static Listing find(String name) {
        return IndicatorLibrary.all().stream().filter(l -> l.isNative() && l.name().equals(name)).findFirst().orElseThrow();
    }
}
