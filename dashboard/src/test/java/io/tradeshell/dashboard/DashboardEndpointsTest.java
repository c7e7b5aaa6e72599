package io.tradeshell.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server's endpoints through a plain HTTP client. */
class DashboardEndpointsTest {
    @TempDir
    Path tmp;
    Path run;
    Dashboard dashboard;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        run = Files.createDirectories(tmp.resolve("runs/live"));
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        dashboard = Dashboard.start(new Dashboard.Settings(new Folders().root("runs", tmp.resolve("runs")), 0, Optional.empty(), Replays.NONE));
    }

    @AfterEach
    void stop() {
        dashboard.close();
    }

    static final java.util.Set<String> JOURNAL = java.util.Set.of("equity", "fills", "trades", "orders", "events", "alerts", "tca", "optimize");

    /** One line of a journal's Server-Sent Event (or a snapshot's whole event): the event's id, its name and the data. */
    record Event(String id, String name, String data) { }

    /** Reads a stream's events on a thread of its own, as a browser would. */
    final class Viewer implements AutoCloseable {
        final BlockingQueue<Event> events = new ArrayBlockingQueue<>(10_000);
        volatile int dispatched;
        final HttpResponse<java.io.InputStream> response;

        Viewer(String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(url("/api/stream?dir=runs/live")).header(AccessToken.HEADER, dashboard.token().value());
            if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String id = null, name = null, line;
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null) {
                        if (line.isEmpty()) {
                            if (name != null) dispatched++;
                            // a journal's event carries the lines read together, a data line each: one Event per line here
                            if (name != null && JOURNAL.contains(name)) for (String l : data.toString().split("\n", -1)) events.add(new Event(id, name, l));
                            else if (name != null) events.add(new Event(id, name, data.toString()));
                            name = null;
                            data.setLength(0);
                        } else if (line.startsWith("id: ")) id = line.substring(4);
                        else if (line.startsWith("event: ")) name = line.substring(7);
                        else if (line.startsWith("data: ")) data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
                    }
                } catch (Exception closed) {
                    // the test closed the stream
                }
            });
        }

        List<Event> take(int n) throws InterruptedException {
            List<Event> out = new ArrayList<>();
            while (out.size() < n) {
                Event e = events.poll(10, TimeUnit.SECONDS);
                assertThat(e).as("event %d of %d", out.size() + 1, n).isNotNull();
                if (e.name().equals("equity")) out.add(e);
            }
            return out;
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + dashboard.port() + path);
    }

    private void append(String text) throws Exception {
        Files.writeString(run.resolve("equity.jsonl"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> data(List<Event> events) {
        return events.stream().map(Event::data).toList();
    }

    @Test
    void theStreamDeliversEachNewLineOnceInOrderAndResumesAfterAReconnect() throws Exception {
        append("{\"n\":1}\n{\"n\":2}\n");
        String lastId;
        try (Viewer v = new Viewer(null)) {
            assertThat(data(v.take(2))).containsExactly("{\"n\":1}", "{\"n\":2}");
            append("{\"n\":3}\n{\"n\":4}\n{\"n\":"); // the last line is still being written
            List<Event> next = v.take(2);
            assertThat(data(next)).containsExactly("{\"n\":3}", "{\"n\":4}");
            append("5}\n");
            List<Event> fifth = v.take(1);
            assertThat(data(fifth)).containsExactly("{\"n\":5}");
            lastId = fifth.get(0).id();
            Thread.sleep(3 * EventStream.POLL_MILLIS);
            assertThat(v.events.stream().filter(e -> e.name().equals("equity"))).as("no line twice").isEmpty();
        }
        append("{\"n\":6}\n{\"n\":7}\n"); // written while nobody watched
        try (Viewer again = new Viewer(lastId)) {
            assertThat(data(again.take(2))).containsExactly("{\"n\":6}", "{\"n\":7}");
            Thread.sleep(3 * EventStream.POLL_MILLIS);
            assertThat(again.events.stream().filter(e -> e.name().equals("equity"))).as("nothing before the resume point").isEmpty();
        }
        // the id is the byte offset just past the line: the file's size after line 5
        assertThat(lastId).isEqualTo("equity.jsonl:" + "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n{\"n\":5}\n".length());
    }

    @Test
    void linesWrittenTogetherGoAsOneEventWhoseIdIsThePositionAfterItsLastLine() throws Exception {
        StringBuilder before = new StringBuilder();
        for (int n = 0; n < 5_000; n++) before.append("{\"n\":").append(n).append(",\"pad\":\"").append("x".repeat(40)).append("\"}\n");
        append(before.toString()); // a catch-up of about 300 kB
        try (Viewer v = new Viewer(null)) {
            List<Event> caught = v.take(5_000);
            assertThat(caught.get(4_999).data()).startsWith("{\"n\":4999,");
            assertThat(v.dispatched).as("a catch-up goes in events of about %d bytes", EventStream.EVENT_BYTES).isBetween(3, 20);
            assertThat(caught.get(4_999).id()).isEqualTo("equity.jsonl:" + before.length());

            int sent = v.dispatched;
            StringBuilder batch = new StringBuilder();
            for (int n = 0; n < 100; n++) batch.append("{\"m\":").append(n).append("}\n");
            append(batch.toString());
            List<Event> next = v.take(100);
            assertThat(next).extracting(Event::data).first().isEqualTo("{\"m\":0}");
            assertThat(v.dispatched - sent).as("100 lines written at once, read in one look").isLessThanOrEqualTo(2);
            assertThat(next.get(99).id()).isEqualTo("equity.jsonl:" + (before.length() + batch.length()));
        }
    }

    @Test
    void aNewLineReachesAViewerWithinASecond() throws Exception {
        try (Viewer v = new Viewer(null)) {
            Thread.sleep(3 * EventStream.POLL_MILLIS); // following, with nothing yet to send
            for (int n = 0; n < 5; n++) {
                long written = System.nanoTime();
                append("{\"n\":" + n + "}\n");
                assertThat(data(v.take(1))).containsExactly("{\"n\":" + n + "}");
                assertThat((System.nanoTime() - written) / 1_000_000).as("milliseconds from the line's write to the viewer").isLessThan(1_000);
            }
        }
    }

    @Test
    void twentyViewersAtOnceEachReceiveEveryNewLineOnceInOrder() throws Exception {
        append("{\"n\":0}\n"); // written before anyone watched: each viewer catches up on it
        List<Viewer> viewers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) viewers.add(new Viewer(null));
            for (Viewer v : viewers) assertThat(data(v.take(1))).containsExactly("{\"n\":0}");
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 300; n++) {
                append("{\"n\":" + n + "}\n");
                expected.add("{\"n\":" + n + "}");
                if (n % 50 == 0) Thread.sleep(EventStream.POLL_MILLIS / 2); // lines arrive over several looks of the tail
            }
            for (Viewer v : viewers) assertThat(data(v.take(300))).containsExactlyElementsOf(expected);
        } finally {
            for (Viewer v : viewers) v.close();
        }
    }

    @Test
    void linesWrittenJustBeforeTheDashboardClosesStillReachItsViewers() throws Exception {
        append("{\"n\":0}\n");
        try (Viewer v = new Viewer(null)) {
            assertThat(data(v.take(1))).containsExactly("{\"n\":0}");
            append("{\"n\":1}\n{\"n\":2}\n"); // the session's last lines,
            dashboard.close(); // and at once its end closes the dashboard, before the reader's next look
            assertThat(data(v.take(2))).containsExactly("{\"n\":1}", "{\"n\":2}");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a line never sent would leave the reader waiting
    void aViewerThatFallsFarBehindStillReceivesEveryLineOnceInOrder() throws Exception {
        // A viewer that reads nothing while about 23 MB arrive over ten of the tail's looks: the tail keeps
        // only its last batches (about 4 MB), so once the connection's buffers are full this viewer
        // misses batches and has to read the files itself to catch up.
        HttpRequest request = HttpRequest.newBuilder(url("/api/stream?dir=runs/live")).header(AccessToken.HEADER, dashboard.token().value()).build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        int lines = 200_000;
        String pad = "x".repeat(100);
        StringBuilder chunk = new StringBuilder();
        for (int n = 1; n <= lines; n++) {
            chunk.append("{\"n\":").append(n).append(",\"pad\":\"").append(pad).append("\"}\n");
            if (n % 20_000 == 0) {
                append(chunk.toString());
                chunk.setLength(0);
                Thread.sleep(2 * EventStream.POLL_MILLIS); // the next part goes in the tail's next look
            }
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            int next = 1;
            while (next <= lines) {
                String line = in.readLine();
                assertThat(line).as("line %d of %d", next, lines).isNotNull();
                if (!line.startsWith("data: {\"n\":")) continue;
                assertThat(line).isEqualTo("data: {\"n\":" + next + ",\"pad\":\"" + pad + "\"}");
                next++;
            }
        }
    }

    @Test
    void viewersBeyondTheStreamsAtOnceAreAskedToComeBackAndTheOthersAreServed() throws Exception {
        append("{\"n\":0}\n");
        List<Viewer> viewers = new ArrayList<>();
        try {
            for (int i = 0; i < Dashboard.STREAMS; i++) viewers.add(new Viewer(null));
            for (Viewer v : viewers) assertThat(v.response.statusCode()).isEqualTo(200);
            try (Viewer turnedAway = new Viewer(null)) {
                assertThat(turnedAway.response.statusCode()).as("one stream more than the dashboard keeps threads for").isEqualTo(503);
            }
            append("{\"n\":1}\n");
            for (Viewer v : viewers) assertThat(data(v.take(2))).containsExactly("{\"n\":0}", "{\"n\":1}");
        } finally {
            for (Viewer v : viewers) v.close();
        }
    }

    @Test
    void withoutTheTokenNothingIsServedAndNothingCanBePosted() throws Exception {
        Files.writeString(run.resolve("summary.json"), "{\"name\": \"SMA crossover\"}");
        for (String path : List.of("/", "/api/index", "/run?dir=runs/live", "/api/stream?dir=runs/live", "/assets/common.js",
                "/api/index?token=" + "0".repeat(48))) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).isEmpty();
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(url("/api/command?dir=runs/live&do=kill&token=" + dashboard.token().value()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("a command needs the token in its header, not only in the URL").isEqualTo(403);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url("/api/index?token=" + dashboard.token().value())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("runs/live");
    }

    @Test
    void noUrlReachesAFileOutsideTheFolders() throws Exception {
        String t = "&token=" + dashboard.token().value();
        for (String path : List.of("/api/file?dir=runs/live/..&name=secret.txt", "/api/file?dir=runs/live/%2e%2e/..&name=secret.txt",
                "/api/file?dir=runs&name=..%2Fsecret.txt", "/api/file?dir=%2Fetc&name=passwd", "/assets/%2e%2e/%2e%2e/secret.txt?x=1",
                "/api/stream?dir=runs/..")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url(path + t)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isIn(403, 404);
            assertThat(r.body()).as(path).doesNotContain("secret").isEmpty();
        }
    }
}
