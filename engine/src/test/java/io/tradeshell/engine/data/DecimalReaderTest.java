package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalReaderTest {
    private final DecimalReader reader = new DecimalReader();

    private boolean read(String s) {
        return reader.read(s.toCharArray(), 0, s.length());
    }

    @Test
    void readsTheSameDoubleAsTheJdkForManyRandomDecimals() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            if (random.nextInt(10) == 0) s.append('-');
            int intDigits = random.nextInt(0, 12);
            for (int i = 0; i < intDigits; i++) s.append((char) ('0' + random.nextInt(10)));
            int fracDigits = random.nextInt(0, 14);
            if (fracDigits > 0 || intDigits == 0) {
                s.append('.');
                for (int i = 0; i < Math.max(1, fracDigits); i++) s.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(8) == 0) s.append('e').append(random.nextInt(-30, 30));
            String text = s.toString();
            assertThat(read(text)).as(text).isTrue();
            assertThat(reader.value()).as(text).isEqualTo(Double.parseDouble(text));
            int expectedScale = Math.max(0, new BigDecimal(text).stripTrailingZeros().scale());
            assertThat(reader.scale()).as(text).isEqualTo(expectedScale);
        }
    }

    @Test
    void longNumbersFallBackToTheJdk() {
        String text = "1234567890.12345678901234567890";
        assertThat(read(text)).isTrue();
        assertThat(reader.value()).isEqualTo(Double.parseDouble(text));
        assertThat(reader.scale()).isEqualTo(19);
    }

    @Test
    void scaleIgnoresTrailingZeros() {
        assertThat(read("800.010000000000")).isTrue();
        assertThat(reader.scale()).isEqualTo(2);
        assertThat(reader.value()).isEqualTo(800.01);
        assertThat(read("1500")).isTrue();
        assertThat(reader.scale()).isZero();
    }

    @Test
    void notNumbersAreRefused() {
        for (String s : new String[] {"", "-", ".", "abc", "1.2.3", "1e", "1,5", "0x10", "1.5d", "1 2"}) {
            assertThat(read(s)).as("'%s'", s).isFalse();
        }
    }

    @Test
    void nanAndInfinityAreReadSoTheyCanBeReportedAsNotFinite() {
        assertThat(read("NaN")).isTrue();
        assertThat(reader.value()).isNaN();
        assertThat(read("-Infinity")).isTrue();
        assertThat(reader.value()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
