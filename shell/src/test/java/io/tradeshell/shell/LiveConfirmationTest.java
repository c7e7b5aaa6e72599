package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.brokers.Credentials;
import io.tradeshell.shell.app.trading.BrokerConnections;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real money at either broker: the flag, the broker's live service and the account's name typed
 * back are all needed; anything else typed (or nothing) stops before anything is sent.
 */
class LiveConfirmationTest {
    private static final Credentials ALPACA_LIVE = Credentials.from(Map.of("APCA_API_KEY_ID", "AKLIVE0001", "APCA_API_SECRET_KEY", "live-secret-0001",
            "APCA_API_BASE_URL", "https://api.alpaca.markets"), Optional.empty());
    private static final Credentials OANDA_LIVE = Credentials.from(Map.of("OANDA_API_TOKEN", "oanda-live-token-0001", "OANDA_ACCOUNT_ID", "001-001-1-001",
            "OANDA_ENV", "live"), Optional.empty());

    private static BufferedReader typed(String text) {
        return new BufferedReader(new StringReader(text));
    }

    @Test
    void theAccountsNameTypedBackGoesOnAnythingElseStops() {
        StringWriter out = new StringWriter();
        assertThat(BrokerConnections.alpaca(ALPACA_LIVE, true, "real", typed("real\n"), new PrintWriter(out, true)).endpoints().live()).isTrue();
        assertThat(out.toString()).isEqualTo("This session trades REAL MONEY at Alpaca. Type the account name 'real' to go on: ");
        assertThatThrownBy(() -> BrokerConnections.alpaca(ALPACA_LIVE, true, "real", typed("yes\n"), new PrintWriter(new StringWriter())))
                .hasMessage("live trading not confirmed; nothing was sent");
        assertThatThrownBy(() -> BrokerConnections.alpaca(ALPACA_LIVE, true, "real", typed(""), new PrintWriter(new StringWriter())))
                .hasMessage("live trading not confirmed; nothing was sent");

        out.getBuffer().setLength(0);
        assertThat(BrokerConnections.oanda(OANDA_LIVE, true, "fx", typed("  fx \n"), new PrintWriter(out, true)).live()).isTrue();
        assertThat(out.toString()).isEqualTo("This session trades REAL MONEY at OANDA. Type the account name 'fx' to go on: ");
        assertThatThrownBy(() -> BrokerConnections.oanda(OANDA_LIVE, true, "fx", typed("FX\n"), new PrintWriter(new StringWriter())))
                .hasMessage("live trading not confirmed; nothing was sent");
    }

    @Test
    void aLiveServiceWithoutTheFlagIsRefusedWithoutAsking() {
        StringWriter out = new StringWriter();
        assertThatThrownBy(() -> BrokerConnections.alpaca(ALPACA_LIVE, false, "real", typed("real\n"), new PrintWriter(out, true)))
                .hasMessage("APCA_API_BASE_URL points at Alpaca's live service (https://api.alpaca.markets): trading real money needs --live");
        assertThatThrownBy(() -> BrokerConnections.oanda(OANDA_LIVE, false, "fx", typed("fx\n"), new PrintWriter(out, true)))
                .hasMessage("OANDA_ENV or OANDA_API_URL points at OANDA's live service (https://api-fxtrade.oanda.com): trading real money needs --live");
        assertThat(out.toString()).isEmpty();
    }
}
