package io.tradeshell.brokers.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** OANDA's v20 REST API for one account on 127.0.0.1, answering with the fixtures under {@code oanda/}. */
public final class FakeOanda implements AutoCloseable {
    public static final String TOKEN = "f4k3-oanda-token-0123456789abcdef-0123456789abcdef";
    public static final String ACCOUNT = "101-004-1234567-001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Orders by client id. */
    public final Map<String, JsonNode> orders = new LinkedHashMap<>();
    public volatile boolean dropNextSubmitAnswer;
    private int nextId = 6356;

    public FakeOanda() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static String fixture(String name) {
        try (InputStream in = FakeOanda.class.getResourceAsStream("/oanda/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getRawPath(), query = x.getRequestURI().getRawQuery();
        requests.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + " " + body);
        if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "{\"errorMessage\":\"Insufficient authorization to perform request.\"}");
            return;
        }
        String account = "/v3/accounts/" + ACCOUNT;
        if (x.getRequestMethod().equals("POST") && path.equals(account + "/orders")) {
            JsonNode order = JSON.readTree(body).path("order");
            String clientId = order.path("clientExtensions").path("id").asText();
            String id = Integer.toString(nextId);
            nextId += 2;
            ObjectNode answer = (ObjectNode) JSON.readTree(fixture("market_fill.json").replace("CLIENT_ID", clientId)
                    .replace("\"6356\"", "\"" + id + "\"").replace("\"-100\"", "\"" + order.path("units").asText() + "\""));
            if (!order.path("type").asText().equals("MARKET")) answer.remove("orderFillTransaction");
            ObjectNode stored = order.deepCopy();
            stored.put("id", id).put("state", "PENDING");
            orders.put(clientId, stored);
            if (dropNextSubmitAnswer) {
                dropNextSubmitAnswer = false;
                x.close();
                return;
            }
            send(x, 201, answer.toString());
        } else if (path.startsWith(account + "/orders/%40") || path.startsWith(account + "/orders/@")) {
            String clientId = path.substring(path.lastIndexOf('/') + 1).replace("%40", "").replace("@", "");
            JsonNode o = orders.get(clientId);
            if (o == null) send(x, 404, "{\"errorMessage\":\"The Order specified does not exist\",\"errorCode\":\"ORDER_DOESNT_EXIST\"}");
            else send(x, 200, JSON.createObjectNode().set("order", o).toString());
        } else if (path.equals(account + "/openPositions")) {
            send(x, 200, fixture("open_positions.json"));
        } else if (path.equals(account + "/summary")) {
            send(x, 200, fixture("summary.json"));
        } else if (path.equals("/v3/instruments/EUR_USD/candles")) {
            send(x, 200, fixture("candles.json"));
        } else {
            send(x, 404, "{\"errorMessage\":\"not found\"}");
        }
    }

    public long submits() {
        return requests.stream().filter(r -> r.startsWith("POST ")).count();
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
