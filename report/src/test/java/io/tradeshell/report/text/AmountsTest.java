package io.tradeshell.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {
    @Test
    void pricesKeepTwoToFourDecimals() {
        assertThat(Amounts.price(801.310455)).isEqualTo("801.3105");
        assertThat(Amounts.price(999.0)).isEqualTo("999.00");
        assertThat(Amounts.price(999.01)).isEqualTo("999.01");
        assertThat(Amounts.price(428.0139)).isEqualTo("428.0139");
        assertThat(Amounts.price(1056.8700000000001)).isEqualTo("1056.87");
        assertThat(Amounts.price(12.5)).isEqualTo("12.50");
    }

    @Test
    void pricesBelowOneKeepFourSignificantDigits() {
        assertThat(Amounts.price(0.000123456)).isEqualTo("0.0001235");
        assertThat(Amounts.price(0.5)).isEqualTo("0.50");
    }

    @Test
    void quantitiesAreWholeWhenWholeAndTrimmedOtherwise() {
        assertThat(Amounts.quantity(23.99896435747262)).isEqualTo("23.999");
        assertThat(Amounts.quantity(174.0)).isEqualTo("174");
        assertThat(Amounts.quantity(-30.5874)).isEqualTo("-30.5874");
        assertThat(Amounts.quantity(0.0123456)).isEqualTo("0.01235");
        assertThat(Amounts.quantity(2.50)).isEqualTo("2.5");
    }

    @Test
    void nonNumbersSaySo() {
        assertThat(Amounts.price(Double.NaN)).isEqualTo("NaN");
        assertThat(Amounts.quantity(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }
}
