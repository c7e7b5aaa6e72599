package io.tradeshell.brokers.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.brokers.Adoption;
import io.tradeshell.brokers.Credentials;
import io.tradeshell.brokers.JournalHoldings;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.Secrets;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.model.Side;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OANDA's v20 REST API for one account: orders (units as decimal strings, negative to sell),
 * open positions, the account summary and candles. The host is the practice service unless
 * {@code OANDA_ENV=live}; {@code OANDA_API_URL} and {@code OANDA_STREAM_URL} override it.
 */
public final class OandaRest {
    public static final String PRACTICE = "https://api-fxpractice.oanda.com";
    public static final String LIVE = "https://api-fxtrade.oanda.com";
    public static final String PRACTICE_STREAM = "https://stream-fxpractice.oanda.com";
    public static final String LIVE_STREAM = "https://stream-fxtrade.oanda.com";

    /** OANDA sends a heartbeat about every five seconds: three missed ones and the stream counts as dropped. */
    public static final Duration STREAM_SILENCE = Duration.ofSeconds(15);

    private final String api, stream, account;
    private final Map<String, String> headers;
    private final RestCalls calls;
    private final Secrets secrets;

    public OandaRest(String api, String stream, String token, String account, RestCalls.Pause pause, Duration unreachableLimit) {
        this.api = api;
        this.stream = stream;
        this.account = account;
        this.secrets = Secrets.of(token, account); // the account id is a credential too: never in a message
        this.headers = Map.of("Authorization", "Bearer " + token, "Accept-Datetime-Format", "RFC3339");
        this.calls = new RestCalls(headers, secrets, pause, unreachableLimit);
    }

    /** From {@code OANDA_API_TOKEN} and {@code OANDA_ACCOUNT_ID}, on the practice or live hosts. */
    public static OandaRest from(Credentials c, RestCalls.Pause pause, Duration unreachableLimit) {
        List<String> v = c.require("OANDA", "OANDA_API_TOKEN", "OANDA_ACCOUNT_ID");
        boolean live = c.get("OANDA_ENV").map("live"::equals).orElse(false);
        return new OandaRest(c.get("OANDA_API_URL").orElse(live ? LIVE : PRACTICE), c.get("OANDA_STREAM_URL").orElse(live ? LIVE_STREAM : PRACTICE_STREAM),
                v.get(0), v.get(1), pause, unreachableLimit);
    }

    public Secrets secrets() { return secrets; }

    public String streamUrl() { return stream; }

    public String apiUrl() { return api; }

    /** Whether this is OANDA's live (real money) service rather than the practice one. */
    public boolean live() {
        return api.startsWith(LIVE);
    }

    /**
     * The account's pricing stream for {@code instruments}, each line to {@code lines}; not started.
     *
     * @param silenceLimit how long without a line (prices or heartbeats) before it counts as dropped
     */
    public OandaStream pricing(List<String> instruments, java.util.function.Consumer<JsonNode> lines, java.util.function.Consumer<String> trouble,
                               Duration silenceLimit) {
        return new OandaStream(stream + "/v3/accounts/" + encode(account) + "/pricing/stream?instruments=" + encode(String.join(",", instruments)),
                headers, secrets, lines, () -> { }, trouble, silenceLimit);
    }

    /** The account's transactions stream (fills, cancellations); {@code reconnected} runs after each reconnection; not started. */
    public OandaStream transactions(java.util.function.Consumer<JsonNode> lines, Runnable reconnected, java.util.function.Consumer<String> trouble) {
        return new OandaStream(stream + "/v3/accounts/" + encode(account) + "/transactions/stream", headers, secrets, lines, reconnected, trouble,
                STREAM_SILENCE);
    }

    /** The account's transactions after {@code id}, oldest first: what a dropped stream missed. */
    public JsonNode transactionsSince(String id) {
        return calls.get(accountUrl() + "/transactions/sinceid?id=" + encode(id)).path("transactions");
    }

    private String accountUrl() {
        return api + "/v3/accounts/" + encode(account);
    }

    /**
     * Submits at most once: the order carries {@code clientId} in its client extensions, and if
     * OANDA already knows that id (an answer lost to a crash), the known order is returned.
     *
     * @return OANDA's answer: {@code orderCreateTransaction}, and {@code orderFillTransaction} when it filled at once
     */
    public JsonNode submit(OrderRequest r, String clientId, boolean mayExist) {
        if (mayExist) {
            Optional<JsonNode> known = orderByClientId(clientId);
            if (known.isPresent()) return known.get();
        }
        return calls.post(accountUrl() + "/orders", body(r, clientId));
    }

    /** The order sent as {@code clientId} ({@code {"order": ...}}); an order placed elsewhere is known as {@code OANDA order ID}. */
    public Optional<JsonNode> orderByClientId(String clientId) {
        String specifier = clientId.startsWith(PLACED_ELSEWHERE) ? clientId.substring(PLACED_ELSEWHERE.length()) : "@" + clientId;
        return calls.find(accountUrl() + "/orders/" + encode(specifier));
    }

    /** How an order without client extensions (placed by hand, or by another program) is named: {@code OANDA order 6372}. */
    private static final String PLACED_ELSEWHERE = "OANDA order ";

    /** One transaction of the account, by its id. */
    public JsonNode transaction(String id) {
        return calls.get(accountUrl() + "/transactions/" + encode(id)).path("transaction");
    }

    public JsonNode cancel(String orderSpecifier) {
        return calls.put(accountUrl() + "/orders/" + encode(orderSpecifier) + "/cancel", null);
    }

    /** Replaces an order: OANDA cancels it and creates the new one, answering with both transactions. */
    public JsonNode replace(String orderSpecifier, OrderRequest r, String clientId) {
        return calls.put(accountUrl() + "/orders/" + encode(orderSpecifier), body(r, clientId));
    }

    /** Net units per instrument, negative when short. */
    public Map<String, Double> openPositions() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Adoption.Position p : positions()) out.put(p.symbol(), p.qty());
        return out;
    }

    /** The open positions, net units (negative when short) at the average price of the side held. */
    public List<Adoption.Position> positions() {
        List<Adoption.Position> out = new ArrayList<>();
        for (JsonNode p : calls.get(accountUrl() + "/openPositions").path("positions")) {
            double net = p.path("long").path("units").asDouble() + p.path("short").path("units").asDouble();
            JsonNode side = p.path(net >= 0 ? "long" : "short");
            out.add(new Adoption.Position(p.path("instrument").asText(), net, side.path("averagePrice").asDouble(Double.NaN)));
        }
        return out;
    }

    /**
     * OANDA's positions and pending orders against what a journal holds, for a user who adopts
     * them: each pending order as the engine would have asked for it, known by its client id.
     */
    public Adoption adoption(JournalHoldings journal) {
        List<Adoption.Order> working = new ArrayList<>();
        for (JsonNode o : pendingOrders()) {
            String key = key(o);
            if (!journal.workingOrders().contains(key)) working.add(new Adoption.Order(key, request(o), 0, Double.NaN));
        }
        return Adoption.of(journal, positions(), working);
    }

    private static String key(JsonNode order) {
        String id = order.path("clientExtensions").path("id").asText("");
        return id.isEmpty() ? PLACED_ELSEWHERE + order.path("id").asText() : id;
    }

    /** A pending order of OANDA's as an engine order: a stop with a price bound is a stop-limit. */
    static OrderRequest request(JsonNode o) {
        double units = o.path("units").asDouble();
        Side side = units < 0 ? Side.SELL : Side.BUY;
        TimeInForce tif = "GTC".equals(o.path("timeInForce").asText()) ? TimeInForce.GTC : TimeInForce.DAY;
        double price = o.path("price").asDouble(Double.NaN);
        String instrument = o.path("instrument").asText();
        return switch (o.path("type").asText()) {
            case "LIMIT" -> OrderRequest.limit(instrument, side, Math.abs(units), price, tif, null);
            case "STOP" -> o.hasNonNull("priceBound")
                    ? OrderRequest.stopLimit(instrument, side, Math.abs(units), price, o.path("priceBound").asDouble(), tif, null)
                    : OrderRequest.stop(instrument, side, Math.abs(units), price, tif, null);
            default -> OrderRequest.market(instrument, side, Math.abs(units), null);
        };
    }

    public JsonNode pendingOrders() {
        return calls.get(accountUrl() + "/pendingOrders").path("orders");
    }

    /** The client ids of the account's pending orders (an order placed elsewhere shows as {@code OANDA order ID}). */
    public java.util.Set<String> pendingClientIds() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (JsonNode o : pendingOrders()) out.add(key(o));
        return out;
    }

    public JsonNode summary() {
        return calls.get(accountUrl() + "/summary").path("account");
    }

    JsonNode candles(String instrument, String query) {
        return calls.get(api + "/v3/instruments/" + encode(instrument) + "/candles?" + query);
    }

    static ObjectNode body(OrderRequest r, String clientId) {
        ObjectNode wrap = RestCalls.json().createObjectNode();
        ObjectNode o = wrap.putObject("order");
        String units = decimal(r.side() == Side.SELL ? -r.qty() : r.qty());
        switch (r.type()) {
            case MARKET -> o.put("type", "MARKET").put("instrument", r.symbol()).put("units", units).put("timeInForce", "FOK");
            case LIMIT -> o.put("type", "LIMIT").put("instrument", r.symbol()).put("units", units).put("price", decimal(r.limitPrice()))
                    .put("timeInForce", tif(r.tif()));
            case STOP -> o.put("type", "STOP").put("instrument", r.symbol()).put("units", units).put("price", decimal(r.stopPrice()))
                    .put("timeInForce", tif(r.tif()));
            // a stop whose fill is bounded by the limit: OANDA's priceBound
            case STOP_LIMIT -> o.put("type", "STOP").put("instrument", r.symbol()).put("units", units).put("price", decimal(r.stopPrice()))
                    .put("priceBound", decimal(r.limitPrice())).put("timeInForce", tif(r.tif()));
        }
        o.put("positionFill", "DEFAULT");
        o.putObject("clientExtensions").put("id", clientId).put("tag", r.tag());
        return wrap;
    }

    /** OANDA has no day orders for FX; a day order is good for the day as GFD. */
    private static String tif(TimeInForce t) {
        return t == TimeInForce.GTC ? "GTC" : "GFD";
    }

    static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
