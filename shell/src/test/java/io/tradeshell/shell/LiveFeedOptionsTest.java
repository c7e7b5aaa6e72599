package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --feed} where it does not fit: one line saying what would, before anything connects. */
class LiveFeedOptionsTest {
    private static final String SCRIPT = CliTestSupport.path("strategies/sma_crossover.groovy");

    @Test
    void aBacktestOnALiveFeedIsRefusedSayingToAddModeLive() {
        var r = CliTestSupport.run("run", SCRIPT, "--feed", "alpaca", "--symbols", "AAPL");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: --feed alpaca trades on live prices: add --mode live");
    }

    @Test
    void speedBesideALiveFeedIsRefusedInARunAndInAPaperSession(@TempDir Path tmp) {
        var run = CliTestSupport.run("run", SCRIPT, "--mode", "live", "--feed", "alpaca", "--symbols", "AAPL", "--speed", "60x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: --speed does not apply to --feed alpaca: live prices come at the market's pace");

        var paper = CliTestSupport.run("paper", "start", "fx", SCRIPT, "--home", tmp.toString(), "--feed", "oanda", "--symbols", "EUR_USD", "--speed", "10x");
        assertThat(paper.exitCode()).isEqualTo(2);
        assertThat(paper.err().strip()).isEqualTo("error: --speed does not apply to --feed oanda: live prices come at the market's pace");
        assertThat(tmp.resolve("paper/fx")).doesNotExist();
    }
}
