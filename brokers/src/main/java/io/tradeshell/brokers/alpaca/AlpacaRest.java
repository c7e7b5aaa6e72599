package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.brokers.Adoption;
import io.tradeshell.brokers.BrokerHttpException;
import io.tradeshell.brokers.Credentials;
import io.tradeshell.brokers.JournalHoldings;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.Secrets;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderType;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.model.Side;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alpaca's trading REST API v2: orders, positions, account and clock. Quantities and prices go
 * out as decimal strings, as Alpaca sends them back, so a fractional quantity is exact.
 */
public final class AlpacaRest {
    private final AlpacaEndpoints endpoints;
    private final RestCalls calls;
    private final Secrets secrets;
    private final String keyId, secretKey;

    public AlpacaRest(AlpacaEndpoints endpoints, String keyId, String secretKey, RestCalls.Pause pause, Duration unreachableLimit) {
        this.endpoints = endpoints;
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.secrets = Secrets.of(keyId, secretKey);
        this.calls = new RestCalls(Map.of("APCA-API-KEY-ID", keyId, "APCA-API-SECRET-KEY", secretKey), secrets, pause, unreachableLimit);
    }

    /** From {@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY} and the endpoint settings; exit 2 naming what is missing. */
    public static AlpacaRest from(Credentials c, RestCalls.Pause pause, Duration unreachableLimit) {
        List<String> keys = c.require("Alpaca", "APCA_API_KEY_ID", "APCA_API_SECRET_KEY");
        return new AlpacaRest(AlpacaEndpoints.from(c), keys.get(0), keys.get(1), pause, unreachableLimit);
    }

    public AlpacaEndpoints endpoints() { return endpoints; }

    /** Live minute bars (and trades, if asked) of {@code symbols} from the market data stream, with this account's keys; not connected. */
    public AlpacaLiveFeed liveFeed(List<String> symbols, boolean trades) {
        return new AlpacaLiveFeed(AlpacaLiveFeed.streamUrl(endpoints.dataStream(), symbols), keyId, secretKey, symbols, trades);
    }

    /** The trade_updates stream of this account, authenticated with the same keys; not started. */
    public TradeUpdateStream tradeUpdates(java.util.function.Consumer<TradeUpdate> updates, Runnable reconnected) {
        return new TradeUpdateStream(endpoints.tradingStream(), keyId, secretKey, updates, reconnected, Duration.ofSeconds(10));
    }

    public Secrets secrets() { return secrets; }

    /** Requests go out with these headers (for the data API and the streams' authentication). */
    RestCalls calls() { return calls; }

    /**
     * Submits {@code request} as {@code clientOrderId}, at most once: if Alpaca already has an
     * order with that id (a submit whose answer was lost, retried or resumed), that order is
     * returned and no second one is created.
     *
     * @param mayExist the journal holds this id as submitted without an answer (a crash came
     *                 between the two): look it up before sending anything
     */
    public AlpacaOrder submit(OrderRequest request, String clientOrderId, boolean mayExist) {
        if (mayExist) {
            Optional<AlpacaOrder> known = orderByClientId(clientOrderId);
            if (known.isPresent()) return known.get();
        }
        try {
            return AlpacaOrder.parse(calls.post(endpoints.trading() + "/v2/orders", body(request, clientOrderId)));
        } catch (BrokerHttpException e) {
            // 422 "client_order_id must be unique": the first attempt did arrive after all
            if (e.status() == 422) {
                Optional<AlpacaOrder> arrived = orderByClientId(clientOrderId);
                if (arrived.isPresent()) return arrived.get();
            }
            throw e;
        }
    }

    public Optional<AlpacaOrder> orderByClientId(String clientOrderId) {
        return calls.find(endpoints.trading() + "/v2/orders:by_client_order_id?client_order_id=" + encode(clientOrderId)).map(AlpacaOrder::parse);
    }

    /** The order sent as {@code clientOrderId} as it stands now: its replacement, if it was replaced. */
    public Optional<AlpacaOrder> currentOrder(String clientOrderId) {
        Optional<JsonNode> o = calls.find(endpoints.trading() + "/v2/orders:by_client_order_id?client_order_id=" + encode(clientOrderId));
        for (int hops = 0; o.isPresent() && "replaced".equals(o.get().path("status").asText()) && o.get().hasNonNull("replaced_by") && hops < 100; hops++) {
            o = Optional.of(calls.get(endpoints.trading() + "/v2/orders/" + encode(o.get().get("replaced_by").asText())));
        }
        return o.map(AlpacaOrder::parse);
    }

    public AlpacaOrder order(String orderId) {
        return AlpacaOrder.parse(calls.get(endpoints.trading() + "/v2/orders/" + encode(orderId)));
    }

    /** Asks Alpaca to cancel; the trade_updates stream confirms it. */
    public void cancel(String orderId) {
        calls.delete(endpoints.trading() + "/v2/orders/" + encode(orderId));
    }

    /** Replaces a working order's quantity and prices; Alpaca answers with the new order, which replaces the old one. */
    public AlpacaOrder replace(String orderId, double qty, double limitPrice, double stopPrice, String clientOrderId) {
        ObjectNode b = RestCalls.json().createObjectNode();
        b.put("qty", decimal(qty));
        if (limitPrice > 0) b.put("limit_price", decimal(limitPrice));
        if (stopPrice > 0) b.put("stop_price", decimal(stopPrice));
        b.put("client_order_id", clientOrderId);
        return AlpacaOrder.parse(calls.patch(endpoints.trading() + "/v2/orders/" + encode(orderId), b));
    }

    public List<AlpacaOrder> openOrders() {
        List<AlpacaOrder> out = new ArrayList<>();
        for (JsonNode o : calls.get(endpoints.trading() + "/v2/orders?status=open&limit=500&direction=asc")) out.add(AlpacaOrder.parse(o));
        return out;
    }

    /**
     * Alpaca's positions and working orders against what a journal holds, for a user who adopts
     * them (a replacement, {@code ID~...}, is the journal's order it replaced).
     */
    public Adoption adoption(JournalHoldings journal) {
        List<Adoption.Position> held = positions().stream().map(p -> new Adoption.Position(p.symbol(), p.qty(), p.avgEntryPrice())).toList();
        List<Adoption.Order> working = openOrders().stream()
                .filter(o -> !journal.workingOrders().contains(o.clientOrderId().replaceFirst("~.*$", "")))
                .map(o -> new Adoption.Order(o.clientOrderId(), o.request(), o.filledQty() > 0 ? o.filledQty() : 0, o.filledAvgPrice())).toList();
        return Adoption.of(journal, held, working);
    }

    public List<AlpacaPosition> positions() {
        List<AlpacaPosition> out = new ArrayList<>();
        for (JsonNode p : calls.get(endpoints.trading() + "/v2/positions")) out.add(AlpacaPosition.parse(p));
        return out;
    }

    /** The account: cash, equity and buying power as numbers, with its status. */
    public JsonNode account() {
        return calls.get(endpoints.trading() + "/v2/account");
    }

    /** Whether the US equity market is open now, and when it next opens and closes. */
    public JsonNode clock() {
        return calls.get(endpoints.trading() + "/v2/clock");
    }

    static ObjectNode body(OrderRequest r, String clientOrderId) {
        ObjectNode b = RestCalls.json().createObjectNode();
        b.put("symbol", r.symbol());
        b.put("qty", decimal(r.qty()));
        b.put("side", r.side() == Side.BUY ? "buy" : "sell");
        b.put("type", switch (r.type()) {
            case MARKET -> "market";
            case LIMIT -> "limit";
            case STOP -> "stop";
            case STOP_LIMIT -> "stop_limit";
        });
        // crypto trades around the clock: a day order does not exist there, good-till-cancelled does
        b.put("time_in_force", r.tif() == TimeInForce.GTC || isCrypto(r.symbol()) ? "gtc" : "day");
        if (r.type() == OrderType.LIMIT || r.type() == OrderType.STOP_LIMIT) b.put("limit_price", decimal(r.limitPrice()));
        if (r.type() == OrderType.STOP || r.type() == OrderType.STOP_LIMIT) b.put("stop_price", decimal(r.stopPrice()));
        b.put("client_order_id", clientOrderId);
        return b;
    }

    /** Crypto pairs are written with a slash: BTC/USD. */
    public static boolean isCrypto(String symbol) {
        return symbol.contains("/");
    }

    /** A double as the shortest decimal string that reads back to it: 0.5, 12.34, 100. */
    static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
