package io.tradeshell.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class MetricFormatTest {

    @Test
    void fractionsReadAsPercentages() {
        assertThat(MetricFormat.metric("totalReturn", new DoubleNode(0.1234))).isEqualTo("12.34%");
        assertThat(MetricFormat.metric("maxDrawdown", new DoubleNode(0.5))).isEqualTo("50.00%");
        assertThat(MetricFormat.metric("winRate", new DoubleNode(-0.00004))).isEqualTo("-0.00%");
    }

    @Test
    void moneyHasTwoDecimalsAndThousandsSeparators() {
        assertThat(MetricFormat.metric("finalEquity", new DoubleNode(1234567.891))).isEqualTo("1,234,567.89");
        assertThat(MetricFormat.metric("avgLoss", new DoubleNode(-5))).isEqualTo("-5.00");
    }

    @Test
    void missingValuesReadNotAvailable() {
        assertThat(MetricFormat.metric("sharpe", NullNode.getInstance())).isEqualTo("n/a");
        assertThat(MetricFormat.metric("sharpe", null)).isEqualTo("n/a");
        assertThat(MetricFormat.metric("cagr", new TextNode("NaN"))).isEqualTo("n/a");
    }

    @Test
    void ratiosAndCounts() {
        assertThat(MetricFormat.metric("sharpe", new DoubleNode(1.2345))).isEqualTo("1.23");
        assertThat(MetricFormat.metric("trades", new IntNode(1520))).isEqualTo("1,520");
        assertThat(MetricFormat.metric("profitFactor", new DoubleNode(Double.POSITIVE_INFINITY))).isEqualTo("∞");
    }

    @Test
    void unknownKeysAreSpelledOut() {
        assertThat(MetricFormat.label("avgHoldTime")).isEqualTo("Avg hold time");
        assertThat(MetricFormat.label("cagr")).isEqualTo("CAGR");
    }

    @Test
    void timesDropMidnight() {
        assertThat(MetricFormat.time("2013-01-02T00:00:00Z")).isEqualTo("2013-01-02");
        assertThat(MetricFormat.time("2013-01-02T14:30:05Z")).isEqualTo("2013-01-02 14:30:05");
        assertThat(MetricFormat.time("yesterday")).isEqualTo("yesterday");
    }
}
