package io.tradeshell.brokers.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OANDA's v20 REST API for one account on 127.0.0.1, answering with the fixtures under {@code
 * oanda/}: orders (a market order fills at once at {@link #marketPrice}), pending orders, open
 * positions (from the fills, in the shape of {@code open_positions.json}), the summary, candles, one transaction by id, the transactions since an id, and the two streams, which
 * send the lines a test puts in {@link #prices} and {@link #transactionLines} ({@link #DROP}
 * ends the connection there, as a network failure would).
 */
public final class FakeOanda implements AutoCloseable {
    public static final String TOKEN = "f4k3-oanda-token-0123456789abcdef-0123456789abcdef";
    public static final String ACCOUNT = "101-004-1234567-001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Orders by client id. */
    public final Map<String, JsonNode> orders = new LinkedHashMap<>();
    public volatile boolean dropNextSubmitAnswer;
    /** When not 0, every REST request is answered with this status (503: OANDA out of service). */
    public volatile int failWith;
    /** Where a market order fills. */
    public volatile String marketPrice = "1.08512";
    /** Whether a fill also goes out on the transactions stream (false: as if the stream were down). */
    public volatile boolean streamTransactions = true;
    public static final String DROP = "DROP";
    public final BlockingQueue<String> prices = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> transactionLines = new LinkedBlockingQueue<>();
    public final AtomicInteger priceConnections = new AtomicInteger(), transactionConnections = new AtomicInteger();
    /**
     * Net units and average price per instrument, from the fills; a test may set one beforehand
     * (a position someone opened by hand) or remove one (closed elsewhere).
     */
    public final Map<String, double[]> positions = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Every transaction, oldest first. */
    public final List<JsonNode> transactions = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-oanda");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;
    private int nextId = 6356;

    public FakeOanda() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", this::dispatch);
        server.setExecutor(threads);
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

    private void dispatch(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        if (path.endsWith("/pricing/stream")) stream(x, prices, priceConnections);
        else if (path.endsWith("/transactions/stream")) stream(x, transactionLines, transactionConnections);
        else handle(x);
    }

    /** A stream: the queue's lines as they come, until {@link #DROP} or the fake closes. */
    private void stream(HttpExchange x, BlockingQueue<String> lines, AtomicInteger connections) throws IOException {
        String query = x.getRequestURI().getRawQuery();
        requests.add("GET " + x.getRequestURI().getRawPath() + (query == null ? "" : "?" + query) + " ");
        if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "{\"errorMessage\":\"Insufficient authorization to perform request.\"}");
            return;
        }
        x.getResponseHeaders().add("Content-Type", "application/octet-stream");
        x.sendResponseHeaders(200, 0);
        connections.incrementAndGet();
        try (OutputStream out = x.getResponseBody()) {
            out.flush(); // the headers go now, as OANDA's do, before the first line
            while (!stopped) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line == null) continue;
                if (line.equals(DROP)) break;
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private synchronized ObjectNode transaction(String type, String orderId, String clientId) {
        ObjectNode t = JSON.createObjectNode().put("id", Integer.toString(nextId++)).put("type", type).put("accountID", ACCOUNT)
                .put("time", "2024-03-04T14:30:00.000000000Z").put("orderID", orderId).put("clientOrderID", clientId);
        return t;
    }

    private void record(JsonNode t, boolean toStream) {
        transactions.add(t);
        if (toStream && streamTransactions) transactionLines.add(t.toString());
    }

    /** The market reaches a pending order: it fills whole at {@code price}, said on the stream unless it is down. */
    public synchronized void fill(String clientId, String price) {
        ObjectNode o = (ObjectNode) orders.get(clientId);
        ObjectNode t = transaction("ORDER_FILL", o.path("id").asText(), clientId).put("instrument", o.path("instrument").asText())
                .put("units", o.path("units").asText()).put("price", price).put("commission", "0.0000").put("reason", o.path("type").asText() + "_ORDER");
        o.put("state", "FILLED").put("fillingTransactionID", t.path("id").asText());
        record(t, true);
        held(o.path("instrument").asText(), o.path("units").asDouble(), Double.parseDouble(price));
    }

    /** A fill of {@code units} (negative: sold) at {@code price} moves the instrument's position. */
    private void held(String instrument, double units, double price) {
        double[] p = positions.computeIfAbsent(instrument, k -> new double[2]);
        double net = p[0] + units;
        // the average price of what is held: kept when reducing, the fill's own on a flip
        if (Math.abs(net) < 1e-9) positions.remove(instrument);
        else if (Math.signum(net) != Math.signum(p[0])) p[1] = price;
        else if (Math.abs(net) > Math.abs(p[0])) p[1] = (p[0] * p[1] + units * price) / net;
        p[0] = net;
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getRawPath(), query = x.getRequestURI().getRawQuery();
        requests.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + " " + body);
        if (failWith != 0) {
            send(x, failWith, "{\"errorMessage\":\"Service unavailable, please retry later\"}");
            return;
        }
        if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "{\"errorMessage\":\"Insufficient authorization to perform request.\"}");
            return;
        }
        String account = "/v3/accounts/" + ACCOUNT;
        if (x.getRequestMethod().equals("POST") && path.equals(account + "/orders")) {
            JsonNode order = JSON.readTree(body).path("order");
            String clientId = order.path("clientExtensions").path("id").asText();
            String id = Integer.toString(nextId), fillId = Integer.toString(nextId + 1);
            nextId += 2;
            ObjectNode answer = (ObjectNode) JSON.readTree(fixture("market_fill.json").replace("CLIENT_ID", clientId)
                    .replace("\"6357\"", "\"" + fillId + "\"").replace("\"6356\"", "\"" + id + "\"")
                    .replace("\"-100\"", "\"" + order.path("units").asText() + "\"").replace("1.08512", marketPrice));
            boolean market = order.path("type").asText().equals("MARKET");
            if (!market) {
                answer.remove("orderFillTransaction");
                answer.put("lastTransactionID", id);
            }
            ObjectNode stored = order.deepCopy();
            stored.put("id", id).put("state", market ? "FILLED" : "PENDING");
            if (market) {
                stored.put("fillingTransactionID", fillId);
                held(order.path("instrument").asText(), order.path("units").asDouble(), Double.parseDouble(marketPrice));
            }
            orders.put(clientId, stored);
            record(answer.get("orderCreateTransaction"), true);
            if (market) record(answer.get("orderFillTransaction"), true);
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
        } else if (x.getRequestMethod().equals("PUT") && path.startsWith(account + "/orders/") && path.endsWith("/cancel")) {
            String spec = path.substring((account + "/orders/").length(), path.length() - "/cancel".length());
            ObjectNode o = (ObjectNode) orders.values().stream().filter(v -> v.path("id").asText().equals(spec) && v.path("state").asText().equals("PENDING"))
                    .findFirst().orElse(null);
            if (o == null) {
                send(x, 404, "{\"errorMessage\":\"The Order specified does not exist\",\"errorCode\":\"ORDER_DOESNT_EXIST\"}");
                return;
            }
            ObjectNode t = transaction("ORDER_CANCEL", spec, o.path("clientExtensions").path("id").asText()).put("reason", "CLIENT_REQUEST");
            o.put("state", "CANCELLED").put("cancellingTransactionID", t.path("id").asText());
            record(t, true);
            send(x, 200, JSON.createObjectNode().<ObjectNode>set("orderCancelTransaction", t).put("lastTransactionID", t.path("id").asText()).toString());
        } else if (x.getRequestMethod().equals("PUT") && path.startsWith(account + "/orders/")) {
            replace(x, path.substring((account + "/orders/").length()), JSON.readTree(body).path("order"));
        } else if (path.equals(account + "/pendingOrders")) {
            ObjectNode answer = JSON.createObjectNode();
            var list = answer.putArray("orders");
            orders.values().stream().filter(v -> v.path("state").asText().equals("PENDING")).forEach(list::add);
            send(x, 200, answer.toString());
        } else if (path.equals(account + "/transactions/sinceid")) {
            long since = Long.parseLong(query.substring(query.indexOf('=') + 1));
            ObjectNode answer = JSON.createObjectNode();
            var list = answer.putArray("transactions");
            transactions.stream().filter(t -> Long.parseLong(t.path("id").asText()) > since).forEach(list::add);
            send(x, 200, answer.toString());
        } else if (path.startsWith(account + "/transactions/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            JsonNode t = transactions.stream().filter(v -> v.path("id").asText().equals(id)).findFirst().orElse(null);
            if (t == null) send(x, 404, "{\"errorMessage\":\"The transaction ID specified does not exist\"}");
            else send(x, 200, JSON.createObjectNode().<ObjectNode>set("transaction", t).put("lastTransactionID", Integer.toString(nextId - 1)).toString());
        } else if (path.equals(account + "/openPositions")) {
            send(x, 200, openPositions());
        } else if (path.equals(account + "/summary")) {
            send(x, 200, fixture("summary.json"));
        } else if (path.equals("/v3/instruments/EUR_USD/candles")) {
            send(x, 200, fixture("candles.json"));
        } else {
            send(x, 404, "{\"errorMessage\":\"not found\"}");
        }
    }

    /** OANDA's replace: the pending order is cancelled and a new one created in its place, both in the answer. */
    private void replace(HttpExchange x, String spec, JsonNode order) throws IOException {
        ObjectNode old = (ObjectNode) orders.values().stream().filter(v -> v.path("id").asText().equals(spec) && v.path("state").asText().equals("PENDING"))
                .findFirst().orElse(null);
        if (old == null) {
            send(x, 404, "{\"errorMessage\":\"The Order specified does not exist\",\"errorCode\":\"ORDER_DOESNT_EXIST\"}");
            return;
        }
        String clientId = order.path("clientExtensions").path("id").asText();
        ObjectNode cancel = transaction("ORDER_CANCEL", spec, old.path("clientExtensions").path("id").asText()).put("reason", "CLIENT_REQUEST_REPLACED");
        old.put("state", "CANCELLED").put("cancellingTransactionID", cancel.path("id").asText());
        ObjectNode create = transaction(order.path("type").asText() + "_ORDER", "", clientId);
        create.remove("orderID");
        create.put("instrument", order.path("instrument").asText()).put("units", order.path("units").asText()).put("price", order.path("price").asText())
                .put("replacesOrderID", spec);
        ObjectNode stored = order.deepCopy();
        stored.put("id", create.path("id").asText()).put("state", "PENDING").put("replacesOrderID", spec);
        orders.put(clientId, stored);
        record(cancel, true);
        record(create, true);
        send(x, 201, JSON.createObjectNode().<ObjectNode>set("orderCancelTransaction", cancel).<ObjectNode>set("orderCreateTransaction", create)
                .put("lastTransactionID", create.path("id").asText()).toString());
    }

    /** The account's open positions in v20's shape: units and average price on the side held. */
    private String openPositions() {
        ObjectNode answer = JSON.createObjectNode();
        var list = answer.putArray("positions");
        positions.forEach((instrument, p) -> {
            ObjectNode e = list.addObject().put("instrument", instrument);
            String units = java.math.BigDecimal.valueOf(p[0]).stripTrailingZeros().toPlainString();
            e.putObject("long").put("units", p[0] > 0 ? units : "0");
            e.putObject("short").put("units", p[0] < 0 ? units : "0");
            ((ObjectNode) e.get(p[0] > 0 ? "long" : "short")).put("averagePrice", Double.toString(p[1]));
        });
        answer.put("lastTransactionID", Integer.toString(nextId - 1));
        return answer.toString();
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
        stopped = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
