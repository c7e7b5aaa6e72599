package io.tradeshell.brokers.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Alpaca's trading and market data REST API on 127.0.0.1, answering with the documented JSON
 * (the fixtures under {@code alpaca/} in the test resources). Every request is recorded as
 * {@code METHOD path?query body}; failures can be scripted ahead of time.
 */
public final class FakeAlpaca implements AutoCloseable {
    public static final String KEY = "PKTESTKEY0123456789";
    public static final String SECRET = "s3cr3t-fake-alpaca-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Orders by Alpaca id, in the order they were created. */
    public final Map<String, ObjectNode> orders = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    public volatile JsonNode positions = fixture("positions.json");
    /** Statuses to answer the next requests with before serving them (429 carries Retry-After: 2). */
    public final Deque<Integer> failures = new ArrayDeque<>();
    /** Take the next order, then drop the connection without an answer (the client never hears back). */
    public volatile boolean dropNextSubmitAnswer;
    /** Reject the next order as Alpaca does an unaffordable one (403). */
    public volatile boolean rejectNextSubmit;
    private int nextId = 1;

    public FakeAlpaca() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static JsonNode fixture(String name) {
        try (InputStream in = FakeAlpaca.class.getResourceAsStream("/alpaca/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixtureText(String name) {
        return fixture(name).toString();
    }

    /** Only requests that create orders. */
    public long submits() {
        return requests.stream().filter(r -> r.startsWith("POST /v2/orders ")).count();
    }

    /** The order changes at the broker, as the market fills it. */
    public ObjectNode fillAtBroker(String id, String filledQty, String avgPrice, String status) {
        ObjectNode o = orders.get(id);
        o.put("filled_qty", filledQty).put("filled_avg_price", avgPrice).put("status", status);
        return o;
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath(), query = x.getRequestURI().getRawQuery();
        String method = x.getRequestMethod();
        requests.add(method + " " + path + (query == null ? "" : "?" + query) + " " + body);
        if (!KEY.equals(x.getRequestHeaders().getFirst("APCA-API-KEY-ID")) || !SECRET.equals(x.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"))) {
            send(x, 401, "{\"code\":40110000,\"message\":\"request is not authorized\"}");
            return;
        }
        Integer fail = failures.poll();
        if (fail != null) {
            if (fail == 429) x.getResponseHeaders().add("Retry-After", "2");
            send(x, fail, fail == 429 ? "{\"code\":42910000,\"message\":\"rate limit exceeded\"}" : "{\"code\":50010000,\"message\":\"internal server error\"}");
            return;
        }
        Map<String, String> q = query(query);
        switch (method + " " + route(path)) {
            case "POST /v2/orders" -> submit(x, JSON.readTree(body));
            case "GET /v2/orders:by_client_order_id" -> {
                ObjectNode o = byClientId(q.get("client_order_id"));
                if (o == null) send(x, 404, "{\"code\":40410000,\"message\":\"order not found\"}");
                else send(x, 200, o.toString());
            }
            case "GET /v2/orders" -> {
                ArrayNode a = JSON.createArrayNode();
                for (ObjectNode o : orders.values()) if (isOpen(o)) a.add(o);
                send(x, 200, a.toString());
            }
            case "GET /v2/orders/ID" -> send(x, 200, orders.get(last(path)).toString());
            case "DELETE /v2/orders/ID" -> {
                ObjectNode o = orders.get(last(path));
                if (o == null || !isOpen(o)) send(x, 422, "{\"code\":42210000,\"message\":\"order is not cancelable\"}");
                else {
                    o.put("status", "canceled");
                    send(x, 204, "");
                }
            }
            case "PATCH /v2/orders/ID" -> replace(x, orders.get(last(path)), JSON.readTree(body));
            case "GET /v2/positions" -> send(x, 200, positions.toString());
            case "GET /v2/account" -> send(x, 200, fixture("account.json").toString());
            case "GET /v2/clock" -> send(x, 200, fixture("clock.json").toString());
            case "GET /v2/stocks/bars" -> send(x, 200, fixture(q.containsKey("page_token") ? "bars_page2.json" : "bars_page1.json").toString());
            case "GET /v1beta3/crypto/us/bars" -> send(x, 200, fixture("crypto_bars.json").toString());
            default -> send(x, 404, "{\"code\":40410000,\"message\":\"not found\"}");
        }
    }

    private void submit(HttpExchange x, JsonNode r) throws IOException {
        if (byClientId(r.path("client_order_id").asText()) != null) {
            send(x, 422, "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}");
            return;
        }
        if (rejectNextSubmit) {
            rejectNextSubmit = false;
            send(x, 403, "{\"code\":40310000,\"message\":\"insufficient buying power\"}");
            return;
        }
        ObjectNode o = (ObjectNode) fixture("order.json");
        String id = String.format("00000000-0000-4000-8000-%012d", nextId++);
        o.put("id", id).put("client_order_id", r.path("client_order_id").asText()).put("symbol", r.path("symbol").asText())
                .put("qty", r.path("qty").asText()).put("side", r.path("side").asText()).put("type", r.path("type").asText())
                .put("order_type", r.path("type").asText()).put("time_in_force", r.path("time_in_force").asText()).put("status", "new");
        o.set("limit_price", r.has("limit_price") ? r.get("limit_price") : JSON.nullNode());
        o.set("stop_price", r.has("stop_price") ? r.get("stop_price") : JSON.nullNode());
        if (r.path("symbol").asText().contains("/")) o.put("asset_class", "crypto");
        orders.put(id, o);
        if (dropNextSubmitAnswer) {
            dropNextSubmitAnswer = false;
            x.close(); // taken, never answered
            return;
        }
        send(x, 200, o.toString());
    }

    private void replace(HttpExchange x, ObjectNode old, JsonNode r) throws IOException {
        if (old == null || !isOpen(old)) {
            send(x, 422, "{\"code\":42210000,\"message\":\"order is not replaceable\"}");
            return;
        }
        ObjectNode o = old.deepCopy();
        String id = String.format("00000000-0000-4000-8000-%012d", nextId++);
        o.put("id", id).put("replaces", old.path("id").asText()).put("status", "new");
        if (r.has("qty")) o.put("qty", r.get("qty").asText());
        if (r.has("limit_price")) o.put("limit_price", r.get("limit_price").asText());
        if (r.has("stop_price")) o.put("stop_price", r.get("stop_price").asText());
        if (r.has("client_order_id")) o.put("client_order_id", r.get("client_order_id").asText());
        old.put("status", "replaced").put("replaced_by", id);
        orders.put(id, o);
        send(x, 200, o.toString());
    }

    private ObjectNode byClientId(String id) {
        for (ObjectNode o : orders.values()) if (o.path("client_order_id").asText().equals(id)) return o;
        return null;
    }

    private static boolean isOpen(JsonNode o) {
        return List.of("new", "accepted", "partially_filled", "pending_new").contains(o.path("status").asText());
    }

    private static String route(String path) {
        return path.matches("/v2/orders/[^/:]+") ? "/v2/orders/ID" : path;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, String> query(String q) {
        Map<String, String> out = new LinkedHashMap<>();
        if (q == null) return out;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, status == 204 ? -1 : b.length);
        if (status != 204) x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
