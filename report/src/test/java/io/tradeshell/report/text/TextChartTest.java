package io.tradeshell.report.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextChartTest {

    @Test
    void tinyRisingSeriesIsDrawnDotByDot() {
        // 2 x 2 characters = 4 dot columns x 8 dot rows; 0,1,2,3 land on rows 7, 5, 2, 0
        // (row = round((3 - v) / 3 * 7)); each column also reaches back to the previous row:
        // column 0: row 7; column 1: rows 5-7; column 2: rows 2-5; column 3: rows 0-2.
        // Braille bits: left column rows 0-3 = 01 02 04 40, right column = 08 10 20 80.
        // top-left:     nothing                                -> ' '
        // top-right:    left rows 2,3 (04|40), right rows 0-2 (08|10|20)      = 0x7C -> U+287C
        // bottom-left:  left row 7 (40), right rows 5,6,7 (10|20|80)          = 0xF0 -> U+28F0
        // bottom-right: left rows 4,5 (01|02)                                 = 0x03 -> U+2803
        String chart = TextChart.render(new double[] {0, 1, 2, 3}, 2, 2);

        assertThat(chart).isEqualTo("3.00 ┤ \u287C\n0.00 ┤\u28F0\u2803");
    }

    @Test
    void middleLinesCarryAnAxisWithoutLabel() {
        String chart = TextChart.render(new double[] {1, 1}, 1, 3);

        // a flat series sits on the middle dot row (12 / 2 = row 6: line 1, dot row 2 -> bits 04|20)
        assertThat(chart.split("\n")).containsExactly("1.00 ┤ ", "     │\u2824", "1.00 ┤ ");
    }

    @Test
    void sparklineUsesOneBlockPerValue() {
        assertThat(TextChart.sparkline(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 20)).isEqualTo("▁▂▃▄▅▆▇█");
    }

    @Test
    void sparklineAveragesSlicesWhenNarrowerThanTheSeriesAndLeavesNaNBlank() {
        // means of (0,2) and (4,6) are 1 and 5
        assertThat(TextChart.sparkline(new double[] {0, 2, 4, 6}, 2)).isEqualTo("▁█");
        assertThat(TextChart.sparkline(new double[] {0, Double.NaN, 2}, 3)).isEqualTo("▁ █");
    }

    @Test
    void largeValuesAreLabelledWithThousandsSeparators() {
        String chart = TextChart.render(new double[] {99_500, 101_250}, 4, 2);

        assertThat(chart).startsWith("101,250 ┤").contains("\n 99,500 ┤");
    }

    @Test
    void needsAtLeastTwoLines() {
        assertThatThrownBy(() -> TextChart.render(new double[] {1}, 5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final long DAY = 86_400_000L, JAN_1_2013 = 1_356_998_400_000L;

    @Test
    void datesRunUnderThePlotFromTheFirstBarToTheLast() {
        long[] days = {JAN_1_2013, JAN_1_2013 + DAY, JAN_1_2013 + 2 * DAY, JAN_1_2013 + 3 * DAY, JAN_1_2013 + 4 * DAY};
        String[] lines = TextChart.render(new double[] {1, 2, 3, 4, 5}, days, 40, 2).split("\n");

        assertThat(lines).hasSize(3);
        // the plot starts after "5.00 ┤" (6 characters); the middle date is the bar under the middle of the plot
        assertThat(lines[2]).isEqualTo("      2013-01-01     2013-01-03     2013-01-05");
        assertThat(lines[2].indexOf("2013-01-01")).isEqualTo(lines[0].indexOf('┤') + 1);
        assertThat(lines[2]).hasSize(lines[0].length());
    }

    @Test
    void intradayBarsShowTheirMinutesAndNarrowChartsOnlyTheEnds() {
        long nine = JAN_1_2013 + 9 * 3_600_000L;
        long[] minutes = {nine, nine + 60_000, nine + 120_000};
        String[] lines = TextChart.render(new double[] {1, 3, 2}, minutes, 36, 2).split("\n");

        assertThat(lines[2]).isEqualTo("      2013-01-01 09:00    2013-01-01 09:02");
    }
}
