package io.tradeshell.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradeshell.engine.journal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * The dashboard's server: the JDK's own HTTP server on 127.0.0.1, each request on a thread of
 * the dashboard's own, which give way to the trading thread ({@link BackgroundThreads}; a
 * viewer's event stream holds one while it is open, {@value #STREAMS} streams at most). Nothing
 * is served without the token, and no URL reaches outside the {@link Folders}.
 *
 * <pre>
 *   /            index (runs, paper accounts, sweeps)     /api/index
 *   /run?dir=    a run or paper session                   /api/stream?dir=   (Server-Sent Events)
 *   /sweep?dir=  a sweep filling in                       /api/file?dir=&amp;name=, /api/chart?dir=, /api/parity?dir=[&amp;curve]
 *   /assets/...  the pages' scripts and the vendored chart libraries
 *   POST /api/command?dir=&amp;do=pause|resume|flatten|kill   (token in the X-Tradeshell-Token header)
 * </pre>
 */
public final class Dashboard implements AutoCloseable {
    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-zA-Z0-9_.-]*(/[a-zA-Z0-9][a-zA-Z0-9_.-]*)?");
    private static final String WEB = "/io/tradeshell/dashboard/web/";

    /**
     * @param folders what URLs may reach
     * @param port    0 for any free port
     * @param focus   the folder the index opens on, if the dashboard was started for one
     */
    public record Settings(Folders folders, int port, Optional<Path> focus, Replays replays) { }

    private final Settings settings;
    private final AccessToken token;
    private final HttpServer server;
    private final BackgroundThreads background = new BackgroundThreads();
    /** Each open event stream holds one of the dashboard's threads: this many at most. */
    static final int STREAMS = 64;
    private final Semaphore streams = new Semaphore(STREAMS);
    private final ExecutorService threads = Executors.newCachedThreadPool(background);
    private final ReplayViews views;
    private final FolderTail.Registry tails = new FolderTail.Registry(background);
    private volatile boolean open = true;

    private Dashboard(Settings settings, AccessToken token) throws IOException {
        this.settings = settings;
        this.token = token;
        this.views = new ReplayViews(settings.replays());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    /** Starts serving; {@link #banner()} is what to print first. */
    public static Dashboard start(Settings settings) throws IOException {
        Dashboard d = new Dashboard(settings, AccessToken.random());
        d.server.start();
        return d;
    }

    public int port() { return server.getAddress().getPort(); }

    public AccessToken token() { return token; }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + "/?token=" + token.value());
    }

    /** The line to print first on standard output. */
    public String banner() {
        return "dashboard: " + url();
    }

    /**
     * Stops serving. Open event streams first send what the journal files gained since their
     * last look (a max-speed session ends a fraction of a second after its last lines), for up
     * to {@value #DRAIN_MILLIS} ms, then every connection is closed.
     */
    @Override
    public void close() {
        open = false;
        tails.wakeAll();
        threads.shutdown();
        try {
            threads.awaitTermination(DRAIN_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        threads.shutdownNow();
    }

    /** How long open pages are given their last lines when the dashboard closes. */
    public static final long DRAIN_MILLIS = 2_000;

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            Query q = Query.of(uri);
            String path = uri.getPath();
            // ".." anywhere, encoded or not, gets nothing: no URL names a parent folder
            if (path.contains("..") || uri.getRawPath().contains("..") || q.values().stream().anyMatch(v -> v.contains(".."))) {
                empty(ex, 404);
                return;
            }
            if (!token.admits(ex)) {
                empty(ex, 403);
                return;
            }
            route(ex, path, q);
        } catch (IOException | RuntimeException e) {
            // the viewer went away, or a file changed under us: nothing to answer
        }
    }

    private void route(HttpExchange ex, String path, Query q) throws IOException {
        boolean get = ex.getRequestMethod().equals("GET");
        switch (path) {
            case "/", "/index.html" -> page(ex, "index.html");
            case "/run" -> page(ex, "run.html");
            case "/sweep" -> page(ex, "sweep.html");
            case "/api/index" -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("entries", Catalog.entries(settings.folders()));
                body.put("focus", settings.focus().flatMap(settings.folders()::ref).orElse(null));
                body.put("focusKind", settings.focus().map(Catalog::kindOf).orElse(null));
                json(ex, body);
            }
            case "/api/stream" -> {
                Optional<Path> dir = folder(q);
                if (dir.isEmpty() || !get) empty(ex, 404);
                else if (!streams.tryAcquire()) empty(ex, 503); // a page asks again a second later
                else {
                    try {
                        EventStream.serve(ex, dir.get(), tails, () -> open);
                    } finally {
                        streams.release();
                    }
                }
            }
            case "/api/file" -> {
                Optional<Path> file = q.first("dir").flatMap(d -> settings.folders().file(d, q.first("name").orElse("")));
                if (file.isEmpty()) empty(ex, 404);
                else send(ex, 200, contentType(file.get().toString()), Files.readAllBytes(file.get()));
            }
            case "/api/chart" -> {
                Optional<Path> dir = folder(q);
                if (dir.isEmpty()) empty(ex, 404);
                else send(ex, 200, "application/json; charset=utf-8", views.chart(dir.get()));
            }
            case "/api/parity" -> {
                Optional<Path> dir = folder(q).filter(d -> Files.exists(d.resolve("session.json")));
                if (dir.isEmpty()) empty(ex, 404);
                else send(ex, 200, "application/json; charset=utf-8", views.parity(dir.get(), q.first("curve").isPresent()));
            }
            case "/api/command" -> command(ex, q);
            default -> {
                if (path.startsWith("/assets/") && ASSET.matcher(path.substring(8)).matches()) asset(ex, path.substring(8));
                else empty(ex, 404);
            }
        }
    }

    private void command(HttpExchange ex, Query q) throws IOException {
        if (!ex.getRequestMethod().equals("POST") || !token.admitsCommand(ex)) {
            empty(ex, 403);
            return;
        }
        Optional<Path> account = folder(q).filter(d -> Files.exists(d.resolve("session.json")));
        Optional<Operator.Answer> answer = account.flatMap(a -> Operator.send(a, q.first("do").orElse("")));
        if (answer.isEmpty()) {
            empty(ex, 404);
            return;
        }
        json(ex, Map.of("ok", answer.get().ok(), "message", answer.get().message()));
    }

    private Optional<Path> folder(Query q) {
        return q.first("dir").flatMap(settings.folders()::folder);
    }

    private void page(HttpExchange ex, String name) throws IOException {
        ex.getResponseHeaders().add("Set-Cookie", token.setCookie());
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        asset(ex, name);
    }

    private static void asset(HttpExchange ex, String name) throws IOException {
        try (InputStream in = Dashboard.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                empty(ex, 404);
                return;
            }
            send(ex, 200, contentType(name), in.readAllBytes());
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".json") || name.endsWith(".jsonl")) return "application/json; charset=utf-8";
        return "text/plain; charset=utf-8";
    }

    private static void json(HttpExchange ex, Object body) throws IOException {
        send(ex, 200, "application/json; charset=utf-8", Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(body));
    }

    private static void empty(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
